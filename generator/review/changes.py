"""A change between two versions of a plan is data: what kind of change, where
(named by record ids, as people call records), the old and new values described
in plain words, and whether a reviewer must look at it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    TIGHTENED = "tightened"
    LOOSENED = "loosened"
    CHANGED = "changed"
    REWORDED = "reworded"
    RESULT_ADDED = "result added"
    RESULT_REVISED = "result revised"
    RESULT_REMOVED = "result removed"


@dataclass(frozen=True, slots=True)
class Change:
    """One change. `old` and `new` describe the values in plain text (empty
    when there is none). A `flagged` change needs a reviewer's attention: a
    weaker promise, a removed commitment, a published result changed or
    removed. `reason` is the agency's explanation, written in the plan;
    `reason_field` is where the plan can hold one (empty when the format has
    no place for it)."""

    section: str
    kind: Kind
    where: str
    old: str = ""
    new: str = ""
    flagged: bool = False
    reason: str = ""
    reason_field: str = ""
    note: str = ""

    @property
    def reason_given(self) -> bool:
        return bool(self.reason.strip())

    @property
    def unanswered(self) -> bool:
        """Flagged, and the plan gives no reason."""
        return self.flagged and not self.reason_given

    @property
    def needs_reason(self) -> bool:
        """Flagged, and the plan gives no reason where it can hold one: the
        agency can answer it in the plan itself."""
        return self.unanswered and bool(self.reason_field)


# The order and titles of the summary's sections.
SECTION_TITLES = {
    "plan": "Plan",
    "standards": "Promises and targets",
    "service_levels": "Service levels",
    "results": "Results",
    "complaints": "Complaints",
    "services": "Services",
    "channels": "Channels",
    "contact": "Contact details",
    "customers": "Customer groups",
    "surveys": "Surveys",
    "feedback": "Feedback",
    "benchmarks": "Benchmarks",
    "initiatives": "Initiatives",
}
