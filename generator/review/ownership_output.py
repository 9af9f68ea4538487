"""The ownership check's verdict for a terminal, for GitHub annotations and for
the job summary. Renderers return strings; they never pick the exit code."""

from __future__ import annotations

from generator.report.github import escape_data, escape_property
from generator.report.markdown import code, text
from generator.review.ownership import OwnershipReport

TITLE = "Pull request ownership"


def _touched(report: OwnershipReport) -> list[str]:
    lines = [
        f"plans/{agency}/: {len(files)} file{'s' if len(files) != 1 else ''}, owners: "
        + (" ".join(report.owners.get(agency, [])) or "none")
        for agency, files in report.agencies.items()
    ]
    if report.other_files:
        lines.append(f"other files: {len(report.other_files)}")
    return lines or ["no files changed"]


def verdict(report: OwnershipReport) -> str:
    if report.failed():
        return "This change must be split."
    if not report.agencies:
        return "No plan is changed."
    return "This change stays inside one agency's folder."


def render_ownership_text(report: OwnershipReport) -> str:
    lines = _touched(report)
    lines += [f"{p.severity.value}: {p.message}" for p in report.problems]
    lines.append(verdict(report))
    return "\n".join(lines) + "\n"


def render_ownership_annotations(report: OwnershipReport) -> str:
    return "".join(
        f"::{p.severity.value} title={escape_property(TITLE)}::{escape_data(p.message)}\n"
        for p in report.problems
    )


def render_ownership_summary(report: OwnershipReport) -> str:
    icon = "❌" if report.failed() else "✅"
    lines = [f"## {icon} {TITLE}", "", text(verdict(report)), ""]
    lines += [
        f"- {code(f'plans/{agency}/')}: owners {text(' '.join(owners) or 'none')}"
        for agency, owners in report.owners.items()
    ]
    lines += [f"- **{p.severity.value}:** {text(p.message)}" for p in report.problems]
    return "\n".join([*lines, ""]) + "\n"
