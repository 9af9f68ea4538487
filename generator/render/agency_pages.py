"""The pages of one agency: its current plan at agencies/AGENCY/, and each
earlier plan and draft at agencies/AGENCY/PLAN/."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from generator.model import AgencyPlans, Plan, Tally
from generator.model.records import Agency
from generator.render import urls
from generator.render.jsonld import agency_json_ld
from generator.render.languages import lang_attr
from generator.render.messages import Messages
from generator.render.page import Page, front_matter_text
from generator.render.results import tally_scope, tally_text, view_results


def agency_pages(agency: AgencyPlans, messages: Messages) -> Iterator[Page]:
    for plan in agency.plans:
        yield plan_page(agency, plan, messages)


def plan_page(agency: AgencyPlans, plan: Plan, messages: Messages) -> Page:
    url = urls.plan_url(agency, plan)
    kind = _kind(agency, plan)
    title = plan.agency.name if kind == "current" else f"{plan.agency.name}: {plan.title}"
    return Page(
        url=url,
        template="pages/agency.md.j2",
        title=title,
        description=plan.agency.description or plan.summary or None,
        # Earlier plans and drafts stay out of search: a search finds the
        # plan in force, and its page links to the others.
        searchable=kind == "current",
        filters=_filters(plan, messages) if kind == "current" else (),
        hide=("navigation",),
        context=plan_context(agency, plan, messages, kind),
    )


def plan_context(agency: AgencyPlans, plan: Plan, messages: Messages, kind: str) -> dict[str, Any]:
    lang = lang_attr(plan.language, messages.language)
    results = {s.id: view_results(s, messages, lang) for s in plan.standards}
    return {
        "agency": agency,
        "plan": plan,
        "kind": kind,
        "tally_sentence": tally_text(Tally.of(plan.standards), messages, tally_scope(plan)),
        "results": results,
        "has_charts": any(part.chart for view in results.values() for part in view.parts),
        "lang_attr": lang,
        "other_plans": [
            (other, urls.plan_url(agency, other)) for other in agency.plans if other is not plan
        ],
        "json_ld": agency_json_ld(plan, messages),
    }


# The most values a search filter offers (theme/assets/javascripts/search.js,
# FILTER_VALUES, shows a filter of 2 to this many values): a filter with
# more is not shown, so the pages leave it out of the index (`unindexed`).
FILTER_VALUES = 30


def _filters(plan: Plan, messages: Messages) -> tuple[tuple[str, str], ...]:
    return search_filters(plan.agency, messages)


def search_filters(agency: Agency, messages: Messages) -> tuple[tuple[str, str], ...]:
    """What a search can narrow its results to: the agency's level of
    government and the place it serves, named as the lists name them."""
    return (
        (messages("lists.level"), messages.label("level_plural", agency.level)),
        (messages("lists.place"), agency.jurisdiction),
    )


def unindexed(agencies: Iterable[Agency], messages: Messages) -> tuple[str, ...]:
    """The search filters, by their names in the pages' front matter, that
    the agencies give more values than the search offers (FILTER_VALUES):
    the place, once a site serves many places. A reader never sees them,
    yet every first search would fetch each value's list of pages."""
    values: dict[str, set[str]] = {}
    for agency in agencies:
        for name, value in search_filters(agency, messages):
            values.setdefault(name, set()).add(value)
    return tuple(
        front_matter_text(name) for name, found in values.items() if len(found) > FILTER_VALUES
    )


def _kind(agency: AgencyPlans, plan: Plan) -> str:
    if plan is agency.current:
        return "current"
    return "draft" if plan.status == "draft" else "archived"
