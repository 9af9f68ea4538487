"""Every CSV file the site publishes is written here, so that no plan text in
it runs as a formula when someone opens the file in a spreadsheet.

A spreadsheet runs a cell as a formula when its text starts with `=`, `+`,
`-` or `@` (and some also after a tab or a carriage return). It reads past
spaces and line breaks before that sign, and takes its full-width and small
forms (U+FF1D, U+FF0B, U+FF0D, U+FF20, U+FE66, U+FE62, U+FE63) for it too. Such a
cell is written with a leading `'`, which spreadsheets show as text (the
OWASP advice on CSV injection); figures the site computes (numbers, dates)
are written as they are."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable, Sequence

_FORMULA_SIGNS = frozenset("=+-@")
_CONTROL_STARTS = ("\t", "\r")


def csv_text(rows: Iterable[Sequence[object]]) -> str:
    """CSV lines (ending in a line feed) for `rows`, each cell made safe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows([cell(value) for value in row] for row in rows)
    return out.getvalue()


def cell(value: object) -> str:
    """A value as a CSV cell: empty for None, true or false, text made safe,
    anything else (a number the site computed) as Python writes it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return spreadsheet_safe(value)
    return str(value)


def spreadsheet_safe(text: str) -> str:
    """`text`, with a leading `'` if a spreadsheet would take it for a formula."""
    return "'" + text if _formula_like(text) else text


def _formula_like(text: str) -> bool:
    if text.startswith(_CONTROL_STARTS):
        return True
    for character in text:
        if character.isspace() or unicodedata.category(character) == "Cf":
            continue  # spaces, line breaks and invisible marks before the sign
        return unicodedata.normalize("NFKC", character)[:1] in _FORMULA_SIGNS
    return False
