"""What the strict loader makes of YAML's surprising scalars."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load.locate import locate, readable_path
from generator.load.yaml_source import load_bytes


def _load(text: str) -> object:
    document, problems = load_bytes(text.encode(), Path("t.yaml"))
    assert problems == []
    assert document is not None
    return document.data


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a: true", True),
        ("a: false", False),
        ("a: yes", "yes"),
        ("a: no", "no"),
        ("a: on", "on"),
        ("a: off", "off"),
        ("a: True", "True"),
        ("a: 2026-01-15", "2026-01-15"),
        ("a: 2026-01-15T10:00:00Z", "2026-01-15T10:00:00Z"),
        ("a: 1:30", "1:30"),
        ("a: 010", 10),
        ("a: 0x1F", "0x1F"),
        ("a: 1_000", "1_000"),
        ("a: 97.5", 97.5),
        ("a: -3", -3),
        ("a: 1e3", 1000.0),
        ("a: .inf", ".inf"),
        ("a: null", None),
        ("a: ~", None),
        ("a:", None),
        ("a: '1.0'", "1.0"),
        ("a: NO", "NO"),
    ],
)
def test_scalars(text: str, value: object) -> None:
    assert _load(text) == {"a": value}
    assert type(_load(text)["a"]) is type(value)  # type: ignore[index]


def test_positions_and_readable_paths() -> None:
    text = "standards:\n  - id: first\n  - id: call-wait\n    target:\n      value: 2\n"
    document, _ = load_bytes(text.encode(), Path("t.yaml"))
    assert document is not None
    path = ("standards", 1, "target", "value")
    assert readable_path(document.data, path) == "standards[call-wait].target.value"
    assert locate(document.root, path) == (5, 14)
    assert locate(document.root, path, key=True) == (5, 7)
    # A path that does not exist falls back to the nearest thing that does.
    assert locate(document.root, ("standards", 1, "target", "unit"), key=True) == (4, 5)
    assert readable_path(document.data, ("results", 0)) == "results[1]"
