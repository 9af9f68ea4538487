"""The escapes every plan string goes through."""

from __future__ import annotations

import json

import pytest

from generator.errors import BuildError
from generator.render.escape import inert, inert_json, inert_lines, safe_url, tel_url


def test_inert_text_has_no_html_or_markdown_syntax() -> None:
    text = inert('<a href="x">[y](z) *b* _c_ `d` {: e } | f \\ & \'</a>')
    assert not set(text) & set("<>\"'[]*_`{}|\\")
    assert "&" in text  # only as the start of character references


def test_line_breaks() -> None:
    assert inert("a\nb") == "a b"
    assert inert_lines("a\n<b>") == "a<br>&#60;b&#62;"


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
