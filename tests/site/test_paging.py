"""Long lists are split into pages of a bounded size, so that no page grows
without limit as agencies join."""

from __future__ import annotations

from generator.render.paging import paginate
from tests.site.conftest import Built


def test_a_short_list_is_one_page() -> None:
    (only,) = paginate("promises/services/benefits/", ["a", "b"], size=5)
    assert only.url == "promises/services/benefits/" and list(only.rows) == ["a", "b"]
    assert only.urls == ("promises/services/benefits/",)


def test_a_long_list_is_split() -> None:
    parts = paginate("complaints/", list(range(12)), size=5)
    assert [p.url for p in parts] == ["complaints/", "complaints/2/", "complaints/3/"]
    assert [len(p.rows) for p in parts] == [5, 5, 2]
    assert all(p.urls == ("complaints/", "complaints/2/", "complaints/3/") for p in parts)


def test_an_empty_list_still_has_its_page() -> None:
    (only,) = paginate("response-times/", [], size=5)
    assert only.rows == []


def test_promises_by_type_of_service_and_by_channel(built: Built) -> None:
    overview = built.page("promises/")
    assert 'href="services/benefits/"' in overview and 'href="channels/phone/"' in overview
    benefits = built.page("promises/services/benefits/")
    assert "Federal Benefits Administration (example)" in benefits
    assert "Riverton Department of Sanitation" not in benefits
