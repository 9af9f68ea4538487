"""The whole site's model: every agency with its current plan, its earlier
plans and its drafts, and the headline figures across agencies."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from generator.model.records import Plan, Standard
from generator.model.status import Status


@dataclass(frozen=True, slots=True)
class AgencyPlans:
    """One agency's plans. `current` is the plan in force (or the latest one,
    if none is in force); `archive` holds its other non-draft plans, newest
    first; `drafts` the plans not yet in force, open for comment."""

    current: Plan
    archive: tuple[Plan, ...]
    drafts: tuple[Plan, ...]

    @property
    def id(self) -> str:
        return self.current.agency.id

    @property
    def plans(self) -> tuple[Plan, ...]:
        """Every plan of the agency: current, archived, drafts."""
        return (self.current, *self.archive, *self.drafts)

    def successor(self, plan: Plan) -> Plan | None:
        """The plan that replaced `plan`: the one it names (`replaced_by`),
        or else the agency's plan in force that starts the day after it
        ends; None when the registry holds neither."""
        if plan.status != "superseded":
            return None
        others = [p for p in (self.current, *self.archive) if p is not plan]
        named = plan.data.get("plan", {}).get("replaced_by")
        if named is not None:
            return next((p for p in others if p.key == named), None)
        if plan.end is None or (plan.period is not None and not plan.period.exact):
            return None
        following = plan.end + timedelta(days=1)
        return next((p for p in others if p.start == following), None)


@dataclass(frozen=True, slots=True)
class Tally:
    """How many promises have each status, and the share met among those
    with a result."""

    met: int = 0
    not_met: int = 0
    no_data: int = 0
    no_target: int = 0
    unclear: int = 0  # a latest result that cannot be read against its target

    @classmethod
    def of(cls, standards: Iterable[Standard]) -> Tally:
        counts = Counter(standard.status for standard in standards)
        return cls(
            met=counts[Status.MET],
            not_met=counts[Status.NOT_MET],
            no_data=counts[Status.NO_DATA],
            no_target=counts[Status.NO_TARGET],
            unclear=counts[Status.UNCLEAR],
        )

    @property
    def total(self) -> int:
        return self.met + self.not_met + self.no_data + self.no_target + self.unclear

    @property
    def measurable(self) -> int:
        """Promises with a number to measure."""
        return self.total - self.no_target

    @property
    def measured(self) -> int:
        return self.met + self.not_met

    @property
    def share_met(self) -> float | None:
        """Percent of measured promises met in their latest result."""
        return 100 * self.met / self.measured if self.measured else None


@dataclass(frozen=True, slots=True)
class Site:
    agencies: tuple[AgencyPlans, ...]
    tally: Tally
    today: date

    @property
    def current_plans(self) -> tuple[Plan, ...]:
        return tuple(agency.current for agency in self.agencies)

    @property
    def all_plans(self) -> tuple[Plan, ...]:
        return tuple(plan for agency in self.agencies for plan in agency.plans)


def agency_order(name: str, agency_id: str) -> tuple[str, str]:
    """The order of agencies in every list of the site: by name."""
    return (name.casefold(), agency_id)


def group_plans(plans: Iterable[Plan], today: date) -> Site:
    """Group plans by agency and choose each agency's current plan. Agencies
    are sorted by name, so every list on the site reads alphabetically."""
    by_agency: dict[str, list[Plan]] = {}
    for plan in plans:
        by_agency.setdefault(plan.agency.id, []).append(plan)
    agencies = [
        agency for agency in (_agency_plans(group) for group in by_agency.values()) if agency
    ]
    agencies.sort(key=lambda a: agency_order(a.current.agency.name, a.id))
    standards = [s for agency in agencies for s in agency.current.standards]
    return Site(agencies=tuple(agencies), tally=Tally.of(standards), today=today)


def _agency_plans(plans: list[Plan]) -> AgencyPlans | None:
    newest_first = sorted(plans, key=lambda p: p.order, reverse=True)
    drafts = tuple(p for p in newest_first if p.status == "draft")
    in_force = [p for p in newest_first if p.status != "draft"]
    if not in_force:
        return None
    current = next((p for p in in_force if p.status == "published"), in_force[0])
    archive = tuple(p for p in in_force if p is not current)
    return AgencyPlans(current=current, archive=archive, drafts=drafts)
