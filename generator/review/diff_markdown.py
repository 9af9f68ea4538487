"""The Markdown a reviewer reads on the pull request: what one plan file
changes, the changes that need attention first, with the agency's reasons,
then every other change under its section, each change once."""

from __future__ import annotations

from typing import Any

from generator.report.markdown import code, table, text
from generator.review import describe
from generator.review.comparison import Comparison
from generator.review.records import by_key, field
from generator.review.summary import NO_FIELD, Flag, Row, count, layout
from generator.review.versions import Version


def render_diff(comparison: Comparison) -> str:
    """The summary of what changes in one plan, as Markdown."""
    old, new = comparison.old, comparison.new
    lines = [f"## Changes to {code(new.label if new.exists else old.label)}", ""]
    if comparison.note:
        lines += [f"❌ **{text(comparison.note)}**", ""]
    if comparison.kind != "plan":
        lines += _file_change(comparison)
    elif not new.exists:
        lines += [f"⚠️ **This change deletes the plan** (it was {_name(old)}).", ""]
    elif not new.readable:
        lines += [f"❌ **The new version could not be read.** {text(new.problem)}", ""]
    elif not old.exists:
        lines += _new_plan(old, new.data)
    elif not old.readable:
        lines += [f"Compared with {_name(old)}, which could not be read: {text(old.problem)}"]
        lines += ["", *_new_plan_body(new.data)]
    else:
        lines += _changes(old, comparison)
    return "\n".join(lines) + "\n"


_WHAT = {
    "translation": "A translation of a plan: its text in another language, checked by the plan "
    "validation above against the plan it translates.",
    "other": "Not a plan file: the site is not built from it.",
}


def _file_change(comparison: Comparison) -> list[str]:
    old, new = comparison.old, comparison.new
    done = "added" if not old.exists else "deleted" if not new.exists else "changed"
    return [f"{_WHAT[comparison.kind]} This change: {done}. Read it in the file's diff.", ""]


def _new_plan(old: Version, data: Any) -> list[str]:
    return [
        f"New plan: there is no earlier version ({_name(old)}).",
        "",
        *_new_plan_body(data),
    ]


def _new_plan_body(data: Any) -> list[str]:
    lines = [f"It has {describe.contents(data)}.", ""]
    standards = by_key(field(data, "standards"), "id")
    if standards:
        rows = [
            [code(f"standards[{key}]"), text(describe.text(record.get("promise"))),
             text(describe.target(record.get("target")))]
            for key, record in standards.items()
        ]  # fmt: skip
        lines += [*table(["Where", "Promise", "Target"], rows), ""]
    return lines


def _changes(old: Version, comparison: Comparison) -> list[str]:
    summary = layout(comparison.changes, comparison.others)
    lines = [f"Compared with {_name(old)}: {count(summary.count, 'change')}.", ""]
    if summary.flags:
        lines += [
            f"### ⚠️ {count(summary.flagged, 'change')} to review "
            f"({summary.unanswered} without a reason in the plan)",
            "",
            *table(
                ["Change", "Where", "Before", "After", "Reason given in the plan"],
                [[*_cells(flag.row, flagged=True), _reason(flag)] for flag in summary.flags],
            ),
            "",
        ]
    for title, rows in summary.sections:
        lines += [f"### {title}", "", *table(["Change", "Where", "Before", "After"],
                                             [_cells(row) for row in rows]), ""]  # fmt: skip
    if summary.others:
        names = ", ".join(code(name) for name in summary.others)
        lines += [f"Also changed, not itemised here (see the file's diff): {names}.", ""]
    if not summary.count and not summary.others:
        lines += ["No differences.", ""]
    return lines


def _cells(row: Row, *, flagged: bool = False) -> list[str]:
    label = ("⚠️ " if flagged else "") + row.label
    if row.note:
        label += f": {text(row.note)}"
    return [label, code(row.where), text(row.before), text(row.after)]


def _reason(flag: Flag) -> str:
    if flag.reason:
        return f"✅ Yes: {text(flag.reason)}"
    if flag.reason_field:
        return f"❌ **No.** The agency can give one in {code(flag.reason_field)}."
    return f"❌ **No:** {NO_FIELD}."


def _name(version: Version) -> str:
    """`plans/x/2026.yaml`, or `plans/x/2026.yaml` at `main`."""
    revision = f" at {code(version.revision)}" if version.revision else ""
    return code(version.label) + revision
