"""The model: validated plans as typed records, with what the site computes
from them (the status of each promise, each agency's current and earlier
plans, the headline figures). Nothing here reads files or knows about HTML."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from generator.check.checked import CheckedPlan
from generator.model.parse import parse_plan
from generator.model.records import Plan
from generator.model.site import AgencyPlans, Site, Tally, group_plans
from generator.model.status import Status

__all__ = [
    "AgencyPlans",
    "Plan",
    "PlanRecords",
    "Site",
    "Status",
    "Tally",
    "build_model",
    "build_models",
]


def build_model(checked: Iterable[CheckedPlan], *, today: date) -> Site:
    """The site's model from plans that passed the checks. An agency whose
    plans are all drafts is left out until one is published."""
    return build_models([list(checked)], today=today)[0]


class PlanRecords:
    """Each checked plan's records, made once: `add` may be called with each
    plan as its check comes in, while other plans are still being checked."""

    def __init__(self, today: date) -> None:
        self.today = today
        # By id, with the plan itself, which stays alive while it is here.
        self._made: dict[int, tuple[CheckedPlan, Plan]] = {}

    def add(self, plan: CheckedPlan) -> None:
        """Make the plan's records now, if it passed its own checks."""
        if plan.valid:
            self.get(plan)

    def get(self, plan: CheckedPlan) -> Plan:
        found = self._made.get(id(plan))
        if found is None:
            found = self._made[id(plan)] = (plan, parse_plan(plan.data, plan.path, self.today))
        return found[1]


def build_models(
    languages: Sequence[Sequence[CheckedPlan]], *, today: date, records: PlanRecords | None = None
) -> list[Site]:
    """The model of each language's plans (see `build_model`). A plan that
    reads the same in several languages (one not translated: the same
    `CheckedPlan`) is parsed once, and its records shared; `records` may
    hold some already."""
    made = records if records is not None else PlanRecords(today)
    return [group_plans((made.get(plan) for plan in plans), today) for plans in languages]
