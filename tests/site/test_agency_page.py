"""Each example agency's page answers, at the top and in plain words: what
do they promise, are they keeping it, how do I reach them, how do I complain.
It also describes the agency for machines, as schema.org JSON-LD."""

from __future__ import annotations

import json

import pytest

from generator.load.yaml_source import load_file
from tests.site.conftest import PLANS, Built
from tests.site.html import content, parse

AGENCIES = ["example-federal-benefits", "example-city-sanitation", "example-county-health"]
STATUS_WORDS = ("Met", "Not met", "No result to judge", "No number to measure")


def _current_plan(agency: str) -> dict:
    for path in sorted((PLANS / agency).glob("*.yaml"), reverse=True):
        document, _ = load_file(path)
        if document and document.data["plan"]["status"] == "published":
            return document.data
    raise AssertionError(agency)


@pytest.mark.parametrize("agency", AGENCIES)
def test_the_glance_answers_the_four_questions(built: Built, agency: str) -> None:
    plan = _current_plan(agency)
    page = content(built.page(f"agencies/{agency}/"))
    glance = page.by_id("glance")
    assert glance is not None
    # It comes first: right after the heading and the plan's summary.
    headings = [e for e in page.iter() if e.tag in ("h2", "h3")]
    assert headings[0].text.strip() == "At a glance"
    text = " ".join(glance.text.split())
    rows = glance.find_all("tbody")[0].find_all("tr")
    assert len(rows) == len(plan["standards"])
    for row, standard in zip(rows, plan["standards"], strict=True):
        assert " ".join(standard["promise"].split()) in " ".join(row.text.split())
        assert any(word in row.text for word in STATUS_WORDS)
    assert plan["agency"]["contact"].get("phone", "") in text
    assert " ".join(plan["complaints"]["how"].split()) in text
    response = plan["complaints"]["response_time"]
    if "share" in response:
        assert f"They answer {response['share']:g}% of complaints within" in text
    else:
        assert "They answer your complaint within" in text
    assert "In their latest results for this plan's period, they kept" in text


def _json_ld(built: Built, agency: str) -> dict:
    scripts = [
        s
        for s in parse(built.page(f"agencies/{agency}/")).find_all("script")
        if s.attrs.get("type") == "application/ld+json"
    ]
    assert len(scripts) == 1
    return json.loads(scripts[0].text)


@pytest.mark.parametrize("agency", AGENCIES)
def test_json_ld_describes_the_agency_and_its_services(built: Built, agency: str) -> None:
    plan = _current_plan(agency)
    graph = _json_ld(built, agency)["@graph"]
    organization = graph[0]
    assert organization["@type"] == "GovernmentOrganization"
    assert organization["name"] == plan["agency"]["name"]
    assert organization["employee"]["name"] == plan["agency"]["customer_service_officer"]["name"]
    services = [node for node in graph if node["@type"] == "GovernmentService"]
    assert [s["name"] for s in services] == [s["name"] for s in plan["services"]]
    channels = {n["@id"] for n in graph if n["@type"] == "ServiceChannel"}
    for service in services:
        assert service["provider"] == {"@id": organization["@id"]}
        for channel in service["availableChannel"]:
            # One of the page's channels, or a node of its own that says
            # where that channel is described and the service's time through it.
            assert channel.get("@id") in channels or (
                channel["@type"] == "ServiceChannel"
                and channel["url"] in channels
                and channel["processingTime"]
            )


def _channel_times(graph: list[dict], service: str) -> dict[str, str | None]:
    """Channel name -> processingTime of one service: each of the service's
    channels points at a channel node of the page by its anchor."""
    names = {n["@id"]: n["name"] for n in graph if n.get("@type") == "ServiceChannel"}
    (node,) = [n for n in graph if n["@type"] == "GovernmentService" and n["name"] == service]
    return {
        names[c.get("url", c.get("@id"))]: c.get("processingTime") for c in node["availableChannel"]
    }


def test_processing_time_where_a_time_standard_exists(built: Built) -> None:
    graph = _json_ld(built, "example-federal-benefits")["@graph"]
    retirement = _channel_times(graph, "Apply for retirement benefits")
    assert len(retirement) > 1 and set(retirement.values()) == {"P30D"}  # within 30 days
    assert set(_channel_times(graph, "Monthly benefit payments").values()) == {None}
    trash = _channel_times(_json_ld(built, "example-city-sanitation")["@graph"], "Trash pickup")
    assert trash["Riverton 311"] == "P3D"  # resolved within 1 business day: up to 3 days
