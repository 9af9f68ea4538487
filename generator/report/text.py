"""`path:line:col: error: where: message`, one problem a line, with the fix
indented below it, and a closing count."""

from __future__ import annotations

from generator.diagnostics import Report
from generator.load.discover import is_translation


def render_text(report: Report) -> str:
    lines: list[str] = []
    for d in report.sorted():
        lines.append(
            f"{d.file}:{d.line}:{d.column}: {d.severity.value}: {_one_line(d.where)}: "
            f"{_one_line(d.message)}"
        )
        if d.hint:
            lines.append(f"    fix: {_one_line(d.hint)}")
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    """Plan values quoted in a message stay on the message's line."""
    return text.replace("\r", "\\r").replace("\n", "\\n")


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
