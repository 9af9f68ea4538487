"""The ways to reach an agency, on each agency page in English and in
Spanish: directions have a labelled line of their own, apart from the
address."""

from __future__ import annotations

import pytest

from generator.load.yaml_source import load_file
from tests.site.conftest import PLANS, Built
from tests.site.html import content

LANGUAGES = ["en", "es"]


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
