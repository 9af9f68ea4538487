"""Rules that look beyond a plan's own consistency: the frameworks it answers
to and whether it is kept up to date. Unmet requirements and stale results are
warnings; `--strict` makes them fail."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from generator.check.finding import Finding
from generator.check.frameworks import coverage, frameworks, named_ids
from generator.check.freshness import freshness
from generator.check.rules import PlanView, rule
from generator.diagnostics import Severity


def _archived(plan: PlanView) -> bool:
    info = plan.data.get("plan")
    return isinstance(info, dict) and info.get("status") == "superseded"


@rule("frameworks")
def framework_requirements(plan: PlanView) -> Iterator[Finding]:
    """Unknown framework ids are errors; unmet requirements are warnings, except
    on superseded plans, which are history and can no longer change."""
    known = frameworks()
    ids = named_ids(plan.data)
    for position, ident in enumerate(ids):
        if ident not in known:
            close = difflib.get_close_matches(ident, list(known), n=1)
            hint = (
                f"Did you mean `{close[0]}`?"
                if close
                else "Known frameworks: " + ", ".join(f"`{k}`" for k in sorted(known)) + "."
            )
            yield Finding(("frameworks", position), f"`{ident}` is not a known framework.", hint)
    if _archived(plan):
        return
    for result in coverage(plan.data):
        declared = result.declared
        where = ("frameworks", ids.index(result.framework.id)) if declared else ("agency",)
        for outcome in result.results:
            if outcome.met:
                continue
            requirement = outcome.requirement
            yield Finding(
                where,
                f"Does not meet {requirement.citation}: {requirement.description}",
                f"Add {requirement.check_explained[0].lower()}{requirement.check_explained[1:]}",
                severity=Severity.WARNING,
            )


@rule("freshness")
def plan_freshness(plan: PlanView) -> Iterator[Finding]:
    state = freshness(plan.data, plan.today)
    for reason in state.reasons:
        yield Finding(
            ("plan", "period") if reason.startswith("The plan period") else ("plan",),
            f"This plan is out of date. {reason}",
            "Add the latest results, or publish the next plan and mark this one superseded.",
            severity=Severity.WARNING,
        )
