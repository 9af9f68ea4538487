"""What one plan file changes, as plain text for a terminal: the same summary
as the Markdown one (generator/review/summary.py), without markup, each
change on a line of its own with its values indented below it."""

from __future__ import annotations

from typing import Any

from generator.report.text import plain
from generator.review import describe
from generator.review.comparison import Comparison
from generator.review.records import by_key, field
from generator.review.summary import NO_FIELD, Flag, Row, count, layout
from generator.review.versions import Version


def render_diff_text(comparison: Comparison) -> str:
    """The summary of what changes in one plan, as plain text."""
    old, new = comparison.old, comparison.new
    lines = [f"Changes to {plain(new.label if new.exists else old.label)}"]
    if not new.exists:
        lines += [f"This change deletes the plan (it was {_name(old)})."]
    elif not new.readable:
        lines += [f"The new version could not be read. {plain(new.problem)}"]
    elif not old.exists:
        lines += [f"New plan: there is no earlier version ({_name(old)}).", *_new_plan(new.data)]
    elif not old.readable:
        lines += [f"Compared with {_name(old)}, which could not be read: {plain(old.problem)}"]
        lines += _new_plan(new.data)
    else:
        lines += _changes(old, comparison)
    return "\n".join(lines) + "\n"


def _new_plan(data: Any) -> list[str]:
    lines = [f"It has {describe.contents(data)}."]
    for key, record in by_key(field(data, "standards"), "id").items():
        lines.append(f"  standards[{plain(key)}]: {plain(describe.text(record.get('promise')))}")
        target = describe.target(record.get("target"))
        if target:
            lines.append(f"      target: {plain(target)}")
    return lines


def _changes(old: Version, comparison: Comparison) -> list[str]:
    summary = layout(comparison.changes, comparison.others)
    lines = [f"Compared with {_name(old)}: {count(summary.count, 'change')}."]
    if summary.flags:
        lines += [
            "",
            f"To review: {count(summary.flagged, 'change')}, "
            f"{summary.unanswered} without a reason in the plan.",
        ]
        for flag in summary.flags:
            lines += [*_row(flag.row), f"      {_reason(flag)}"]
    for title, rows in summary.sections:
        lines += ["", f"{title}:"]
        for row in rows:
            lines += _row(row)
    if summary.others:
        lines += ["", "Also changed, not itemised here (see the file's diff):"]
        lines += [f"  {plain(name)}" for name in summary.others]
    if not summary.count and not summary.others:
        lines += ["No differences."]
    return lines


def _row(row: Row) -> list[str]:
    label = row.label + (f" ({row.note})" if row.note else "")
    lines = [f"  {plain(label)}: {plain(row.where)}"]
    if row.before:
        lines.append(f"      before: {plain(row.before)}")
    if row.after:
        lines.append(f"      after:  {plain(row.after)}")
    return lines


def _reason(flag: Flag) -> str:
    if flag.reason:
        return f"reason given: {plain(flag.reason)}"
    if flag.reason_field:
        return f"no reason given: the agency can give one in {plain(flag.reason_field)}"
    return f"no reason given: {NO_FIELD}"


def _name(version: Version) -> str:
    """`plans/x/2026.yaml`, or `plans/x/2026.yaml at main`."""
    revision = f" at {plain(version.revision)}" if version.revision else ""
    return plain(version.label) + revision
