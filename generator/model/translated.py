"""The plans as read in one language: each plan that has a translation into
it, with its text replaced by the translation's (`generator.translation.text.
merge`, which never touches a number, a date, an id or a link); every other
plan as it is, in its own language. The site's model for that language is
built from these, so every language's pages show the same figures."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.check.checked import CheckedPlan
from generator.translation.checker import CheckedTranslation
from generator.translation.text import merge


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
        out.append(CheckedPlan(path=plan.path, data=data, valid=plan.valid))
        if not complete:
            incomplete.add(plan.path)
    return PlansInLanguage(out, frozenset(incomplete))


def _same(tag: str, other: str) -> bool:
    """Whether two language tags name the same language (es, es-US)."""
    return tag.split("-")[0].lower() == other.split("-")[0].lower()
