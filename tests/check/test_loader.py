"""What the strict loader makes of YAML's surprising scalars."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from generator.load import yaml_source
from generator.load.locate import locate, readable_path
from generator.load.yaml_source import load_bytes
from generator.resources import REPO_DIR


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


class _PyYAMLResolving(yaml_source._Loader):
    """The loader with PyYAML's own `resolve`, which ours stands in for."""

    resolve = yaml.resolver.BaseResolver.resolve
    descend_resolver = yaml.resolver.BaseResolver.descend_resolver
    ascend_resolver = yaml.resolver.BaseResolver.ascend_resolver


def _tags(node: yaml.Node) -> Iterator[tuple[str, str]]:
    yield type(node).__name__, node.tag
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _tags(item)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _tags(key)
            yield from _tags(value)


YAML_FILES = sorted(
    path
    for folder in (REPO_DIR / "plans", REPO_DIR / "tests", REPO_DIR / "generator")
    for path in folder.rglob("*.yaml")
)


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda path: str(path.relative_to(REPO_DIR)))
def test_tags_are_resolved_as_pyyaml_resolves_them(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    try:
        ours = _PyYAMLResolving(text).get_single_node()
    except yaml.YAMLError:
        return  # a file that is meant not to parse: no tags to compare
    node = yaml_source._Loader(text).get_single_node()
    assert node is not None and ours is not None
    assert list(_tags(node)) == list(_tags(ours))


def test_scalar_kinds_seen_in_the_files() -> None:
    """The files above hold every kind of scalar the resolver tells apart."""
    kinds = Counter(
        tag
        for path in YAML_FILES
        for name, tag in _safe_tags(path.read_text(encoding="utf-8"))
        if name == "ScalarNode"
    )
    assert {yaml_source._STR, yaml_source._INT, yaml_source._FLOAT} <= set(kinds)
    assert {yaml_source._BOOL, yaml_source._NULL} <= set(kinds)


def _safe_tags(text: str) -> list[tuple[str, str]]:
    try:
        node = yaml_source._Loader(text).get_single_node()
    except yaml.YAMLError:
        return []
    return list(_tags(node)) if node is not None else []
