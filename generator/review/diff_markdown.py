"""The Markdown a reviewer reads on the pull request: what one plan file
changes, the changes that need attention first, with the agency's reasons."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from generator.report.markdown import code, table, text
from generator.review import describe
from generator.review.changes import SECTION_TITLES, Change, Kind
from generator.review.comparison import Comparison
from generator.review.records import by_key, field
from generator.review.versions import Version

NO_FIELD = "the format has no field for one here: ask in the pull request"


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
        lines += _changes(old, comparison.changes, comparison.others)
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
    promises, services, channels = (
        _count(len(by_key(field(data, section), "id")), noun)
        for section, noun in (
            ("standards", "promise"),
            ("services", "service"),
            ("channels", "channel"),
        )
    )
    lines = [f"It has {promises}, {services} and {channels}.", ""]
    standards = by_key(field(data, "standards"), "id")
    if standards:
        rows = [
            [code(f"standards[{key}]"), text(describe.text(record.get("promise"))),
             text(describe.target(record.get("target")))]
            for key, record in standards.items()
        ]  # fmt: skip
        lines += [*table(["Where", "Promise", "Target"], rows), ""]
    return lines


def _changes(old: Version, changes: list[Change], others: list[str]) -> list[str]:
    flagged = [change for change in changes if change.flagged]
    unanswered = sum(change.unanswered for change in flagged)
    lines = [f"Compared with {_name(old)}: {_count(len(changes), 'change')}.", ""]
    if flagged:
        lines += [
            f"### ⚠️ {_count(len(flagged), 'change')} to review "
            f"({unanswered} without a reason in the plan)",
            "",
            *table(
                ["Change", "Where", "Before", "After", "Reason given in the plan"],
                _flagged_rows(flagged),
            ),
            "",
        ]
    for section, title in SECTION_TITLES.items():
        rows = [_row(change) for change in changes if change.section == section]
        if rows:
            lines += _section(section, title, rows, changes)
    if others:
        names = ", ".join(code(name) for name in others)
        lines += [f"Also changed, not itemised here (see the file's diff): {names}.", ""]
    if not changes and not others:
        lines += ["No differences.", ""]
    return lines


def _section(section: str, title: str, rows: list[list[str]], changes: list[Change]) -> list[str]:
    body = table(["Change", "Where", "Before", "After"], rows)
    if section != "results":
        return [f"### {title}", "", *body, ""]
    kinds = _tally(change.kind for change in changes if change.section == section)
    return ["<details>", f"<summary>{title}: {kinds}</summary>", "", *body, "", "</details>", ""]


def _flagged_rows(flagged: list[Change]) -> list[list[str]]:
    """One row per flagged change, except removed results: one row per record
    they came from, listing their periods (each is in the results table)."""
    rows = [[*_row(change), _reason(change)] for change in flagged if not _removed_result(change)]
    removed: dict[str, list[str]] = {}
    for change in filter(_removed_result, flagged):
        record, _, period = change.where.rpartition("[")
        removed.setdefault(record, []).append(period.rstrip("]"))
    for record, periods in removed.items():
        label = f"⚠️ {_count(len(periods), 'result')} removed"
        rows.append([label, code(record), text(", ".join(periods)), "", f"❌ **No:** {NO_FIELD}."])
    return rows


def _removed_result(change: Change) -> bool:
    return change.kind is Kind.RESULT_REMOVED


def _row(change: Change) -> list[str]:
    label = ("⚠️ " if change.flagged else "") + change.kind.value
    if change.note:
        label += f": {text(change.note)}"
    return [label, code(change.where), text(change.old), text(change.new)]


def _reason(change: Change) -> str:
    if change.reason_given:
        return f"✅ Yes: {text(change.reason)}"
    if change.reason_field:
        return f"❌ **No.** The agency can give one in {code(change.reason_field)}."
    return f"❌ **No:** {NO_FIELD}."


def _tally(kinds: Iterable[Kind]) -> str:
    counts: dict[str, int] = {}
    for kind in kinds:
        word = kind.value.removeprefix("result ")
        counts[word] = counts.get(word, 0) + 1
    return ", ".join(f"{number} {word}" for word, number in counts.items())


def _name(version: Version) -> str:
    """`plans/x/2026.yaml`, or `plans/x/2026.yaml` at `main`."""
    revision = f" at {code(version.revision)}" if version.revision else ""
    return code(version.label) + revision


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
