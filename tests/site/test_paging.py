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


def test_the_pager_stays_short_and_reaches_every_page() -> None:
    """A pager links the first and the last page and two on each side of
    its own, whatever the length of the list, and every page is reached
    from the first by following pagers."""
    parts = paginate("complaints/", list(range(5000)), size=10)
    assert len(parts) == 500
    assert all(len(part.links()) <= 9 for part in parts)
    middle = parts[249].links()
    assert [link[0] if link else None for link in middle] == [
        1, None, 248, 249, 250, 251, 252, None, 500
    ]  # fmt: skip
    assert [link[0] if link else None for link in parts[4].links()] == [1, 2, 3, 4, 5, 6, 7, None, 500]
    reached, todo = {1}, [1]
    while todo:
        for link in parts[todo.pop() - 1].links():
            if link is not None and link[0] not in reached:
                assert link[1] == parts[link[0] - 1].url
                reached.add(link[0])
                todo.append(link[0])
    assert reached == set(range(1, 501))
