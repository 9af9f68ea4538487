"""Is a promise kept? The status of a result against its target, computed once
here so that the pages, the CSV files and the headline figures agree."""

from __future__ import annotations

from enum import StrEnum

Bounds = tuple[float, float]  # a figure's lower and upper end (the same for a number)


class Status(StrEnum):
    MET = "met"
    NOT_MET = "not-met"
    NO_DATA = "no-data"  # a measurable promise with no result yet
    NO_TARGET = "no-target"  # a promise without a number, such as courtesy
    UNCLEAR = "unclear"  # a result that cannot be read against its target


def compare(figure: Bounds, comparator: str, threshold: float) -> Status:
    """A figure (or the range it may be in) against a threshold: met when the
    whole range keeps it, not met when none of it does, unclear in between."""
    low, high = figure
    if comparator == "between":  # `threshold` is unused: see `within`
        raise ValueError("a window is compared with `within`")
    if comparator == "less-than":
        kept, missed = high < threshold, low >= threshold
    elif comparator == "at-least":
        kept, missed = low >= threshold, high < threshold
    elif comparator == "more-than":
        kept, missed = low > threshold, high <= threshold
    else:  # at-most, and a range of times, kept within its upper end
        kept, missed = high <= threshold, low > threshold
    return Status.MET if kept else Status.NOT_MET if missed else Status.UNCLEAR


def within(figure: Bounds, window: Bounds) -> Status:
    """A figure (or the range it may be in) against a window: met when all of
    it is inside, not met when none of it is."""
    low, high = figure
    if window[0] <= low and high <= window[1]:
        return Status.MET
    if high < window[0] or low > window[1]:
        return Status.NOT_MET
    return Status.UNCLEAR


def result_status(
    *,
    kind: str | None,
    comparator: str | None,
    value: float,
    value_from: float | None,
    share: float | None,
    measured: Bounds | None,
    shares: Bounds | None,
    met: bool | None,
) -> Status:
    """Met, not met, or unclear for one result of a target. `kind` is what
    the target promises (its statistic); `measured` the measured value and
    `shares` the share of cases that met the target, each as a range (the
    same number twice for a plain figure); `met` what the source says.

    A share target is read by its share of cases; an average or a median by
    the measured figure; a promise for every case by the figure, or by a
    share of 100%. Where the figure cannot be read against the target, the
    source's own word (`met`) decides, or the status is unclear."""
    if kind == "share" and shares is not None and share is not None:
        return compare(shares, "at-least", share)
    if measured is not None and kind != "share":
        if comparator == "between" and value_from is not None:
            return within(measured, (value_from, value))
        lower = comparator in ("at-least", "more-than") and value_from is not None
        threshold = value_from if lower and value_from is not None else value
        return compare(measured, comparator or "at-most", threshold)
    if kind == "every-case" and shares is not None:
        return compare(shares, "at-least", 100)
    if met is not None:
        return Status.MET if met else Status.NOT_MET
    return Status.UNCLEAR if measured or shares else Status.NO_DATA
