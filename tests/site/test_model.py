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


@pytest.mark.parametrize(
    ("comparator", "target", "share", "value", "share_met", "expected"),
    [
        ("at-most", 2, 90, None, 90, Status.MET),  # exactly the share promised
        ("at-most", 2, 90, None, 89.9, Status.NOT_MET),
        ("at-most", 150, None, 150, None, Status.MET),
        ("at-most", 150, None, 151, None, Status.NOT_MET),
        ("at-least", 4.2, None, 4.2, None, Status.MET),
        ("at-least", 99.5, None, 99.3, None, Status.NOT_MET),
        ("at-most", 2, 90, 1.5, None, Status.NO_DATA),  # a share target needs share_met
        ("at-least", 5, None, None, None, Status.NO_DATA),
    ],
)
def test_result_status(comparator, target, share, value, share_met, expected) -> None:
    assert result_status(comparator, target, share, value, share_met) is expected


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
