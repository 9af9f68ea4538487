"""The ways to reach an agency and to complain, on each agency page and on
the page of how to complain to every agency, in English and in Spanish: each
card and each line says a label once (one web label at most: "Web:" and
"Website:" are one thing), never labels a value with itself
("fba.example.gov: fba.example.gov"), gives directions a labelled line of
their own apart from the address, and says how and where to give each
other kind of feedback, as far as the plan says it."""

from __future__ import annotations

import re

import pytest

from generator.check.rules import CHANNEL_CONTACT
from generator.load.yaml_source import load_file
from generator.render.messages import load_messages
from generator.render.vocabulary import enum_values
from tests.site.conftest import PLANS, Built
from tests.site.html import Element, content

LANGUAGES = ["en", "es"]
# The agency's contact, every kind of contact line, and the kind of channel:
# what a card labels with.
CONTACT_LABELS = ("phone", "fax", "email", "web", "contact_page", "address", "website")
CHANNEL_LABELS = ("directions", "hours", "languages", "accessibility")
# Labels that all name a web address the same way.
WEB = ("contact.web", "contact.website", "labels.channel_type.web")


def _prefix(language: str) -> str:
    return "" if language == "en" else f"{language}/"


def _words(text: str) -> str:
    return " ".join(text.split())


def _plans(language: str) -> list[tuple[str, str, dict, dict]]:
    """(page url, agency, plan, its translation into `language` or {}) of
    each example plan that has a page."""
    out = []
    for path in sorted(PLANS.glob("*/*.yaml")):
        if path.suffixes != [".yaml"]:
            continue
        document, _ = load_file(path)
        assert document is not None
        plan = document.data
        agency = path.parent.name
        page = f"{_prefix(language)}agencies/{agency}/"
        if plan["plan"]["status"] != "published":
            page += f"{path.stem}/"
        translated = path.with_suffix(f".{language}.yaml")
        translation = load_file(translated)[0].data if translated.exists() else {}
        out.append((page, agency, plan, translation))
    return out


def _has_page(built: Built, page: str) -> bool:
    return (built.site / page / "index.html").exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_directions_are_a_labelled_line_apart_from_the_address(built: Built, language: str) -> None:
    """ "Directions: Bus routes 4 and 12 stop at the door." is a line of its
    own, below the address's, and never part of the address."""
    label = {"en": "Directions:", "es": "Cómo llegar:"}[language]
    seen = 0
    for page, _agency, plan, translation in _plans(language):
        if not _has_page(built, page):
            continue
        html = content(built.page(page))
        for channel in plan.get("channels", []):
            if not channel.get("directions"):
                continue
            seen += 1
            card = html.by_id(f"channel-{channel['id']}")
            assert card is not None, page
            words = _words(
                translation.get("channels", {}).get(channel["id"], {}).get("directions")
                or channel["directions"]
            )
            lines = [li for li in card.find_all("li") if words in _words(li.text)]
            assert len(lines) == 1, f"{page}: {words!r} in {len(lines)} lines"
            assert _words(lines[0].text) == f"{label} {words}", page
            # Not in the address, nor in its line.
            for address in [e for e in card.iter() if "sp-address" in e.attrs.get("class", "")]:
                assert words not in _words(address.text), page
                assert address not in lines[0].iter(), page
    assert seen >= 2  # the Customer Center, in the plan in force and in the draft


def _pages(built: Built, language: str) -> list[str]:
    """Every agency page (each plan's, in force or not) and the page of how
    to complain, in `language`."""
    root = built.site / _prefix(language)
    agencies = sorted(p.parent for p in (root / "agencies").glob("*/**/index.html"))
    return [f"{_prefix(language)}{p.relative_to(root).as_posix()}/" for p in agencies] + [
        f"{_prefix(language)}complaints/"
    ]


def _bare(label: str) -> str:
    """A label as words to compare: no colon, any case."""
    return _words(label).rstrip(":").strip().casefold()


def _label_kinds(language: str) -> dict[str, str]:
    """Each label as a page prints it (bare) -> what it names; every web
    label names one thing, "web"."""
    messages = load_messages(language)
    keys = [f"contact.{k}" for k in CONTACT_LABELS] + [f"channel.{k}" for k in CHANNEL_LABELS]
    keys += [f"labels.channel_type.{kind}" for kind in enum_values("channel", "type")]
    kinds: dict[str, str] = {}
    for key in keys:
        kinds.setdefault(_bare(str(messages(key))), "web" if key in WEB else key)
    return kinds


def _own_text(element: Element) -> str:
    """The element's text without that of the lists inside it: one line."""
    text = element.text
    for child in element.iter()[1:]:
        if child.tag in ("ul", "ol", "dl"):
            text = text.replace(child.text, " ", 1)
    return _words(text)


def _cards(page: Element) -> list[Element]:
    """What describes one way to reach or complain to an agency: each
    channel, each escalation, the glance's boxes, each other way to give
    feedback."""
    return [
        element
        for element in page.iter()
        if element.attrs.get("id", "").startswith("channel-")
        or element.tag == "dd"
        or {"sp-escalation", "sp-box"} & set(element.attrs.get("class", "").split())
    ]


def _line_labels(line: Element, kinds: dict[str, str]) -> list[str]:
    """What the labels of one line name: the label it starts with, a kind
    in brackets before its colon ("Helpline (Phone): ..."); not those of the
    lines inside it."""
    text = _own_text(line)
    head = text.split(":", 1)[0] if ":" in text else ""
    found = [kinds[_bare(head)]] if _bare(head) in kinds else []
    found += [kinds[_bare(b)] for b in re.findall(r"\(([^()]*)\)", head) if _bare(b) in kinds]
    return found


def _card_labels(card: Element, kinds: dict[str, str]) -> list[str]:
    """What each label of a card names: its kicker, and those of its own
    lines (not of the lines of a list inside one: each of several channels
    may be in person)."""
    found = []
    if "sp-kicker" in card.attrs.get("class", "") and _bare(card.text) in kinds:
        found.append(kinds[_bare(card.text)])
    if card.tag == "li":
        return found + _line_labels(card, kinds)
    for child in card.children:
        found += _card_labels(child, kinds)
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_card_or_line_says_a_label_twice(built: Built, language: str) -> None:
    """'Phone' above 'Phone: +1 800 555 0100' says it twice, and 'Mail
    (Mail): ...' too."""
    kinds = _label_kinds(language)
    problems = []
    for url in _pages(built, language):
        page = content(built.page(url))
        cards = [(card, _card_labels(card, kinds)) for card in _cards(page)]
        cards += [(line, _line_labels(line, kinds)) for line in page.find_all("li")]
        for card, labels in cards:
            twice = sorted({label for label in labels if labels.count(label) > 1})
            if twice:
                problems.append(f"{url}: {twice} twice in {_words(card.text)[:140]!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_at_most_one_web_label_on_a_card(built: Built, language: str) -> None:
    """Not 'Website' above 'Web: 311.riverton.example' ('Sitio web' and
    'Página web:')."""
    kinds = _label_kinds(language)
    problems = [
        f"{url}: {_words(card.text)[:140]!r}"
        for url in _pages(built, language)
        for card in _cards(content(built.page(url)))
        if _card_labels(card, kinds).count("web") > 1
    ]
    assert not problems, "\n".join(problems)


def _labelled_by_itself(text: str) -> bool:
    """Whether a line labels a value with that value: 'fba.example.gov:
    fba.example.gov', or names a channel with its kind twice ('Riverton
    311 (311)')."""
    for at in [m.start() for m in re.finditer(": ", text)]:
        name = re.split(r"[.;:] ", text[:at])[-1]
        name = re.sub(r"\s*\([^()]*\)$", "", name).strip().casefold()
        value = text[at + 2 :].split("; ")[0].casefold()
        if name and (value == name or value.split(" ")[0].rstrip(".,") == name):
            return True
    return any(
        name.casefold().endswith(kind.casefold())
        for name, kind in re.findall(r"(\S[^:;()]*?) \(([^()]+)\)", text)
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_name_labels_its_own_value(built: Built, language: str) -> None:
    """A channel called by its web address is shown 'Website: fba.example.gov'."""
    problems = [
        f"{url}: {_own_text(line)[:140]!r}"
        for url in _pages(built, language)
        for line in content(built.page(url)).iter()
        if line.tag in ("li", "dd", "p") and _labelled_by_itself(_own_text(line))
    ]
    assert not problems, "\n".join(problems)


def _detail(channel: dict) -> tuple[str, str]:
    """The one detail needed to use a channel, as the plan gives it: the
    one its kind needs (an office's address), else the first it gives."""
    needed = CHANNEL_CONTACT.get(channel["type"])
    for kind in (needed, "phone", "fax", "email", "url", "address"):
        if kind and channel.get(kind):
            return kind, channel[kind]
    return "", ""


def _shows(element: Element, kind: str, value: str) -> bool:
    if kind == "url":
        return any(a.attrs.get("href") == value for a in element.find_all("a"))
    if kind == "address":
        return "".join(value.split()) in "".join(element.text.split())
    return value in element.text


def _feedback_ways(plan: dict, translation: dict) -> list[tuple[dict, str]]:
    """Each other way to give feedback with its description, in the page's language."""
    words = translation.get("feedback", {})
    return [
        (item, _words(words.get(item["id"], {}).get("description") or item["description"]))
        for item in plan.get("feedback", [])
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_other_way_to_give_feedback_says_how_and_where(built: Built, language: str) -> None:
    """On the agency page and on the page of how to complain: what the plan
    says about it (how) and, for each channel it names, the one detail
    needed to use that channel (where); a way that names no channel shows
    no detail the plan does not give."""
    complaints = content(built.page(f"{_prefix(language)}complaints/"))
    checked = 0
    for page, agency, plan, translation in _plans(language):
        if not _has_page(built, page):
            continue
        channels = {c["id"]: c for c in plan.get("channels", [])}
        html = content(built.page(page))
        current = page == f"{_prefix(language)}agencies/{agency}/"
        entry = complaints.by_id(f"agency-{agency}")
        for item, description in _feedback_ways(plan, translation):
            term = html.by_id(f"feedback-{item['id']}")
            assert term is not None, page
            (definition,) = [
                dd
                for dl in html.find_all("dl")
                for i, dd in enumerate(dl.children)
                if dd.tag == "dd" and dl.children[i - 1] is term
            ]
            places = [definition]
            if current:
                assert entry is not None, agency
                lines = [
                    li
                    for li in entry.find_all("li")
                    if any(
                        a.attrs.get("href", "").endswith(f"#feedback-{item['id']}")
                        for a in li.find_all("a")
                    )
                    and description in _words(li.text)
                ]
                assert len(lines) >= 1, f"complaints: {agency} {item['id']}: no how"
                places.append(min(lines, key=lambda li: len(li.text)))
            for place in places:
                assert description in _words(place.text), f"{page} {item['id']}: no how"
                for ref in item.get("channels", []):
                    kind, value = _detail(channels[ref])
                    if kind:
                        checked += 1
                        assert _shows(place, kind, value), f"{page} {item['id']}: no {value!r}"
    assert checked > 10


def test_the_pages_checked(built: Built) -> None:
    pages = _pages(built, "en")
    assert {"agencies/example-federal-benefits/", "agencies/example-federal-benefits/2025/"} <= set(
        pages
    )
    assert pages[-1] == "complaints/" and len(pages) >= 6
    assert _pages(built, "es") == [f"es/{page}" for page in pages]
    assert _labelled_by_itself("fba.example.gov: fba.example.gov")
    assert _labelled_by_itself("Mail (Mail): PO Box 1")
    assert not _labelled_by_itself("Riverton 311: 311")
    assert not _labelled_by_itself("Website: fba.example.gov")
