"""Facts about a plan put into words, each saying only what the plan says:
its period as it writes it, a time as precise as it gives it, whether a
channel's name or card already says what kind it is."""

from __future__ import annotations

from markupsafe import Markup

from generator.check.rules import CHANNEL_CONTACT
from generator.model.records import Channel, Duration, Plan
from generator.model.section_records import CombinedResult
from generator.render.messages import Messages


def plan_period(plan: Plan, messages: Messages, *, inline: bool = False) -> Markup | None:
    """ "fiscal year 2024-25 (April 1, 2024 to March 31, 2025)", "January 1
    to December 31, 2026", "from May 2019"; None where the plan gives no
    period. `inline`: inside a sentence, rather than on its own."""
    span = "agency.period_value" if inline else "about.period_value"
    if plan.period is not None:
        words = messages.period(plan.period)
        if plan.period.kind in ("year", "range") or not plan.period.exact:
            return words
        dates = messages(
            "about.period_value",
            start=messages.date(plan.period.start),
            end=messages.date(plan.period.end),
        )
        return messages("about.period_with_dates", period=words, dates=dates)
    if plan.period_start is not None and plan.period_end is not None:
        return messages(
            span,
            start=messages.date(plan.period_start),
            end=messages.date(plan.period_end),
        )
    if plan.period_start is not None:
        return messages("about.period_from", start=messages.date(plan.period_start))
    return None


def fiscal_year_note(plan: Plan, messages: Messages) -> Markup | None:
    """ "Their fiscal year starts in April.", where the plan says so."""
    if plan.fiscal_start is None:
        return None
    month = messages.month_name(plan.fiscal_start)
    return messages("about.fiscal_year_starts", month=month)


def time_text(duration: Duration, messages: Messages) -> Markup:
    """ "10 business days", "2 to 3 calendar days"."""
    return messages.quantity(duration.value, duration.unit, value_from=duration.value_from)


def time_sentence(key: str, duration: Duration, messages: Messages) -> Markup:
    """A sentence about a time, as the plan gives it: for every case
    (`key`), for a share of cases (`key`_share) or on average
    (`key`_average), such as: They answer 90% of complaints within 10
    business days."""
    time = time_text(duration, messages)
    if duration.share is not None:
        return messages(f"{key}_share", time=time, share=messages.percent(duration.share))
    if duration.statistic in ("average", "median"):
        return messages(f"{key}_{duration.statistic}", time=time)
    return messages(key, time=time)


def channel_named(channel: Channel, messages: Messages) -> bool:
    """Whether the channel's name already says what kind it is ("Mail",
    "Riverton 311", or its web address): its kind is then not repeated."""
    name = channel.name.casefold()
    label = str(messages.label("channel_type", channel.type)).casefold()
    if label in name or channel.type.casefold() in name.split():
        return True
    return bool(channel.url) and name in (channel.url or "").casefold()


# The kinds of channel whose contact line says the kind by its label
# ("Phone: ..."), with the field that line shows; a web channel's address is
# labelled as its website.
KIND_LINE = {"phone": "phone", "fax": "fax", "email": "email", "web": "url"}
# The details a channel's summary may show, in the order it looks for one
# when the plan does not give the one its kind needs.
DETAIL_FIELDS = ("phone", "fax", "email", "url", "address")


def channel_kind_said(channel: Channel, messages: Messages) -> bool:
    """Whether the channel's card says its kind already, in its name or in
    the label of one of its lines: then it is not said once more above."""
    field = KIND_LINE.get(channel.type)
    return channel_named(channel, messages) or bool(field and getattr(channel, field))


def channel_url_label(channel: Channel) -> str:
    """The label of a channel's web address: a web channel's is its website,
    any other channel's a page about it."""
    return "contact.website" if channel.type == "web" else "contact.web"


def display_url(url: str) -> str:
    """A web address as people read it: no scheme, no trailing slash."""
    return url.split("://", 1)[-1].rstrip("/")


def channel_detail(channel: Channel) -> str | None:
    """The field of the one detail needed to use the channel: the one its
    kind needs (an office's address, a helpline's number) where the plan
    gives it, else the first it gives; None where it gives none."""
    needed = CHANNEL_CONTACT.get(channel.type)
    if needed and getattr(channel, needed):
        return needed
    return next((field for field in DETAIL_FIELDS if getattr(channel, field)), None)


def name_is_detail(channel: Channel) -> bool:
    """Whether the channel's name is the very detail its summary shows (a
    channel called "fba.example.gov" at https://fba.example.gov/): the name
    is then not put before it as its label."""
    field = channel_detail(channel)
    if field is None:
        return False
    value = getattr(channel, field)
    shown = display_url(value) if field == "url" else value
    return " ".join(shown.split()).casefold() == " ".join(channel.name.split()).casefold()


def combined_figure(result: CombinedResult, messages: Messages) -> Markup:
    """ "96.2% of cases met their standard", or the measured value."""
    if result.share_met is not None:
        share = messages.percent(result.share_met)
        if result.share_met_from is not None:
            low = messages.number(result.share_met_from)
            share = messages("format.range_percent", low=low, high=share)
        return messages("combined.share_met", share=share)
    assert result.value is not None and result.unit is not None
    return messages.quantity(result.value, result.unit, value_from=result.value_from)
