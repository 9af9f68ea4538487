"""The plans as read in one language: each plan that has a translation into
it, with its text replaced by the translation's (`generator.translation.text.
merge`, which never touches a number, a date, an id or a link); every other
plan as it is, in its own language. The site's model for that language is
built from these, so every language's pages show the same figures."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.check.checked import CheckedPlan
from generator.translation.checker import CheckedTranslation
from generator.translation.text import merge, record_key, text_view


@dataclass(frozen=True, slots=True)
class PlansInLanguage:
    plans: list[CheckedPlan]
    # Plans whose translation lacks some text, shown in the original there.
    incomplete: frozenset[Path]


def plans_in_language(
    language: str, plans: Iterable[CheckedPlan], translations: Iterable[CheckedTranslation]
) -> PlansInLanguage:
    """Every plan, translated into `language` where a valid translation exists."""
    chosen = {
        t.plan_path.resolve(): t for t in translations if t.valid and _same(t.language, language)
    }
    out: list[CheckedPlan] = []
    incomplete: set[Path] = set()
    for plan in plans:
        translation = chosen.get(plan.path.resolve())
        if translation is None or _same(plan.data.get("language", "en"), language):
            out.append(plan)
            continue
        data, complete = merge(plan.data, translation.data)
        if not complete:
            incomplete.add(plan.path)
            original = plan.data.get("language", "en")
            _mark(data, text_view(plan.data), translation.data, original)
        out.append(CheckedPlan(path=plan.path, data=data, valid=plan.valid))
    return PlansInLanguage(out, frozenset(incomplete))


class Untranslated(str):
    """Text of a translated plan that its translation lacks, shown as the plan
    writes it, in `language`: the page marks it so (`lang`), since the rest
    of the plan around it reads in the page's language."""

    language: str

    def __new__(cls, text: str, language: str) -> Untranslated:
        made = super().__new__(cls, text)
        made.language = language
        return made

    def __reduce__(self) -> tuple[type[Untranslated], tuple[str, str]]:
        return Untranslated, (str(self), self.language)


def _mark(data: Any, view: Any, text: Any, language: str) -> None:
    """Mark, in the merged plan `data`, each text of the plan's (`view`, its
    translatable text) that the translation (`text`) does not give."""
    if isinstance(data, list) and isinstance(view, dict):  # records, keyed
        for record in data:
            key = record_key(record)
            if key in view:
                _mark(record, view[key], _get(text, key), language)
    elif isinstance(data, list) and isinstance(view, list):  # a list of text
        if not (isinstance(text, list) and len(text) == len(data)):
            data[:] = [
                Untranslated(item, language) if isinstance(item, str) else item for item in data
            ]
    elif isinstance(data, dict) and isinstance(view, dict):
        for key, child in view.items():
            if isinstance(child, str):
                if not isinstance(_get(text, key), str):
                    data[key] = Untranslated(data[key], language)
            else:
                _mark(data[key], child, _get(text, key), language)


def _get(text: Any, key: str) -> Any:
    return text.get(key) if isinstance(text, dict) else None


def _same(tag: str, other: str) -> bool:
    """Whether two language tags name the same language (es, es-US)."""
    return tag.split("-")[0].lower() == other.split("-")[0].lower()
