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
    if report.needs_maintainer:
        lines.append(f"note: {maintainer_notice(report)}")
    lines.append(verdict(report))
    return "\n".join(lines) + "\n"


def maintainer_notice(report: OwnershipReport) -> str:
    """What a reviewer must know of a change outside plans/; "" for none."""
    if not report.needs_maintainer:
        return ""
    count = len(report.other_files)
    return (
        f"This pull request changes {count} file{'s' if count != 1 else ''} outside the "
        "agencies' folders plans/AGENCY-ID/ (the format, the generator, the site, the "
        "workflows...): it needs a maintainer's review. The plan checks ran the generator "
        "and schema of the base commit, so they judge the plans by the rules in force, "
        "not by the rules this change proposes."
    )


def render_ownership_annotations(report: OwnershipReport) -> str:
    lines = [
        f"::{p.severity.value} title={escape_property(TITLE)}::{escape_data(p.message)}\n"
        for p in report.problems
    ]
    if report.needs_maintainer:
        title = escape_property("Needs a maintainer's review")
        lines.append(f"::notice title={title}::{escape_data(maintainer_notice(report))}\n")
    return "".join(lines)


def render_ownership_summary(report: OwnershipReport) -> str:
    icon = "❌" if report.failed() else "✅"
    lines = [f"## {icon} {TITLE}", "", text(verdict(report)), ""]
    if report.needs_maintainer:
        lines += [f"> ⚠️ **Needs a maintainer's review.** {text(maintainer_notice(report))}", ""]
        lines += [f"- {code(path)}" for path in report.other_files[:20]]
        if len(report.other_files) > 20:
            lines.append(f"- and {len(report.other_files) - 20} more")
        lines.append("")
    lines += [
        f"- {code(f'plans/{agency}/')}: owners {text(' '.join(owners) or 'none')}"
        for agency, owners in report.owners.items()
    ]
    lines += [f"- **{p.severity.value}:** {text(p.message)}" for p in report.problems]
    return "\n".join([*lines, ""]) + "\n"
