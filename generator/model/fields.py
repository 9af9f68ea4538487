"""Small readers shared by the parsers: lists of records, id look-ups, dates,
durations, ranges and sources from validated plan data."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol, TypeVar

from generator.model.records import Duration, Number, Revision, Source, Volume
from generator.periods import LooseDate, parse_loose_date

Data = dict[str, Any]
T = TypeVar("T")


class Identified(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=Identified)


def each(items: Iterable[Data], build: Callable[[Data], T]) -> tuple[T, ...]:
    return tuple(build(item) for item in items)


def pick(records: tuple[R, ...], ids: Iterable[str]) -> tuple[R, ...]:
    """The records with these ids, in the order of the ids."""
    by_id = {record.id: record for record in records}
    return tuple(by_id[ident] for ident in ids)


def find(records: tuple[R, ...], ident: str | None) -> R | None:
    return pick(records, [ident])[0] if ident is not None else None


def loose(text: str | None) -> LooseDate | None:
    """A date as precise as the plan writes it (1994, 1994-09, 1994-09-01)."""
    return parse_loose_date(text) if text is not None else None


def to_loose(text: str) -> LooseDate:
    found = parse_loose_date(text)
    assert found is not None, text  # the rules check every date
    return found


def span(value: Number | Data | None) -> tuple[Number | None, Number | None]:
    """(upper end, lower end) of a number or a range {from, to}; a plain
    number has no lower end."""
    if isinstance(value, dict):
        return value["to"], value["from"]
    return value, None


def bounds(value: Number | Data | None) -> tuple[float, float] | None:
    """(lower, upper) of a figure given as a number or a range."""
    if value is None:
        return None
    upper, lower = span(value)
    assert upper is not None
    return (lower if lower is not None else upper), upper


def duration(data: Data) -> Duration:
    value, value_from = span(data["value"])
    assert value is not None
    return Duration(
        value=value,
        unit=data["unit"],
        value_from=value_from,
        share=data.get("share"),
        statistic=data.get("statistic"),
        conditions=tuple(data.get("conditions", ())),
    )


def optional_duration(data: Data | None) -> Duration | None:
    return duration(data) if data else None


def revision(data: Data | None) -> Revision | None:
    return Revision(date=to_loose(data["date"]), reason=data["reason"]) if data else None


def volume(data: Data | None) -> Volume | None:
    return Volume(count=data["count"], what=data["what"]) if data else None


def source_record(data: Data) -> Source:
    return Source(
        title=data["title"],
        url=data.get("url"),
        publisher=data.get("publisher"),
        date=loose(data.get("date")),
        locator=data.get("locator"),
        id=data.get("id"),
    )


def source(value: str | Data | None, sources: tuple[Source, ...]) -> Source | None:
    """A `source` field: the id of one of the plan's sources, or a source."""
    if value is None:
        return None
    if isinstance(value, str):
        return next(found for found in sources if found.id == value)
    return source_record(value)
