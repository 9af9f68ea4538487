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

# For each comparator, whether a lower value is the stricter promise.
LOWER_IS_TIGHTER = {"at-most": True, "at-least": False}


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


def compare_amounts(
    old_value: Any, old_unit: Any, new_value: Any, new_unit: Any, *, lower_is_tighter: bool
) -> Direction:
    """Compare two amounts, each with its unit."""
    old = _in_common_unit(old_value, old_unit, new_unit)
    new = _in_common_unit(new_value, new_unit, old_unit)
    if old is None or new is None:
        return Direction.INCOMPARABLE
    if old == new:
        return Direction.SAME
    return Direction.TIGHTER if (new < old) == lower_is_tighter else Direction.LOOSER


def compare_duration(old: Any, new: Any) -> Direction:
    """Two `{value, unit}` durations: a shorter time is the tighter promise."""
    if not isinstance(old, Mapping) or not isinstance(new, Mapping):
        return Direction.INCOMPARABLE
    return compare_amounts(
        old.get("value"), old.get("unit"), new.get("value"), new.get("unit"), lower_is_tighter=True
    )


def compare_share(old: Any, new: Any) -> Direction:
    """Shares of cases a promise covers: a larger share is tighter. A share
    left out and a share given do not compare (an average is not a share)."""
    if old is None and new is None:
        return Direction.SAME
    return compare_amounts(old, "percent", new, "percent", lower_is_tighter=False)


def compare_target(old: Mapping[str, Any], new: Mapping[str, Any]) -> Direction:
    """Compare two targets: comparator, value and unit, share and scale."""
    comparator = old.get("comparator")
    if comparator != new.get("comparator") or comparator not in LOWER_IS_TIGHTER:
        return Direction.INCOMPARABLE
    if old.get("scale_max") != new.get("scale_max"):
        return Direction.INCOMPARABLE
    value = compare_amounts(
        old.get("value"),
        old.get("unit"),
        new.get("value"),
        new.get("unit"),
        lower_is_tighter=LOWER_IS_TIGHTER[comparator],
    )
    return combine(value, compare_share(old.get("share"), new.get("share")))


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
