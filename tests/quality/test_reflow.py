"""WCAG 1.4.10 Reflow: at 320 pixels wide (a 1280-pixel window at 400%
zoom) no page needs horizontal scrolling; a wide table scrolls in its own
box instead. Measured on every page during the walk (see browse.py)."""

from __future__ import annotations

from tests.quality.browse import Record


def test_no_page_is_wider_than_320_pixels(walk: Record) -> None:
    assert not walk.too_wide, "Pages that scroll sideways at 400% zoom:\n" + "\n".join(
        map(str, walk.too_wide)
    )
