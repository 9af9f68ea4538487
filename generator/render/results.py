"""A promise's results put into words: the latest result, the target, one
row per period and the chart. Computed here once, read by the agency page,
the promise directories and the headline sentences."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.model import Status, Tally
from generator.model.records import Result, Revision, Standard, Target
from generator.render.chart import Chart, figure_of, format_figure, make_chart
from generator.render.messages import Messages


@dataclass(frozen=True, slots=True)
class ResultRow:
    period: Markup
    figure: Markup
    status: Status
    cases: int | None
    note: str | None
    revised: Revision | None


@dataclass(frozen=True, slots=True)
class ResultsView:
    latest: Markup  # "91.2% (Q3 2026)", or "" without a result
    status_text: Markup  # the sentence beside the status label
    target: Markup
    rows: tuple[ResultRow, ...]
    has_cases: bool
    chart: Chart | None


def view_results(standard: Standard, messages: Messages) -> ResultsView:
    target, latest = standard.target, standard.latest
    if target is None:
        return ResultsView(
            latest=Markup(""),
            status_text=messages("promise.no_target"),
            target=Markup(""),
            rows=(),
            has_cases=False,
            chart=None,
        )
    rows = tuple(_row(result, target, messages) for result in standard.results)
    return ResultsView(
        latest=_latest_short(latest, target, messages),
        status_text=_status_text(latest, target, messages),
        target=target_text(target, messages),
        rows=rows,
        has_cases=any(row.cases is not None for row in rows),
        chart=make_chart(standard, messages),
    )


def target_text(target: Target, messages: Messages) -> Markup:
    """ "Target: 90% of cases within 2 minutes." and the like."""
    value = messages.quantity(target.value, target.unit, scale_max=target.scale_max)
    if target.share is not None:
        return messages(
            f"target.{target.comparator}.share", value=value, share=messages.percent(target.share)
        )
    return messages(f"target.{target.comparator}.value", value=value)


def tally_text(tally: Tally, messages: Messages) -> Markup:
    """One sentence on how many promises were kept in the latest results."""
    parts = [messages("tally.met", count=tally.met, measured=tally.measured)]
    if tally.no_data:
        parts.append(messages("tally.no_data", count=tally.no_data))
    if tally.no_target:
        parts.append(messages("tally.no_target", count=tally.no_target))
    return Markup(" ").join(parts)


def _figure(result: Result, target: Target, messages: Messages, *, named: bool = False) -> Markup:
    """The result's figure in its unit. A bare count ("4.4") means nothing
    out of its table: `named` puts the metric beside it."""
    figure = figure_of(target, result)
    if figure is None:
        return messages("promise.no_figure")
    text = format_figure(messages, target, figure)
    if named and target.unit == "count" and target.share is None:
        return messages("promise.named_count", value=text, metric=target.metric)
    return text


def latest_short(standard: Standard, messages: Messages) -> Markup:
    """ "91.2% (Q3 2026)": the latest result in a few words, for the lists
    that show many promises (without the rows and the chart of `view_results`)."""
    if standard.target is None:
        return Markup("")
    return _latest_short(standard.latest, standard.target, messages)


def _latest_short(latest: Result | None, target: Target, messages: Messages) -> Markup:
    if latest is None:
        return Markup("")
    return messages(
        "promise.latest_short",
        figure=_figure(latest, target, messages, named=True),
        period=messages.period(latest.period, short=True),
    )


def _status_text(latest: Result | None, target: Target, messages: Messages) -> Markup:
    if latest is None:
        return messages("promise.no_results")
    key = "promise.latest_share" if target.share is not None else "promise.latest_value"
    return messages(
        key,
        figure=_figure(latest, target, messages, named=True),
        period=messages.period(latest.period),
    )


def _row(result: Result, target: Target, messages: Messages) -> ResultRow:
    return ResultRow(
        period=messages.period(result.period),
        figure=_figure(result, target, messages),
        status=result.status,
        cases=result.cases,
        note=result.note,
        revised=result.revised,
    )
