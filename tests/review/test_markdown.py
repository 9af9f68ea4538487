"""Plan text in the summary stays text: table by table, character by character."""

from __future__ import annotations

import pytest

from generator.report.markdown import code, table, text


@pytest.mark.parametrize(
    ("plain", "escaped"),
    [
        ("We answer letters.", "We answer letters."),
        ("a | b", "a \\| b"),
        ("*bold* _it_ ~~x~~", "\\*bold\\* \\_it\\_ \\~\\~x\\~\\~"),
        ("[link](https://x.example)", "\\[link\\](https://x.example)"),
        ("<script>&</script>", "&lt;script&gt;&amp;&lt;/script&gt;"),
        ("back\\slash `tick`", "back\\\\slash \\`tick\\`"),
        ("two\nlines\r\n  and   spaces", "two lines and spaces"),
    ],
)
def test_text_escapes_markup(plain: str, escaped: str) -> None:
    assert text(plain) == escaped


@pytest.mark.parametrize(
    ("plain", "span"),
    [
        ("standards[call-wait].target", "`standards[call-wait].target`"),
        ("a`b", "``a`b``"),
        ("`start", "`` `start ``"),
        ("x|y", "`x\\|y`"),
    ],
)
def test_code_spans_hold_any_text(plain: str, span: str) -> None:
    assert code(plain) == span


def test_table_fills_empty_cells() -> None:
    assert table(["A", "B"], [["1", ""]]) == ["| A | B |", "|---|---|", "| 1 | — |"]
