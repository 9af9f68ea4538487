"""`path:line:col: error: where: message`, one problem a line, with the fix
indented below it (a fix of several lines, such as a list of what a
framework asks for, keeps every line indented), and a closing count. A
problem with the file as a whole (it is not valid YAML) names no place in
the plan: `path:line:col: error: message`."""

from __future__ import annotations

import re

from generator.diagnostics import Report
from generator.load.discover import is_translation


def render_text(report: Report) -> str:
    lines: list[str] = []
    for d in report.sorted():
        where = f"{plain(d.where)}: " if d.where else ""
        lines.append(
            f"{plain(d.file)}:{d.line}:{d.column}: {d.severity.value}: {where}{plain(d.message)}"
        )
        if d.hint:
            first, *more = d.hint.split("\n")
            lines.append(f"    fix: {plain(first)}")
            lines.extend(f"         {plain(line)}" for line in more)
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


# Characters a terminal would act on rather than show: line breaks, escapes
# (colours, cursor moves), and the marks that reorder the text around them.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def plain(text: str) -> str:
    """Text made safe for a terminal line: plan values quoted in a message
    stay on its line and cannot colour, move or reorder what is printed."""
    return _CONTROL.sub(lambda m: _NAMED.get(m.group(), f"\\u{ord(m.group()):04x}"), text)


def summary_line(report: Report) -> str:
    translations = sum(1 for f in report.files if is_translation(f))
    plans = len(report.files) - translations
    errors, warnings = len(report.errors), len(report.warnings)
    checked = f"{plans} plan{'s' if plans != 1 else ''}"
    if translations:
        checked += f" and {translations} translation{'s' if translations != 1 else ''}"
    checked += " checked"
    if not errors and not warnings:
        return f"{checked}: no problems found."
    return (
        f"{checked}: {errors} error{'s' if errors != 1 else ''}, "
        f"{warnings} warning{'s' if warnings != 1 else ''}."
    )
