"""`path:line:col: error: where: message`, one problem a line, with the fix
indented below it, and a closing count."""

from __future__ import annotations

from generator.diagnostics import Report


def render_text(report: Report) -> str:
    lines: list[str] = []
    for d in report.sorted():
        lines.append(f"{d.file}:{d.line}:{d.column}: {d.severity.value}: {d.where}: {d.message}")
        if d.hint:
            lines.append(f"    fix: {d.hint}")
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def summary_line(report: Report) -> str:
    files = len(report.files)
    errors, warnings = len(report.errors), len(report.warnings)
    checked = f"{files} plan{'s' if files != 1 else ''} checked"
    if not errors and not warnings:
        return f"{checked}: no problems found."
    return (
        f"{checked}: {errors} error{'s' if errors != 1 else ''}, "
        f"{warnings} warning{'s' if warnings != 1 else ''}."
    )
