"""Compare two versions of a plan and list what changed, as `Change` records.

Records are matched by `id` (standards, services, channels, service levels,
customer groups, surveys, feedback, benchmarks, initiatives) and results by
period, so reordering a list changes nothing. Two editions of a plan (2025.yaml
and 2026.yaml) compare the same way as two versions of one file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from generator.review import describe
from generator.review.changes import Change, Kind
from generator.review.promises import (
    complaint_time_changes,
    service_level_changes,
    standard_changes,
)
from generator.review.records import by_key, field, ids, matched

# Lists of records matched by id: (what a record is called, the field that
# names it, whether removing one is flagged because it drops a commitment).
RECORDS = {
    "standards": ("promise", "promise", True),
    "service_levels": ("service level", "request_type", True),
    "services": ("service", "name", False),
    "channels": ("channel", "name", False),
    "customers": ("customer group", "name", False),
    "surveys": ("survey", "name", False),
    "feedback": ("feedback channel", "name", False),
    "benchmarks": ("benchmark", "metric", False),
    "initiatives": ("initiative", "name", False),
}

# Fields people use to reach the agency: (where, path to the field).
CONTACT_FIELDS = (
    ("agency.website", ("agency", "website")),
    *(
        (f"agency.contact.{name}", ("agency", "contact", name))
        for name in ("phone", "fax", "email", "address", "url")
    ),
    *(
        (f"agency.customer_service_officer.{name}", ("agency", "customer_service_officer", name))
        for name in ("name", "title", "email", "phone")
    ),
    *(
        (f"complaints.escalation.{name}", ("complaints", "escalation", name))
        for name in ("name", "url", "phone", "email")
    ),
)
CHANNEL_CONTACT_FIELDS = ("phone", "fax", "email", "address", "url", "hours")
PLAN_FIELDS = ("title", "status", "published", "updated")

# Matched records whose insides are compared in detail.
RecordDiffer = Callable[[str, dict[str, Any], dict[str, Any]], Iterator[Change]]
DETAILED: dict[str, RecordDiffer] = {
    "standards": standard_changes,
    "service_levels": service_level_changes,
}


def diff_plans(old: Any, new: Any) -> list[Change]:
    """Every change from `old` to `new` (plan data as loaded), in summary order."""
    changes = [*_plan_changes(old, new)]
    for section in RECORDS:
        changes.extend(_record_changes(section, field(old, section), field(new, section)))
    changes.extend(complaint_time_changes(field(old, "complaints"), field(new, "complaints")))
    changes.extend(
        _list_changes(
            "complaints",
            "complaints.channels",
            field(old, "complaints", "channels"),
            field(new, "complaints", "channels"),
        )
    )
    changes.extend(_contact_changes(old, new))
    return changes


def other_sections_changed(old: Any, new: Any, changes: list[Change]) -> list[str]:
    """Fields that differ although no listed change covers them (descriptions,
    measurement, findings...), named like changes, so the reviewer knows
    where else to look in the file's diff."""
    if not isinstance(old, dict) or not isinstance(new, dict):
        return []
    covered = [change.where for change in changes]
    found: list[str] = []
    for key in dict.fromkeys([*old, *new]):
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        if key in RECORDS:
            for ident, a, b in matched(by_key(before, "id"), by_key(after, "id")):
                if a is not None and b is not None and a != b:
                    found.extend(_uncovered_fields(f"{key}[{ident}]", a, b, covered))
        elif isinstance(before, dict) and isinstance(after, dict):
            found.extend(_uncovered_fields(key, before, after, covered))
        elif not _covered(key, covered):
            found.append(key)
    return found


def _uncovered_fields(
    where: str, old: dict[str, Any], new: dict[str, Any], covered: list[str]
) -> list[str]:
    names = dict.fromkeys([*old, *new])
    return [
        f"{where}.{name}"
        for name in names
        if old.get(name) != new.get(name) and not _covered(f"{where}.{name}", covered)
    ]


def _covered(where: str, covered: list[str]) -> bool:
    """True when a listed change is at `where` or inside it."""
    return any(c == where or c.startswith((f"{where}.", f"{where}[")) for c in covered)


def _plan_changes(old: Any, new: Any) -> Iterator[Change]:
    for name in PLAN_FIELDS:
        change = _value_change(
            "plan", f"plan.{name}", field(old, "plan", name), field(new, "plan", name)
        )
        if change is not None:
            yield change
    before, after = field(old, "plan", "period"), field(new, "plan", "period")
    if before != after:
        yield Change(
            "plan", Kind.CHANGED, "plan.period", describe.period(before), describe.period(after)
        )


def _record_changes(section: str, old: Any, new: Any) -> Iterator[Change]:
    _, label, removal_flagged = RECORDS[section]
    for key, before, after in matched(by_key(old, "id"), by_key(new, "id")):
        where = f"{section}[{key}]"
        if before is None and after is not None:
            yield Change(section, Kind.ADDED, where, "", describe.text(after.get(label)))
        elif after is None and before is not None:
            yield Change(
                section, Kind.REMOVED, where, describe.text(before.get(label)), "", removal_flagged
            )
        elif before is not None and after is not None:
            yield from _matched_record_changes(section, where, before, after)


def _matched_record_changes(
    section: str, where: str, before: dict[str, Any], after: dict[str, Any]
) -> Iterator[Change]:
    if section in DETAILED:
        yield from DETAILED[section](where, before, after)
    elif section == "services":
        yield from _list_changes(
            section, f"{where}.channels", before.get("channels"), after.get("channels")
        )
    elif section == "channels":
        for name in CHANNEL_CONTACT_FIELDS:
            change = _value_change("contact", f"{where}.{name}", before.get(name), after.get(name))
            if change is not None:
                yield change


def _list_changes(section: str, where: str, old: Any, new: Any) -> Iterator[Change]:
    """Ids removed from, then ids added to, a list of references: one change
    each, naming every id, so that a place is said once for each."""
    before, after = ids(old), ids(new)
    removed = [item for item in before if item not in after]
    added = [item for item in after if item not in before]
    if removed:
        yield Change(section, Kind.REMOVED, where, ", ".join(removed), "")
    if added:
        yield Change(section, Kind.ADDED, where, "", ", ".join(added))


def _contact_changes(old: Any, new: Any) -> Iterator[Change]:
    for where, path in CONTACT_FIELDS:
        change = _value_change("contact", where, field(old, *path), field(new, *path))
        if change is not None:
            yield change


def _value_change(section: str, where: str, old: Any, new: Any) -> Change | None:
    if old == new:
        return None
    kind = Kind.ADDED if old is None else Kind.REMOVED if new is None else Kind.CHANGED
    return Change(section, kind, where, describe.text(old), describe.text(new))
