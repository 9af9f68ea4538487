"""Rules across the plans of one agency: at most one plan in force. An agency
folder with two published plans leaves readers unsure which promises hold."""

from __future__ import annotations

from collections import defaultdict

from generator.check.checked import CheckedPlan
from generator.check.finding import Finding
from generator.check.located import locate_findings
from generator.diagnostics import Diagnostic, Severity
from generator.load.discover import display_path
from generator.load.yaml_source import load_file
from generator.periods import parse_date


def across_agencies(plans: list[CheckedPlan]) -> list[Diagnostic]:
    """An error on every published plan of a folder but the latest one."""
    by_folder: dict[object, list[CheckedPlan]] = defaultdict(list)
    for plan in plans:
        info = plan.data.get("plan") if isinstance(plan.data, dict) else None
        if isinstance(info, dict) and info.get("status") == "published":
            by_folder[plan.path.resolve().parent].append(plan)
    diagnostics: list[Diagnostic] = []
    for published in by_folder.values():
        if len(published) < 2:
            continue
        published.sort(key=_start)
        latest = published[-1]
        for plan in published[:-1]:
            document, _ = load_file(plan.path)
            if document is None:
                continue
            finding = Finding(
                ("plan", "status"),
                f"{latest.path.name} is also published: an agency has one plan in force.",
                "Set status: superseded on the earlier plan.",
                severity=Severity.ERROR,
                rule="one-plan-in-force",
            )
            diagnostics.extend(locate_findings(document, display_path(plan.path), [finding]))
    return diagnostics


def _start(plan: object) -> str:
    info = plan.data["plan"]  # type: ignore[attr-defined]
    period = info.get("period") if isinstance(info.get("period"), dict) else {}
    start = parse_date(period.get("start"))
    return start.isoformat() if start else ""
