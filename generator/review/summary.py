"""What the summary of one comparison says, in which order, whatever it is
printed as (plain text for a terminal, Markdown for the pull request): the
changes a reviewer must look at first, with the agency's reasons, then every
other change under its section. Each change is said once."""

from __future__ import annotations

from dataclasses import dataclass

from generator.review.changes import SECTION_TITLES, Change, Kind

NO_FIELD = "the format has no field for one here: ask in the pull request"


@dataclass(frozen=True, slots=True)
class Row:
    """One change as the summary shows it; `note` says more about it."""

    label: str
    where: str
    before: str
    after: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Flag:
    """A change to review, with the reason the plan gives (empty if none)
    and where the plan could give one (empty if the format has no place)."""

    row: Row
    reason: str
    reason_field: str


@dataclass(frozen=True, slots=True)
class Layout:
    """`count` changes, `flagged` of them to review (shown as `flags`, where
    a record's removed results are one), `unanswered` of those without a
    reason in the plan."""

    count: int
    flagged: int
    flags: list[Flag]
    unanswered: int
    sections: list[tuple[str, list[Row]]]
    others: list[str]


def layout(changes: list[Change], others: list[str]) -> Layout:
    """The summary of `changes`: flagged ones first (the removed results of
    one record as one, listing each), then the rest by section."""
    flagged = [change for change in changes if change.flagged]
    sections = [
        (title, [_row(c) for c in changes if c.section == section and not c.flagged])
        for section, title in SECTION_TITLES.items()
    ]
    return Layout(
        count=len(changes),
        flagged=len(flagged),
        flags=_flags(flagged),
        unanswered=sum(change.unanswered for change in flagged),
        sections=[(title, rows) for title, rows in sections if rows],
        others=others,
    )


def _row(change: Change) -> Row:
    return Row(change.kind.value, change.where, change.old, change.new, change.note)


def _flags(flagged: list[Change]) -> list[Flag]:
    flags = [
        Flag(_row(change), change.reason if change.reason_given else "", change.reason_field)
        for change in flagged
        if change.kind is not Kind.RESULT_REMOVED
    ]
    removed: dict[str, list[Change]] = {}
    for change in flagged:
        if change.kind is Kind.RESULT_REMOVED:
            record = change.where.rpartition("[")[0]
            removed.setdefault(record, []).append(change)
    for record, results in removed.items():
        periods = "; ".join(f"{_period(c.where)}: {c.old}" for c in results)
        label = f"{count(len(results), 'result')} removed"
        flags.append(Flag(Row(label, record, periods, ""), "", ""))
    return flags


def _period(where: str) -> str:
    return where.rpartition("[")[2].rstrip("]")


def count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
