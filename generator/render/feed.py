"""An Atom feed of plan publications and updates (feed.xml): one entry per
plan, dated by its last change, newest first, up to FEED_ENTRIES (a feed
reader wants the news, not the archive: every plan is in data/plans.jsonl.gz).
Built with ElementTree, so every plan string is XML-escaped by the
serializer."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from xml.etree import ElementTree as ET

from generator.periods import LooseDate
from generator.render import urls
from generator.render.languages import lang_attr
from generator.render.listing import Listing
from generator.render.messages import Messages

ATOM = "http://www.w3.org/2005/Atom"
# The plans in the feed: the newest. About 600 bytes each.
FEED_ENTRIES = 100


def atom_feed(listings: Sequence[Listing], today: date, site_url: str, messages: Messages) -> str:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": messages.language})
    # A feed entry needs the day of its last change: a plan whose source
    # gives only a month or a year is not in the feed, rather than dated a
    # day it does not give.
    dated = [
        (day, plan)
        for listing in listings
        for plan in listing.plans
        if (day := _day(plan.last_changed)) is not None
    ]
    dated.sort(key=lambda item: (item[0], item[1].agency.id, item[1].key), reverse=True)
    entries = [plan for _, plan in dated[:FEED_ENTRIES]]
    newest = dated[0][0] if dated else today
    _text(feed, "id", site_url + urls.FEED)
    _text(feed, "title", str(messages.text("feed.title")))
    _text(feed, "subtitle", str(messages.text("feed.subtitle")))
    _text(feed, "updated", _timestamp(newest))
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": site_url + urls.FEED})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": site_url})
    for plan in entries:
        # A plan not translated into the feed's language says its own.
        own = {"xml:lang": plan.language} if lang_attr(plan.language, messages.language) else {}
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry", own)
        page = site_url + plan.url
        # The id names the plan and its version, so an update is a new item.
        changed = _day(plan.last_changed)
        assert changed is not None
        _text(entry, "id", f"{page}#{plan.key}-{changed.isoformat()}")
        _text(entry, "title", f"{plan.agency.name}: {plan.title}")
        published = _day(plan.published)
        if published is not None:
            _text(entry, "published", _timestamp(published))
        _text(entry, "updated", _timestamp(changed))
        author = ET.SubElement(entry, f"{{{ATOM}}}author")
        _text(author, "name", plan.agency.name)
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "href": page})
        if plan.summary:
            _text(entry, "summary", plan.summary)
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = text


def _day(when: LooseDate | None) -> date | None:
    return when.first if when is not None and when.precision == "day" else None


def _timestamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
