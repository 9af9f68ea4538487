"""The escapes every plan string goes through."""

from __future__ import annotations

import html
import json

import pytest
from markupsafe import Markup

from generator.errors import BuildError
from generator.render.escape import inert, inert_json, inert_lines, safe_url, tel_url


def test_inert_text_has_no_html_or_markdown_syntax() -> None:
    text = inert('<a href="x">[y](z) *b* _c_ `d` {: e } | f \\ & \'</a>')
    assert not set(text) & set("<>\"'[]*_`{}|\\")
    assert "&" in text  # only as the start of character references


def test_line_breaks() -> None:
    assert inert("a\nb") == "a b"
    assert inert_lines("a\n<b>") == "a<br>&#60;b&#62;"


# Every character either language acts on, and every line break Python's
# str.splitlines knows, alone and among ordinary text.
SPECIAL = "&<>\"'\\`*_[]{}|"
BREAKS = ["\n", "\r", "\r\n", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
TEXTS = [
    "",
    "Plain words, digits 123 and accents: d\u00e9j\u00e0 vu; \u65e5\u672c",
    *SPECIAL,
    *(f"one{b}two" for b in BREAKS),
    "&#60; is already a reference",
    "ends with a break\n",
    SPECIAL + "".join(BREAKS) + SPECIAL,
    42,
]


@pytest.mark.parametrize("value", TEXTS)
def test_inert_reads_back_as_the_text(value: object) -> None:
    text = str(value)
    out = inert(value)
    assert type(out) is Markup
    assert not set(out) & set(SPECIAL.replace("&", "") + "".join(BREAKS))
    assert html.unescape(out) == " ".join(text.splitlines())
    lines = inert_lines(value)
    assert type(lines) is Markup
    assert [html.unescape(line) for line in lines.split("<br>")] == (text.splitlines() or [""])


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "//evil.example/",
    ],
)
def test_only_web_mail_and_phone_links(url: str) -> None:
    with pytest.raises(BuildError):
        safe_url(url)


def test_web_links_pass() -> None:
    assert safe_url("https://a.example/?q=1&r=2") == "https://a.example/?q=1&#38;r=2"


def test_phone_links() -> None:
    assert tel_url("+1 800 555 0100") == "tel:+18005550100"
    assert tel_url("1-800-555-0199 ext. 2") == "tel:18005550199,2"


def test_json_for_a_script_element() -> None:
    text = inert_json({"name": "</script><script>alert(1)</script> & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["name"].startswith("</script>")
