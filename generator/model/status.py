"""Is a promise kept? The status of a result against its target, computed once
here so that the pages, the CSV files and the headline figures agree."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    MET = "met"
    NOT_MET = "not-met"
    NO_DATA = "no-data"  # a measurable promise with no result yet
    NO_TARGET = "no-target"  # a promise without a number, such as courtesy


def result_status(
    comparator: str,
    target: float,
    share: float | None,
    value: float | None,
    share_met: float | None,
) -> Status:
    """Met or not met for one result. With a share ("90% of calls within 2
    minutes") the share of cases that met the target is compared with the
    share; without one, the measured value is compared with the target."""
    if share is not None:
        if share_met is None:
            return Status.NO_DATA
        return Status.MET if share_met >= share else Status.NOT_MET
    if value is None:
        return Status.NO_DATA
    kept = value <= target if comparator == "at-most" else value >= target
    return Status.MET if kept else Status.NOT_MET
