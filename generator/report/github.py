"""GitHub Actions output: one workflow command per problem, so each shows as an
annotation on its line in the pull request, and a Markdown summary for the
job's summary page (`$GITHUB_STEP_SUMMARY`)."""

from __future__ import annotations

from generator.diagnostics import Report
from generator.report.markdown import text as _cell
from generator.report.text import summary_line


def escape_data(text: str) -> str:
    """Text made safe for the message of a workflow command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Text made safe for a property (file, title) of a workflow command."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_annotations(report: Report) -> str:
    lines = []
    for d in report.sorted():
        message = d.message + (f" Fix: {d.hint}" if d.hint else "")
        title = f",title={escape_property(d.where)}" if d.where else ""
        lines.append(
            f"::{d.severity.value} file={escape_property(d.file)},line={d.line},"
            f"col={d.column}{title}::{escape_data(message)}"
        )
    return "\n".join(lines) + ("\n" if lines else "")


def render_summary(report: Report, *, strict: bool = False) -> str:
    verdict = "failed" if report.failed(strict=strict) else "passed"
    icon = "❌" if verdict == "failed" else "✅"
    lines = [f"## {icon} Plan validation {verdict}", "", summary_line(report), ""]
    diagnostics = report.sorted()
    if diagnostics:
        lines += [
            "| Severity | File | Line | Where | Problem | How to fix |",
            "|---|---|---|---|---|---|",
        ]
        lines += [
            f"| {d.severity.value} | {_cell(d.file)} | {d.line}:{d.column} "
            f"| {_cell(d.where) or '—'} | {_cell(d.message)} | {_cell(d.hint)} |"
            for d in diagnostics
        ]
        lines.append("")
    # End on a blank line, so whatever the next step appends starts a new block.
    return "\n".join(lines) + "\n"
