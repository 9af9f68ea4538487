"""Changes to what the agency promises: targets of standards, service level
times, complaint response times, and the results published against them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from generator.review import describe
from generator.review.changes import Change, Kind
from generator.review.compare import (
    Direction,
    compare_conditions,
    compare_duration,
    compare_share,
    compare_target,
)
from generator.review.records import by_key, field, matched

NOT_COMPARABLE = "The two versions cannot be compared (different comparator, unit or scale)."
MIXED = "Part of the promise is tighter and part is weaker."
RESULT_FIGURES = ("value", "share_met", "met", "cases", "volume")
SERVICE_LEVEL_FIGURES = ("status_met", "resolution_met", "requests")


def judged(
    direction: Direction,
    *,
    section: str,
    where: str,
    old: str,
    new: str,
    reason: str = "",
    reason_field: str = "",
) -> Change | None:
    """The change a comparison found, flagged unless the promise got no weaker."""
    kinds = {
        Direction.TIGHTER: (Kind.TIGHTENED, False, ""),
        Direction.LOOSER: (Kind.LOOSENED, True, ""),
        Direction.MIXED: (Kind.CHANGED, True, MIXED),
        Direction.INCOMPARABLE: (Kind.CHANGED, True, NOT_COMPARABLE),
    }
    if direction is Direction.SAME:
        return Change(section, Kind.REWORDED, where, old, new) if old != new else None
    kind, flagged, note = kinds[direction]
    return Change(
        section,
        kind,
        where,
        old,
        new,
        flagged,
        reason=reason if flagged else "",
        reason_field=reason_field if flagged else "",
        note=note,
    )


def standard_changes(where: str, old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
    """Promise wording, target and results of one standard in both versions."""
    if old.get("promise") != new.get("promise"):
        yield Change(
            "standards",
            Kind.REWORDED,
            f"{where}.promise",
            describe.text(old.get("promise")),
            describe.text(new.get("promise")),
        )
    conditions = judged(
        compare_conditions(old.get("conditions"), new.get("conditions")),
        section="standards",
        where=f"{where}.conditions",
        old=describe.text(old.get("conditions")),
        new=describe.text(new.get("conditions")),
    )
    if conditions is not None:
        yield conditions
    if "targets" in old or "targets" in new:
        yield from _parts_changes(where, old, new)
        return
    change = target_change(f"{where}.target", old.get("target"), new.get("target"))
    if change is not None:
        yield change
    yield from result_changes(
        f"{where}.results",
        old.get("results"),
        new.get("results"),
        figures=RESULT_FIGURES,
        describe_result=lambda r: describe.result(r, new.get("target") or old.get("target")),
    )


def _parts_changes(where: str, old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
    """A promise of several parts (`targets`), matched part by part by id."""
    if ("target" in old) != ("target" in new) or ("targets" in old) != ("targets" in new):
        yield Change(
            "standards",
            Kind.CHANGED,
            f"{where}.targets",
            describe.target(old.get("target")) or _parts(old),
            describe.target(new.get("target")) or _parts(new),
            flagged=True,
            note="The promise is now split into parts differently: compare each part.",
        )
    for ident, before, after in matched(
        by_key(old.get("targets"), "id"), by_key(new.get("targets"), "id")
    ):
        at = f"{where}.targets[{ident}]"
        change = target_change(at, before, after)
        if change is not None:
            yield change
        part = after or before
        yield from result_changes(
            f"{at}.results",
            field(before, "results"),
            field(after, "results"),
            figures=RESULT_FIGURES,
            describe_result=lambda r, part=part: describe.result(r, part),
        )
    yield from result_changes(
        f"{where}.results",
        old.get("results"),
        new.get("results"),
        figures=RESULT_FIGURES,
        describe_result=lambda r: describe.result(r, None),
    )


def _parts(record: dict[str, Any]) -> str:
    parts = record.get("targets")
    if not isinstance(parts, list):
        return ""
    return "; ".join(describe.target(part) for part in parts if isinstance(part, dict))


def target_change(where: str, old: Any, new: Any) -> Change | None:
    """A target added, removed, tightened, loosened or changed."""
    if old is None and new is None:
        return None
    if not isinstance(old, dict):
        return Change("standards", Kind.ADDED, where, "", describe.target(new))
    if not isinstance(new, dict):
        return Change("standards", Kind.REMOVED, where, describe.target(old), "", flagged=True)
    return judged(
        compare_target(old, new),
        section="standards",
        where=where,
        old=describe.target(old),
        new=describe.target(new),
        reason=describe.text(new.get("change_reason")),
        reason_field=f"{where}.change_reason",
    )


def result_changes(
    where: str,
    old: Any,
    new: Any,
    *,
    figures: tuple[str, ...],
    describe_result: Callable[[Any], str],
) -> Iterator[Change]:
    """Results matched by period: added, removed (flagged) or revised (flagged,
    answered by the result's `revised.reason`)."""
    for period, before, after in matched(by_key(old, "period"), by_key(new, "period")):
        at = f"{where}[{period}]"
        if before is None:
            yield Change("results", Kind.RESULT_ADDED, at, "", describe_result(after))
        elif after is None:
            yield Change("results", Kind.RESULT_REMOVED, at, describe_result(before), "", True)
        elif any(before.get(name) != after.get(name) for name in figures):
            yield Change(
                "results",
                Kind.RESULT_REVISED,
                at,
                describe_result(before),
                describe_result(after),
                flagged=True,
                reason=describe.text(field(after, "revised", "reason")),
                reason_field=f"{at}.revised",
            )


def service_level_changes(where: str, old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
    """Request type, times and share of one service level agreement, and its results."""
    if old.get("request_type") != new.get("request_type"):
        yield Change(
            "service_levels",
            Kind.REWORDED,
            f"{where}.request_type",
            describe.text(old.get("request_type")),
            describe.text(new.get("request_type")),
        )
    reason = describe.text(new.get("change_reason"))
    for name in ("status_message", "resolution"):
        change = duration_change(
            "service_levels",
            f"{where}.{name}",
            old.get(name),
            new.get(name),
            reason=reason,
            reason_field=f"{where}.change_reason",
        )
        if change is not None:
            yield change
    share = judged(
        compare_share(old.get("share"), new.get("share")),
        section="service_levels",
        where=f"{where}.share",
        old=_percent(old.get("share")),
        new=_percent(new.get("share")),
        reason=reason,
        reason_field=f"{where}.change_reason",
    )
    if share is not None:
        yield share
    yield from result_changes(
        f"{where}.results",
        old.get("results"),
        new.get("results"),
        figures=SERVICE_LEVEL_FIGURES,
        describe_result=describe.service_level_result,
    )


def duration_change(
    section: str, where: str, old: Any, new: Any, *, reason: str = "", reason_field: str = ""
) -> Change | None:
    """A promised time added (tighter), removed (weaker) or changed."""
    if old is None and new is None:
        return None
    if old is None:
        return Change(section, Kind.ADDED, where, "", describe.duration(new))
    if new is None:
        return Change(
            section,
            Kind.REMOVED,
            where,
            describe.duration(old),
            "",
            True,
            reason=reason,
            reason_field=reason_field,
        )
    return judged(
        compare_duration(old, new),
        section=section,
        where=where,
        old=describe.duration(old),
        new=describe.duration(new),
        reason=reason,
        reason_field=reason_field,
    )


def complaint_time_changes(old: Any, new: Any) -> Iterator[Change]:
    """Complaint acknowledgement and response times. The format has no field
    for a reason here, so a weaker time is flagged with nowhere to answer."""
    for name in ("acknowledgement_time", "response_time"):
        change = duration_change(
            "complaints", f"complaints.{name}", field(old, name), field(new, name)
        )
        if change is not None:
            yield change
    stages = matched(by_key(field(old, "stages"), "id"), by_key(field(new, "stages"), "id"))
    for ident, before, after in stages:
        for name in ("acknowledgement_time", "response_time"):
            at = f"complaints.stages[{ident}].{name}"
            change = duration_change("complaints", at, field(before, name), field(after, name))
            if change is not None:
                yield change


def _percent(value: Any) -> str:
    return "" if value is None else f"{describe.number(value)}%"
