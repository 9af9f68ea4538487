"""What the model computes: the status of a result against its target, and
which plan of an agency is current."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from generator.load.yaml_source import load_file
from generator.model import Status
from generator.model.parse import parse_plan
from generator.model.site import group_plans
from generator.model.status import result_status
from tests.site.conftest import PLANS, TODAY


def _status(kind, comparator, target, share=None, value=None, share_met=None, met=None,
            target_from=None):  # fmt: skip
    def bounds(figure):
        if figure is None:
            return None
        return tuple(figure) if isinstance(figure, tuple) else (figure, figure)

    return result_status(
        kind=kind,
        comparator=comparator,
        value=target,
        value_from=target_from,
        share=share,
        measured=bounds(value),
        shares=bounds(share_met),
        met=met,
    )


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        # A share of cases is read by the share that met the target.
        (("share", "at-most", 2, 90, None, 90), Status.MET),  # exactly the share promised
        (("share", "at-most", 2, 90, None, 89.9), Status.NOT_MET),
        (("share", "at-most", 2, 90, 1.5, None), Status.UNCLEAR),  # a value, not a share
        # A result given as a range ("93% or 94%") that spans the target cannot be told.
        (("share", "at-most", 2, 94, None, (93, 94)), Status.UNCLEAR),
        (("share", "at-most", 2, 90, None, (93, 94)), Status.MET),
        (("share", "at-most", 2, 95, None, (93, 94)), Status.NOT_MET),
        # The plan does not say what the number is: a measured value is read as it is.
        ((None, "at-most", 150, None, 150), Status.MET),
        ((None, "at-most", 150, None, 151), Status.NOT_MET),
        ((None, "at-least", 4.2, None, 4.2), Status.MET),
        ((None, "at-least", 99.5, None, 99.3), Status.NOT_MET),
        ((None, "at-least", 5, None, None), Status.NO_DATA),
        ((None, "at-most", 10, None, None, 80), Status.UNCLEAR),  # a share, for what?
        # An average is read by the measured average.
        (("average", "at-most", 12, None, 11.9), Status.MET),
        (("average", "less-than", 20, None, 20), Status.NOT_MET),  # "less than 20" is strict
        (("average", "less-than", 20, None, 14.2), Status.MET),
        (("median", "at-most", 5, None, 6), Status.NOT_MET),
        # Every case: a share of 100% keeps it, anything less does not.
        (("every-case", "at-most", 10, None, None, 100), Status.MET),
        (("every-case", "at-most", 10, None, None, 99.5), Status.NOT_MET),
        # A range of times ("4 to 6 weeks") is kept within its upper end.
        (("every-case", None, 6, None, 5.5, None, None, 4), Status.MET),
        (("every-case", None, 6, None, 7, None, None, 4), Status.NOT_MET),
        (("every-case", None, 6, None, (5, 7), None, None, 4), Status.UNCLEAR),
        # A window ("between week 9 and week 13") is kept inside it only.
        (("every-case", "between", 13, None, 11, None, None, 9), Status.MET),
        (("every-case", "between", 13, None, 8, None, None, 9), Status.NOT_MET),
        (("every-case", "between", 13, None, (8, 10), None, None, 9), Status.UNCLEAR),
        # Where the source gives no figure, its own word decides.
        (("share", "at-most", 2, 90, None, None, True), Status.MET),
        (("share", "at-most", 2, 90, None, None, False), Status.NOT_MET),
    ],
)
def test_result_status(arguments, expected) -> None:
    assert _status(*arguments) is expected


def _plan(path: Path, **changes: object):
    document, _ = load_file(path)
    assert document is not None
    data = copy.deepcopy(document.data)
    data["plan"].update(changes)
    return parse_plan(data, path)


def test_the_current_plan_is_the_latest_in_force() -> None:
    older = _plan(PLANS / "example-federal-benefits" / "2025.yaml")
    newer = _plan(PLANS / "example-federal-benefits" / "2026.yaml")
    site = group_plans([newer, older], TODAY)
    (agency,) = site.agencies
    assert agency.current is newer and agency.archive == (older,) and agency.drafts == ()


def test_a_draft_is_never_current() -> None:
    in_force = _plan(PLANS / "example-city-sanitation" / "2026.yaml")
    draft = _plan(PLANS / "example-city-sanitation" / "2027.yaml")
    (agency,) = group_plans([draft, in_force], TODAY).agencies
    assert agency.current is in_force and agency.drafts == (draft,)
    assert group_plans([draft], TODAY).agencies == ()


def test_promise_statuses_of_an_example() -> None:
    plan = _plan(PLANS / "example-federal-benefits" / "2026.yaml")
    statuses = {s.id: s.status for s in plan.standards}
    assert statuses["courtesy"] is Status.NO_TARGET
    assert statuses["call-back"] is Status.NO_DATA
    assert statuses["call-answer"] is Status.MET
    call = next(s for s in plan.standards if s.id == "call-answer")
    assert call.results[0].status is Status.NOT_MET


def test_a_promise_without_channels_covers_every_channel_of_its_service() -> None:
    plan = _plan(PLANS / "example-federal-benefits" / "2026.yaml")
    courtesy = next(s for s in plan.standards if s.id == "courtesy")
    assert courtesy.all_channels and courtesy.channels == courtesy.service.channels


def test_a_promise_without_a_service_covers_every_channel_of_the_agency() -> None:
    path = PLANS / "example-federal-benefits" / "2026.yaml"
    document, _ = load_file(path)
    assert document is not None
    data = copy.deepcopy(document.data)
    courtesy = next(s for s in data["standards"] if s["id"] == "courtesy")
    del courtesy["service"]
    plan = parse_plan(data, path)
    standard = next(s for s in plan.standards if s.id == "courtesy")
    assert standard.service is None and standard.channels == plan.channels
