"""Is a promise tighter or weaker than before? Targets, durations and shares
are compared here, across units where that is meaningful.

Times convert to seconds when both are clock or calendar units; business days
and months only compare with themselves, because a business day is not a fixed
number of calendar days and a month is not a fixed number of weeks."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any


class Direction(StrEnum):
    SAME = "same"
    TIGHTER = "tighter"
    LOOSER = "looser"
    MIXED = "mixed"
    INCOMPARABLE = "incomparable"


# Units that convert into one another, as seconds per unit.
SECONDS_PER_UNIT = {
    "seconds": 1,
    "minutes": 60,
    "hours": 3600,
    "calendar-days": 86400,
    "weeks": 7 * 86400,
}

# For each comparator, whether a lower value is the stricter promise; a
# range of times, which has none, is kept within its upper end.
LOWER_IS_TIGHTER = {"at-most": True, "less-than": True, "at-least": False, "more-than": False}
# Of two comparators that point the same way, the stricter.
STRICT = {"at-most": "less-than", "at-least": "more-than"}


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _in_common_unit(value: Any, unit: Any, other_unit: Any) -> float | None:
    """`value` expressed so it compares with a value in `other_unit`; None when
    the two units do not compare."""
    number = _number(value)
    if number is None:
        return None
    if unit == other_unit:
        return number
    if unit in SECONDS_PER_UNIT and other_unit in SECONDS_PER_UNIT:
        return number * SECONDS_PER_UNIT[unit]
    return None


def ends(value: Any) -> tuple[Any, Any]:
    """(lower, upper) end of a number or a range {from, to}."""
    if isinstance(value, Mapping):
        return value.get("from"), value.get("to")
    return value, value


def compare_amounts(
    old_value: Any, old_unit: Any, new_value: Any, new_unit: Any, *, lower_is_tighter: bool
) -> Direction:
    """Compare two amounts, each with its unit; a range by each of its ends."""
    if isinstance(old_value, Mapping) or isinstance(new_value, Mapping):
        return combine(
            *(
                compare_amounts(a, old_unit, b, new_unit, lower_is_tighter=lower_is_tighter)
                for a, b in zip(ends(old_value), ends(new_value), strict=True)
            )
        )
    old = _in_common_unit(old_value, old_unit, new_unit)
    new = _in_common_unit(new_value, new_unit, old_unit)
    if old is None or new is None:
        return Direction.INCOMPARABLE
    if old == new:
        return Direction.SAME
    return Direction.TIGHTER if (new < old) == lower_is_tighter else Direction.LOOSER


def compare_duration(old: Any, new: Any) -> Direction:
    """Two `{value, unit}` durations: a shorter time is the tighter promise,
    for a share of cases as large, under conditions no wider."""
    if not isinstance(old, Mapping) or not isinstance(new, Mapping):
        return Direction.INCOMPARABLE
    if old.get("statistic") != new.get("statistic"):
        return Direction.INCOMPARABLE
    return combine(
        compare_amounts(
            old.get("value"),
            old.get("unit"),
            new.get("value"),
            new.get("unit"),
            lower_is_tighter=True,
        ),
        compare_share(_every_case(old), _every_case(new)),
        compare_conditions(old.get("conditions"), new.get("conditions")),
    )


def _every_case(duration: Mapping[str, Any]) -> Any:
    """A time's share of cases: a time for no stated share is for every case."""
    if duration.get("share") is None and duration.get("statistic") in (None, "every-case"):
        return 100
    return duration.get("share")


def compare_conditions(old: Any, new: Any) -> Direction:
    """Conditions and exclusions: one added narrows what the promise covers
    (weaker), one dropped widens it (tighter)."""
    before = set(old) if isinstance(old, list) else set()
    after = set(new) if isinstance(new, list) else set()
    added, dropped = bool(after - before), bool(before - after)
    if added and dropped:
        return Direction.MIXED
    if added:
        return Direction.LOOSER
    return Direction.TIGHTER if dropped else Direction.SAME


def compare_share(old: Any, new: Any) -> Direction:
    """Shares of cases a promise covers: a larger share is tighter. A share
    left out and a share given do not compare (an average is not a share)."""
    if old is None and new is None:
        return Direction.SAME
    return compare_amounts(old, "percent", new, "percent", lower_is_tighter=False)


def _comparator(target: Mapping[str, Any]) -> Any:
    comparator = target.get("comparator")
    if comparator is None and isinstance(target.get("value"), Mapping):
        return "at-most"  # a range of times
    return comparator


def _kind(target: Mapping[str, Any]) -> Any:
    return target.get("statistic") or ("share" if "share" in target else None)


def compare_target(old: Mapping[str, Any], new: Mapping[str, Any]) -> Direction:
    """Compare two targets: comparator, value and unit, statistic, share,
    conditions and scale. A statistic the plan now states where it did not
    (format 1.0 had none) compares by the number."""
    if {k: v for k, v in old.items() if k != "change_reason"} == {
        k: v for k, v in new.items() if k != "change_reason"
    }:
        return Direction.SAME
    before, after = _comparator(old), _comparator(new)
    if before not in LOWER_IS_TIGHTER or after not in LOWER_IS_TIGHTER:
        return Direction.INCOMPARABLE
    if LOWER_IS_TIGHTER[before] != LOWER_IS_TIGHTER[after]:
        return Direction.INCOMPARABLE
    kinds = {_kind(old), _kind(new)} - {None}
    if len(kinds) > 1 or old.get("scale_max") != new.get("scale_max"):
        return Direction.INCOMPARABLE
    value = compare_amounts(
        old.get("value"),
        old.get("unit"),
        new.get("value"),
        new.get("unit"),
        lower_is_tighter=LOWER_IS_TIGHTER[before],
    )
    strictness = Direction.SAME
    if before != after:
        strictness = Direction.TIGHTER if STRICT.get(before) == after else Direction.LOOSER
    return combine(
        value,
        strictness,
        compare_share(old.get("share"), new.get("share")),
        compare_conditions(old.get("conditions"), new.get("conditions")),
    )


def combine(*directions: Direction) -> Direction:
    """The direction of a promise made of several parts."""
    found = set(directions) - {Direction.SAME}
    if not found:
        return Direction.SAME
    if Direction.INCOMPARABLE in found:
        return Direction.INCOMPARABLE
    if found == {Direction.TIGHTER}:
        return Direction.TIGHTER
    if found == {Direction.LOOSER}:
        return Direction.LOOSER
    return Direction.MIXED
