"""A promise's targets and results put into words: each target in the
agency's own terms (a share of cases, an average, every case, a range), one
row per period with its source, the latest result of the plan's period and
the chart. Computed here once, read by the agency page, the promise
directories and the headline sentences.

Every sentence says only what the plan says: a result of a period before the
plan's is shown as earlier and never counted as kept, an average is called
an average, and where the plan gives no figure the page says so."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.model import Status, Tally
from generator.model.records import Plan, Result, Revision, Source, Standard, Target, Volume
from generator.render.chart import Chart, make_chart
from generator.render.escape import inert
from generator.render.messages import Messages

NO_LANG = Markup("")  # the plan's text is in the page's language


@dataclass(frozen=True, slots=True)
class ResultRow:
    period: Markup
    figure: Markup
    status: Status
    cases: int | None
    note: str | None
    revised: Revision | None
    volume: Volume | None = None
    source: Source | None = None
    earlier: bool = False  # of a period before the plan's: not counted
    share: bool = False  # the figure is a share of cases that met the target


@dataclass(frozen=True, slots=True)
class PartView:
    """One target of a promise (its only one, or one of its parts)."""

    target: Target
    text: Markup  # "Target: 90% of cases within 2 minutes."
    rows: tuple[ResultRow, ...]
    chart: Chart | None
    status: Status


@dataclass(frozen=True, slots=True)
class ResultsView:
    latest: Markup  # "91.2% (Q3 2026)", or "" without a result of the plan's period
    status_text: Markup  # the sentence beside the status label
    target: Markup  # the one target's text, or "" for a promise of several parts
    rows: tuple[ResultRow, ...]  # the one target's results
    has_cases: bool
    chart: Chart | None
    parts: tuple[PartView, ...] = ()  # every target, parts included
    overall: tuple[ResultRow, ...] = ()  # results across every part
    has_volumes: bool = False
    has_sources: bool = False  # results that name a source of their own
    has_earlier: bool = False


def view_results(standard: Standard, messages: Messages, lang: Markup = NO_LANG) -> ResultsView:
    """The promise's results in words; `lang` is the language attribute of its
    plan's text where that is not the page's (a plan not translated yet)."""
    if not standard.targets:
        return ResultsView(
            latest=Markup(""),
            status_text=messages("promise.no_target"),
            target=Markup(""),
            rows=(),
            has_cases=False,
            chart=None,
        )
    parts = tuple(_part(standard, target, messages) for target in standard.targets)
    overall = tuple(_row(result, None, messages) for result in standard.overall)
    rows = [row for part in parts for row in part.rows] + list(overall)
    single = parts[0] if not standard.tiered else None
    return ResultsView(
        latest=latest_short(standard, messages, lang),
        status_text=_status_text(standard, messages, lang),
        target=single.text if single else Markup(""),
        rows=single.rows if single else (),
        has_cases=any(row.cases is not None for row in rows),
        chart=single.chart if single else None,
        parts=parts,
        overall=overall,
        has_volumes=any(row.volume is not None for row in rows),
        has_sources=any(row.source is not None for row in rows),
        has_earlier=any(row.earlier for row in rows),
    )


def _part(standard: Standard, target: Target, messages: Messages) -> PartView:
    return PartView(
        target=target,
        text=target_text(target, messages),
        rows=tuple(_row(result, target, messages) for result in target.results),
        chart=make_chart(standard, messages, target),
        status=target.status,
    )


def target_text(target: Target, messages: Messages) -> Markup:
    """ "Target: 90% of cases within 2 minutes.", "Target: on average, at most
    12 minutes.", "Target: within 4 to 6 weeks." and the like."""
    value = messages.quantity(
        target.value, target.unit, scale_max=target.scale_max, value_from=target.value_from
    )
    comparator = target.comparator or "range"
    kind = target.kind or "unstated"
    if comparator == "between" and target.value_from is not None:
        low = messages.quantity(target.value_from, target.unit, scale_max=target.scale_max)
        high = messages.quantity(target.value, target.unit, scale_max=target.scale_max)
        share = messages.percent(target.share) if target.share is not None else Markup("")
        key = "share" if kind == "share" and target.share is not None else kind
        return messages(f"target.{key}.between", low=low, high=high, share=share)
    if kind == "share" and target.share is not None:
        return messages(
            f"target.share.{comparator}", value=value, share=messages.percent(target.share)
        )
    return messages(f"target.{kind}.{comparator}", value=value)


def tally_scope(plan: Plan) -> str:
    """Which results a plan's headline counts: those of its period, those
    since it was published (for a plan that gives no period), or all."""
    if plan.start is not None:
        return "period"
    return "since" if plan.published is not None else "all"


def tally_text(tally: Tally, messages: Messages, scope: str = "period") -> Markup:
    """One sentence on how many promises were kept in the latest results
    counted for the plan (see `tally_scope`; "plans" for every plan in
    force); where there is none, it says so in words."""
    if tally.measurable == 0:
        return messages("tally.none_measurable")
    parts = []
    if tally.measured:
        parts.append(messages(f"tally.met.{scope}", count=tally.measured, met=tally.met))
    else:
        parts.append(messages(f"tally.no_results.{scope}"))
    if tally.no_data and tally.measured:
        parts.append(messages("tally.no_data", count=tally.no_data))
    if tally.unclear:
        parts.append(messages("tally.unclear", count=tally.unclear))
    if tally.no_target:
        parts.append(messages("tally.no_target", count=tally.no_target))
    return Markup(" ").join(parts)


def figure_text(
    result: Result,
    target: Target | None,
    messages: Messages,
    *,
    named: bool = False,
    in_table: bool = False,
    lang: Markup = NO_LANG,
) -> Markup:
    """The result's figure as the source gives it: a share of cases, a
    measured value (the average, for an average), a range, or only whether
    it was met. A bare count ("4.4") means nothing out of its table: `named`
    puts the metric beside it; `in_table`, a share is the bare percentage
    its column names; `lang` marks the metric's language, as `view_results`."""
    if result.share_met is not None:
        share = messages.percent(result.share_met)
        if result.share_met_from is not None:
            low = messages.number(result.share_met_from)
            share = messages("format.range_percent", low=low, high=share)
        return share if in_table else messages("promise.share_met", share=share)
    if result.value is not None and target is not None:
        text = messages.quantity(
            result.value, target.unit, scale_max=target.scale_max, value_from=result.value_from
        )
        if target.kind in ("average", "median"):
            return messages(f"promise.{target.kind}_value", value=text)
        if named and target.unit == "count" and target.metric:
            metric = inert(target.metric)
            if lang:
                metric = Markup(f"<span{lang}>{metric}</span>")
            return messages("promise.named_count", value=text, metric=metric)
        return text
    if result.met is not None:
        return messages("promise.reported_met" if result.met else "promise.reported_not_met")
    return messages("promise.no_figure")


def latest_short(standard: Standard, messages: Messages, lang: Markup = NO_LANG) -> Markup:
    """ "91.2% (Q3 2026)": the latest result of the plan's period in a few
    words, for the lists that show many promises."""
    latest = standard.latest
    if latest is None or (not standard.targets):
        return Markup("")
    return messages(
        "promise.latest_short",
        figure=figure_text(latest, standard.target, messages, named=True, lang=lang),
        period=messages.period(latest.span or latest.period, short=True),
    )


def _status_text(standard: Standard, messages: Messages, lang: Markup) -> Markup:
    latest = standard.latest
    if standard.tiered:
        return messages(f"promise.parts.{standard.status.value}")
    if latest is None:
        if standard.earlier:
            return messages("promise.no_results_in_period")
        return messages("promise.no_results")
    return messages(
        "promise.latest",
        figure=figure_text(latest, standard.target, messages, named=True, lang=lang),
        period=messages.period(latest.span or latest.period),
    )


def _row(result: Result, target: Target | None, messages: Messages) -> ResultRow:
    return ResultRow(
        period=messages.period(result.span or result.period),
        figure=figure_text(result, target, messages, in_table=True),
        status=result.status,
        cases=result.cases,
        note=result.note,
        revised=result.revised,
        volume=result.volume,
        source=result.source,
        earlier=not result.in_period,
        share=result.share_met is not None,
    )
