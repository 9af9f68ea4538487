"""The geometry of a promise's results-over-time chart, drawn by the template
templates/agency/chart.svg.j2 as inline SVG (no script, no third-party
library). The chart says in words what it shows (its <title> and <desc>), and
the same figures sit beside it in a table."""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup

from generator.model import Status
from generator.model.records import Result, Standard, Target
from generator.render.messages import Messages

WIDTH, HEIGHT = 320, 150
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 12, 26


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float
    status: Status


@dataclass(frozen=True, slots=True)
class Chart:
    id: str
    width: int
    height: int
    points: tuple[Point, ...]
    line: str
    target_y: float
    plot: tuple[float, float, float, float]  # left, top, right, bottom
    top_label: Markup
    bottom_label: Markup
    target_label: Markup
    first_period: Markup
    last_period: Markup
    title: Markup
    desc: Markup


def figure_of(target: Target, result: Result) -> float | None:
    """The number compared with the target, where the source gives one
    number: the share of cases that met it, or the measured value."""
    if target.kind == "share":
        return result.share_met if result.share_met_from is None else None
    return result.value if result.value_from is None else None


def target_figure(target: Target) -> float:
    return target.share if target.kind == "share" and target.share is not None else target.value


def format_figure(messages: Messages, target: Target, figure: float) -> Markup:
    if target.kind == "share":
        return messages.percent(figure)
    return messages.quantity(figure, target.unit, scale_max=target.scale_max)


# One or two results say no more as a line than in the table beside it, and
# every chart weighs about a kilobyte on the page.
MIN_POINTS = 3


def make_chart(
    standard: Standard, messages: Messages, target: Target | None = None
) -> Chart | None:
    """The chart of a target (the promise's one, by default) with at least
    MIN_POINTS results of the plan's period, each one number, and a single
    number to promise (a range of times draws no one line)."""
    target = target or standard.target
    if target is None or target.value_from is not None:
        return None
    measured = [
        (r, f) for r in target.results if r.in_period and (f := figure_of(target, r)) is not None
    ]
    if len(measured) < MIN_POINTS:
        return None
    goal = target_figure(target)
    low, high = _range(
        [f for _, f in measured] + [goal],
        percent=target.kind == "share" or target.unit == "percent",
    )
    plot = (LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM)

    def y_of(value: float) -> float:
        return round(plot[3] - (value - low) / (high - low) * (plot[3] - plot[1]), 1)

    step = (plot[2] - plot[0]) / max(len(measured) - 1, 1)
    points = tuple(
        Point(
            round(plot[0] + i * step if len(measured) > 1 else (plot[0] + plot[2]) / 2, 1),
            y_of(f),
            r.status,
        )
        for i, (r, f) in enumerate(measured)
    )
    return Chart(
        id=f"chart-{standard.id}" + (f"-{target.id}" if target.id else ""),
        width=WIDTH,
        height=HEIGHT,
        points=points,
        line=" ".join(f"{p.x:g},{p.y:g}" for p in points),
        target_y=y_of(goal),
        plot=plot,
        top_label=format_figure(messages, target, high),
        bottom_label=format_figure(messages, target, low),
        target_label=messages("chart.target", value=format_figure(messages, target, goal)),
        first_period=messages.period(measured[0][0].period, short=True),
        last_period=messages.period(measured[-1][0].period, short=True),
        # An SVG <title> holds text only: no element to name a language.
        title=messages("chart.title", metric=str(target.metric or standard.promise)),
        desc=_describe(standard, target, measured, messages),
    )


def _range(values: list[float], *, percent: bool) -> tuple[float, float]:
    """A vertical range around the values, on whole numbers, with room above
    and below so that points are not drawn on the frame."""
    low, high = min(values), max(values)
    pad = max((high - low) * 0.2, abs(high) * 0.02, 0.5)
    low, high = math.floor(max(low - pad, 0)), math.ceil(high + pad)
    if percent:
        high = min(high, 100)
    if high <= low:
        high = low + 1
    return float(low), float(high)


def _describe(
    standard: Standard, target: Target, measured: list[tuple[Result, float]], messages: Messages
) -> Markup:
    met = sum(1 for result, _ in measured if result.status is Status.MET)
    lowest = min(measured, key=lambda item: item[1])
    highest = max(measured, key=lambda item: item[1])
    latest = measured[-1]
    return messages(
        "chart.desc",
        first=messages.period(measured[0][0].period, short=True),
        last=messages.period(latest[0].period, short=True),
        lowest=format_figure(messages, target, lowest[1]),
        lowest_period=messages.period(lowest[0].period, short=True),
        highest=format_figure(messages, target, highest[1]),
        highest_period=messages.period(highest[0].period, short=True),
        latest=format_figure(messages, target, latest[1]),
        target=format_figure(messages, target, target_figure(target)),
        met=messages.number(met),
        periods=messages.number(len(measured)),
    )
