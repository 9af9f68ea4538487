"""The Jinja2 environment that renders every page.

Autoescape is on and undefined names fail (`StrictUndefined`). On top of
that, `finalize` passes every value a template prints through `inert`, the
HTML-and-Markdown escape, unless it is already `Markup` (our own markup,
built from escaped parts): a template cannot print plan text raw by
forgetting a filter. Printing None fails too, so optional fields are guarded
with `if` instead of showing "None". Jinja2 then escapes what `finalize`
returns, which leaves markup as it is. Only Jinja2's public interface is
used: an upgrade of Jinja2 should need no change here."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from jinja2 import (
    Environment,
    FileSystemLoader,
    StrictUndefined,
    pass_context,
)
from jinja2.runtime import Context
from markupsafe import Markup

from generator.check.rules import CHANNEL_CONTACT
from generator.render import urls
from generator.render.escape import (
    inert,
    inert_json,
    inert_lines,
    safe_url,
    tel_url,
)
from generator.render.languages import FORMAT_LANGUAGE, lang_attr, text_note
from generator.render.messages import Messages
from generator.render.plan_words import (
    channel_detail,
    channel_kind_said,
    channel_named,
    channel_url_label,
    combined_figure,
    display_url,
    fiscal_year_note,
    name_is_detail,
    plan_period,
    time_sentence,
    time_text,
)
from generator.render.reference import record_anchor

TEMPLATES_DIR = Path(__file__).with_name("templates")
STATIC_DIR = Path(__file__).with_name("static")


def make_environment(
    messages: Messages,
    site_url: str,
    *,
    prefix: str = "",
    incomplete: frozenset[Path] = frozenset(),
    from_disk: bool = False,
) -> Environment:
    """The environment for one interface language: its messages as `t`, and
    filters that format numbers, dates, periods and units for it.

    `site_url` is the address of the whole site, where the language-neutral
    files are; `prefix` is where this language's pages are in it ("" or
    "es/"), `incomplete` names the plans whose translation into this
    language lacks some text, and `from_disk` links pages by their files
    (see `page_links`)."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do"],
        # Templates do not change during a build: no check of their files per page.
        auto_reload=False,
    )
    # `lang_attr` is set per page for plans written in another language;
    # `lang_of(plan)` gives it for any plan, `format_lang` for the text of
    # the format itself (the schema's descriptions, the frameworks).
    env.globals.update(
        t=messages,
        urls=urls,
        site_url=site_url,
        prefix=prefix,
        from_disk=from_disk,
        lang_attr=Markup(""),
        lang_of=lambda plan: lang_attr(plan.language, messages.language),
        format_language=FORMAT_LANGUAGE,
        format_lang=lang_attr(FORMAT_LANGUAGE, messages.language),
        text_note=partial(text_note, messages=messages, incomplete=incomplete),
        remembered=_remembered({}),
        record_anchor=record_anchor,
        plan_period=lambda plan, inline=False: plan_period(plan, messages, inline=inline),
        fiscal_year_note=lambda plan: fiscal_year_note(plan, messages),
        channel_named=lambda channel: channel_named(channel, messages),
        channel_kind_said=lambda channel: channel_kind_said(channel, messages),
        channel_url_label=channel_url_label,
        name_is_detail=name_is_detail,
        channel_detail=channel_detail,
        m_time=lambda key, duration: time_sentence(key, duration, messages),
        combined_figure=lambda result: combined_figure(result, messages),
        # What each kind of channel gives so a customer can use it.
        channel_needs=CHANNEL_CONTACT,
    )
    env.filters.update(
        text=inert,
        lines=inert_lines,
        url=safe_url,
        tel=tel_url,
        json_ld=inert_json,
        number=messages.number,
        percent=messages.percent,
        date=messages.date,
        period=messages.period,
        quantity=messages.quantity,
        duration=lambda d: time_text(d, messages),
        label=lambda value, kind: messages.label(kind, value),
        language=messages.language_name,
        display_url=display_url,
        join_list=lambda items: messages.list([_markup(item) for item in items]),
        join_parts=lambda items: messages.parts([_markup(item) for item in items]),
        join_semicolons=lambda items: messages.series([_markup(item) for item in items]),
        lang_span=_lang_span,
    )
    return env


def _remembered(memory: dict[Any, Markup]) -> Callable[..., Markup]:
    """`remembered(key, macro, *args)`: the macro's output, worked out once
    per key in this environment (one language). For the parts of the page
    that many pages repeat and that hold no link, whose address would depend
    on the page: a promise's cells in the lists by service and by channel."""

    def remembered(key: Any, macro: Callable[..., str], *args: Any) -> Markup:
        if key not in memory:
            memory[key] = Markup(macro(*args))
        return memory[key]

    return remembered


def _finalize(value: Any) -> Markup:
    """Every value a template prints, as markup, which Jinja2's autoescape
    then leaves as it is."""
    if value.__class__ is Markup:  # most of what a page prints
        return value
    if value is None:
        raise TypeError("A template printed None: guard optional fields with `if`.")
    if isinstance(value, Markup):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Markup(str(value))
    return inert(value)


def _markup(value: Any) -> Markup:
    return value if isinstance(value, Markup) else inert(value)


@pass_context
def _lang_span(context: Context, value: Any, source: Any = None) -> Markup:
    """Text from a plan (or the format) inside interface text, in a span
    naming its language when that differs from the interface's. `source` is
    the plan it comes from on a page about many agencies, or a language tag;
    by default, the page's plan (`lang_attr`)."""
    if source is None:
        attr = context["lang_attr"]
    elif isinstance(source, str):
        attr = lang_attr(source, context["t"].language)
    else:
        attr = context["lang_of"](source)
    text = _markup(value)
    # Both parts are markup already: nothing to escape.
    return Markup(f"<span{_markup(attr)}>{text}</span>") if attr else text


def page_links(env: Environment, here: str) -> dict[str, Callable[[str], Markup]]:
    """What a template links with, on the page at `here`: `href(target)`, a
    link to `target`, a page of the same language or a language-neutral
    file at the site's root; `root_href(target)`, to `target` given
    relative to the root of the whole site (such as es/agencies/AGENCY/).
    Made for each page, so that a call needs no context.
    In a build for a folder on disk, links to pages name their files."""
    prefix = env.globals["prefix"]
    link = urls.as_file if env.globals["from_disk"] else str

    def root_href(target: str) -> Markup:
        return inert(link(urls.relative(prefix + here, target)))

    def href(target: str) -> Markup:
        if urls.is_shared(target):
            return root_href(target)
        return inert(link(urls.relative(here, target)))

    return {"href": href, "root_href": root_href}
