"""Every word of the interface comes from a message catalogue: one YAML file
per language in generator/render/messages/, keyed by message id. Adding a
language is adding a file; plural forms follow the language's CLDR rules
(through Babel), and numbers, dates and language names are formatted for it.

Messages are our own text, but they are escaped like plan text all the same,
and so is every value put into them: a translation cannot break a page."""

from __future__ import annotations

import string
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton, get_month_names
from babel.numbers import format_decimal
from markupsafe import Markup

from generator.errors import BuildError
from generator.periods import LooseDate, Period, parse_period
from generator.render.escape import inert

CATALOGUE_DIR = Path(__file__).with_name("messages")
_FORMATTER = string.Formatter()


class Messages:
    """The interface text of one language. Call it with a message id: a
    missing id fails the build, so a page is never left with a blank."""

    def __init__(self, language: str, catalogue: dict[str, Any]) -> None:
        self.language = language
        self.locale = Locale.parse(language, sep="-")
        self._catalogue = catalogue
        # A site repeats the same labels, numbers and periods thousands of
        # times: each is worked out once.
        self._plain: dict[str, Markup] = {}
        self._pieces: dict[str, list[tuple[Markup, str | None]]] = {}
        self._numbers: dict[float, str] = {}
        self._periods: dict[tuple[str, date, date, bool], Markup] = {}
        self._formatted: dict[tuple[Any, ...], Markup] = {}
        self._dates: dict[tuple[date, str], str] = {}
        self._languages: dict[str, str] = {}
        self._separator: Markup | None = None

    def __call__(self, key: str, count: float | None = None, **values: Any) -> Markup:
        if count is None and not values:
            if key not in self._plain:
                self._plain[key] = self._format(key, self.text(key), {})
            return self._plain[key]
        try:
            memo: tuple[Any, ...] | None = (key, count, *values.items())
            found = self._formatted.get(memo)
        except TypeError:  # a value that cannot be hashed
            memo = found = None
        if found is None:
            if count is not None:
                values.setdefault("count", self.number(count))
            found = self._format(key, self.text(key, count), values)
            if memo is not None:
                self._formatted[memo] = found
        return found

    def text(self, key: str, count: float | None = None) -> str:
        """The raw message, choosing its plural form by `count`."""
        node: Any = self._catalogue
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise BuildError(f"The message catalogue {self.language!r} has no {key!r}.")
            node = node[part]
        if isinstance(node, dict) and "other" in node:
            form = self.locale.plural_form(abs(count)) if count is not None else "other"
            node = node.get(form, node["other"])
        if not isinstance(node, str):
            raise BuildError(f"The message {key!r} in {self.language!r} is not text.")
        return node

    def maybe(self, key: str, fallback: str) -> Markup:
        """The message `key`, or `fallback` (escaped) where there is none."""
        return self(key) if self.has(key) else inert(fallback)

    def has(self, key: str) -> bool:
        node: Any = self._catalogue
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                return False
            node = node[part]
        return True

    def _format(self, key: str, template: str, values: dict[str, Any]) -> Markup:
        if template not in self._pieces:
            self._pieces[template] = [
                (inert(literal), field) for literal, field, _, _ in _FORMATTER.parse(template)
            ]
        out: list[Markup] = []
        for literal, field in self._pieces[template]:
            out.append(literal)
            if field is None:
                continue
            if field not in values:
                raise BuildError(f"The message {key!r} needs a value for {{{field}}}.")
            out.append(self._value(values[field]))
        return Markup("").join(out)

    def _value(self, value: Any) -> Markup:
        if isinstance(value, Markup):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            return inert(self.number(value))
        return inert(value)

    def label(self, kind: str, value: str) -> Markup:
        """The display label of a format value, such as a channel type."""
        return self(f"labels.{kind}.{value}")

    def number(self, value: float) -> str:
        if value not in self._numbers:
            self._numbers[value] = format_decimal(value, locale=self.locale)
        return self._numbers[value]

    def percent(self, value: float) -> Markup:
        return self("format.percent", value=self.number(round(value, 1)))

    def quantity(
        self,
        value: float,
        unit: str,
        scale_max: float | None = None,
        value_from: float | None = None,
    ) -> Markup:
        """A number with its unit, such as "2 business days", "87.4%" or
        "4.2 out of 5"; with `value_from`, a range: "4 to 6 weeks"."""
        number: Markup | str = self.number(value)
        if value_from is not None:
            number = self("format.range", low=self.number(value_from), high=self.number(value))
        if unit == "score" and scale_max is not None:
            return self("units.score_out_of", value=number, top=self.number(scale_max))
        if unit == "seconds" and value_from is None and value >= 600 and float(value).is_integer():
            # 958 seconds is hard to picture: 958 seconds (15 minutes 58 seconds).
            minutes, seconds = divmod(int(value), 60)
            return self(
                "units.seconds_as_minutes" if seconds else "units.seconds_as_whole_minutes",
                value=self(f"units.{unit}", count=value, value=number),
                minutes=self("units.minutes", count=minutes, value=self.number(minutes)),
                seconds=self("units.seconds", count=seconds, value=self.number(seconds)),
            )
        return self(f"units.{unit}", count=value, value=number)

    def date(self, day: date | LooseDate) -> str:
        """A date in words, as precise as it is written: "September 1, 1994",
        "September 1994" or "1994"."""
        if isinstance(day, LooseDate):
            if day.precision == "year":
                return str(day.year)
            if day.precision == "month":
                return self._date(day.first, "yMMMM")
            day = day.first
        return self._date(day, "long")

    def _date(self, day: date, style: str) -> str:
        # Babel parses the pattern on every call: a site has few distinct dates.
        if (day, style) not in self._dates:
            if style in ("long", "medium", "short", "full"):
                text = format_date(day, format=style, locale=self.locale)
            elif style.startswith("y"):  # a skeleton, ordered as the language orders it
                text = format_skeleton(style, day, locale=self.locale)
            else:
                text = format_date(day, format=style, locale=self.locale)
            self._dates[day, style] = text
        return self._dates[day, style]

    def period(
        self, period: Period | str, *, short: bool = False, fiscal_start: int | None = None
    ) -> Markup:
        """A reporting period in words: "July to September 2026", "March 2026",
        "fiscal year 2024-25", "July 1, 2022 to May 10, 2023"."""
        found = period if isinstance(period, Period) else parse_period(period, fiscal_start)
        if found is None:
            return inert(str(period))
        key = (found.text, found.start, found.end, short)
        if key not in self._periods:
            self._periods[key] = self._period(found, short=short)
        return self._periods[key]

    def _period(self, found: Period, *, short: bool) -> Markup:
        style = "short" if short else "long"
        first, last = found.start, found.end
        if found.kind == "range":
            assert found.since is not None and found.until is not None
            return self(
                f"period.range_{style}", first=self.date(found.since), last=self.date(found.until)
            )
        if found.kind == "week":
            return self(
                f"period.week_{style}",
                week=str(found.number),
                year=str(found.first_year),
                first_day=self.date(first),
            )
        if found.fiscal:
            years = (
                f"{found.first_year}-{(found.last_year or 0) % 100:02d}"
                if found.first_year != found.last_year
                else str(found.last_year)
            )
            return self(
                f"period.{found.kind.replace('-', '_')}_{style}",
                years=years,
                number=str(found.number or ""),
            )
        return self(
            f"period.{found.kind}_{style}",
            year=str(first.year),
            quarter=str(found.number or ""),
            half=str(found.number or ""),
            first_month=self._month(first, short=short),
            last_month=self._month(last, short=short),
        )

    def month_name(self, month: int) -> str:
        """The name of a month (1-12) as a sentence writes it: "April", "abril"."""
        return str(get_month_names("wide", context="format", locale=self.locale)[month])

    def _month(self, day: date, *, short: bool) -> str:
        return self._date(day, "LLL" if short else "LLLL")

    def language_name(self, tag: str) -> str:
        """A language's name in the interface language: "zh-Hant" -> "Chinese (Traditional)"."""
        if tag not in self._languages:
            self._languages[tag] = self._language_name(tag)
        return self._languages[tag]

    def _language_name(self, tag: str) -> str:
        try:
            name = Locale.parse(tag, sep="-").get_display_name(self.locale)
        except (ValueError, UnknownLocaleError):
            return tag
        return name or tag

    def parts(self, items: list[Markup]) -> Markup:
        """Parts of one thing joined with commas: "Annual report, 2024, page 12"."""
        return inert(self.text("format.parts_separator")).join(items)

    def series(self, items: list[Markup]) -> Markup:
        """Items that may hold commas, one after the other: "a; b; c"."""
        return inert(self.text("format.series_separator")).join(items)

    def list(self, items: list[Markup]) -> Markup:
        """Items joined as the language joins a list: "a, b and c"."""
        if len(items) < 2:
            return Markup("").join(items)
        if self._separator is None:
            self._separator = inert(self.text("format.list_separator"))
        separator = self._separator
        return self("format.list", items=separator.join(items[:-1]), last=items[-1])


@cache
def load_messages(language: str) -> Messages:
    """The catalogue of `language` (a file such as messages/en.yaml)."""
    path = CATALOGUE_DIR / f"{language}.yaml"
    if not path.is_file():
        known = sorted(p.stem for p in CATALOGUE_DIR.glob("*.yaml"))
        raise BuildError(f"No message catalogue for {language!r}. Known: {', '.join(known)}.")
    with path.open(encoding="utf-8") as handle:
        # libyaml's loader: the catalogues are large, and read by every build.
        catalogue = yaml.load(handle, Loader=yaml.CSafeLoader)
    return Messages(language, catalogue)
