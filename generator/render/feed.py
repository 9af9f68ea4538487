"""An Atom feed of plan publications and updates (feed.xml): one entry per
plan, dated by its last change, newest first, up to FEED_ENTRIES (a feed
reader wants the news, not the archive: every plan is in data/plans.json).
Built with ElementTree, so every plan string is XML-escaped by the
serializer."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from xml.etree import ElementTree as ET

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
    entries = sorted(
        (plan for listing in listings for plan in listing.plans),
        key=lambda plan: (plan.last_changed, plan.agency.id, plan.key),
        reverse=True,
    )[:FEED_ENTRIES]
    newest = entries[0].last_changed if entries else today
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
        _text(entry, "id", f"{page}#{plan.key}-{plan.last_changed.isoformat()}")
        _text(entry, "title", f"{plan.agency.name}: {plan.title}")
        _text(entry, "published", _timestamp(plan.published))
        _text(entry, "updated", _timestamp(plan.last_changed))
        author = ET.SubElement(entry, f"{{{ATOM}}}author")
        _text(author, "name", plan.agency.name)
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "href": page})
        _text(entry, "summary", plan.summary)
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = text


def _timestamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
