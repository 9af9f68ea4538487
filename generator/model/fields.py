"""Small readers shared by the parsers: lists of records, id look-ups, dates
and durations from validated plan data."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, Protocol, TypeVar

from generator.model.records import Duration, Revision

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


def to_date(text: str) -> date:
    return date.fromisoformat(text)


def optional_date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text is not None else None


def duration(data: Data) -> Duration:
    return Duration(value=data["value"], unit=data["unit"])


def optional_duration(data: Data | None) -> Duration | None:
    return duration(data) if data else None


def revision(data: Data | None) -> Revision | None:
    return Revision(date=to_date(data["date"]), reason=data["reason"]) if data else None
