"""The model: validated plans as typed records, with what the site computes
from them (the status of each promise, each agency's current and earlier
plans, the headline figures). Nothing here reads files or knows about HTML."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from generator.check import CheckedPlan
from generator.model.parse import parse_plan
from generator.model.records import Plan
from generator.model.site import AgencyPlans, Site, Tally, group_plans
from generator.model.status import Status

__all__ = ["AgencyPlans", "Plan", "Site", "Status", "Tally", "build_model", "build_models"]


def build_model(checked: Iterable[CheckedPlan], *, today: date) -> Site:
    """The site's model from plans that passed the checks. An agency whose
    plans are all drafts is left out until one is published."""
    return build_models([list(checked)], today=today)[0]


def build_models(languages: Sequence[Sequence[CheckedPlan]], *, today: date) -> list[Site]:
    """The model of each language's plans (see `build_model`). A plan that
    reads the same in several languages (one not translated: the same
    `CheckedPlan`) is parsed once, and its records shared."""
    parsed: dict[int, Plan] = {}  # by id: every plan is alive in `languages`

    def model(plan: CheckedPlan) -> Plan:
        if id(plan) not in parsed:
            parsed[id(plan)] = parse_plan(plan.data, plan.path, today)
        return parsed[id(plan)]

    return [group_plans((model(plan) for plan in plans), today) for plans in languages]
