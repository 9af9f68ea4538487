"""Flagged changes as GitHub annotations, so a weaker target or a revised
result shows on its line in the pull request's "Files changed" tab, with
whether the plan gives a reason."""

from __future__ import annotations

import re
from typing import Any

from generator.load.locate import PathPart, locate
from generator.report.github import escape_data, escape_property
from generator.review.changes import Change
from generator.review.comparison import Comparison

_PART = re.compile(r"\[([^\]]*)\]|\.?([^.\[]+)")


def where_to_path(data: Any, where: str) -> list[PathPart]:
    """`standards[call-wait].results[2025-Q4]` -> ["standards", 3, "results", 7],
    as far as the data has it (a removed record stops at its list)."""
    path: list[PathPart] = []
    current = data
    for key, name in _PART.findall(where):
        if name:
            if not isinstance(current, dict) or name not in current:
                break
            path.append(name)
            current = current[name]
            continue
        index = _index_of(current, key)
        if index is None:
            break
        path.append(index)
        current = current[index]
    return path


def _index_of(items: Any, key: str) -> int | None:
    if not isinstance(items, list):
        return None
    for index, item in enumerate(items):
        if isinstance(item, dict) and key in (item.get("id"), item.get("period")):
            return index
    return None


def render_flag_annotations(comparisons: list[Comparison], *, fail_on_flags: bool = False) -> str:
    """One annotation per flagged change, on its line in the new version: a
    `::warning`, or with `fail_on_flags` an `::error` with the fix for each
    change whose reason the plan can give and does not."""
    lines = []
    for comparison in comparisons:
        new = comparison.new
        if not new.readable:
            continue
        for change in comparison.changes:
            if change.flagged:
                level = "error" if fail_on_flags and change.needs_reason else "warning"
                line, column = locate(new.root, where_to_path(new.data, change.where), key=True)
                lines.append(
                    f"::{level} file={escape_property(new.label)},line={line},col={column},"
                    f"title={escape_property(f'Review: {change.where}')}::"
                    f"{escape_data(_message(change))}"
                )
    return "".join(f"{line}\n" for line in lines)


def _message(change: Change) -> str:
    before, after = change.old or "none", change.new or "none"
    text = f"{change.kind.value.capitalize()}: {before} -> {after}."
    if change.note:
        text += f" {change.note}"
    if change.reason_given:
        return f"{text} Reason given in the plan: {change.reason}"
    if change.reason_field:
        return f"{text} No reason given. Fix: {_fix(change.reason_field)}"
    return f"{text} The plan cannot hold a reason for this: ask in the pull request."


def _fix(field: str) -> str:
    """How to give the reason at `field`, in the words of CONTRIBUTING.md."""
    record, _, name = field.rpartition(".")
    if name == "change_reason":
        return (
            f"add `change_reason:` to {record}, saying in plain words why the promise is "
            "weaker, such as: change_reason: Appeals went up by a third."
        )
    if name == "revised":
        result = record
        return (
            f"add `revised:` to {result}, with the `date:` of the change and the `reason:` "
            "in plain words, such as: revised: {date: 2026-04-10, reason: We counted again.}"
        )
    return f"add {field}, saying in plain words why."
