"""Rules that look beyond a plan's own consistency: the frameworks it answers
to and whether it is kept up to date. Unmet requirements and stale results are
warnings; `--strict` makes them fail."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from generator.check.finding import Finding
from generator.check.frameworks import Framework, Requirement, coverage, frameworks, named_ids
from generator.check.freshness import freshness
from generator.check.rules import PlanView, rule
from generator.diagnostics import Severity


def _archived(plan: PlanView) -> bool:
    info = plan.data.get("plan")
    return isinstance(info, dict) and info.get("status") == "superseded"


@rule("frameworks")
def framework_requirements(plan: PlanView) -> Iterator[Finding]:
    """Unknown framework ids are errors. The requirements a plan misses are one
    warning per framework, naming each of them: at the framework's id when
    the plan lists it, on the plan as a whole when it governs the plan's
    agency without being listed. Nothing is said of them where the plan cannot act on them: a
    superseded plan is history, and a plan that does not pass the schema
    (a misspelt `complaint:`) would be told it misses what it holds."""
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
    if _archived(plan) or not plan.schema_valid:
        return
    for result in coverage(plan.data):
        unmet = [outcome.requirement for outcome in result.results if not outcome.met]
        if unmet:
            declared = result.declared
            where = ("frameworks", ids.index(result.framework.id)) if declared else ()
            yield _unmet(where, result.framework, unmet, result.total)


def _unmet(
    where: tuple[str | int, ...], framework: Framework, unmet: list[Requirement], total: int
) -> Finding:
    """One warning for every requirement of `framework` the plan misses."""
    why = "" if where else " (it governs the plan's agency, by its country, region or level)"
    count = "its one requirement" if total == 1 else f"{len(unmet)} of the {total} requirements"
    needs = [
        f"- {r.citation.removeprefix(framework.short_title).strip() or r.citation}: "
        f"{_lower_first(r.check_explained)}"
        for r in unmet
    ]
    return Finding(
        where,
        f"The plan does not meet {count} of {framework.title}{why}.",
        "\n".join(["Add what each requirement asks for:", *needs]),
        severity=Severity.WARNING,
    )


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


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
