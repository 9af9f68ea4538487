"""Plain language: a promise or a summary sentence harder than US grade 8
gets a warning naming the sentence and the long words that make it hard.

Each language is graded by a formula made for it, measured with textstat:
English by Flesch-Kincaid (a US school grade; above 8 is too hard), Spanish
by Fernández Huerta (Flesch's reading ease fitted to Spanish, on Flesch's
scale from 0, hardest, to 100; below 60 is too hard). Why 60 stands for
grade 8: solved together, the two English formulas give a reading ease of
95.07 - 7.169 * grade + 1.781 * words per sentence, so Flesch-Kincaid grade 8
falls at a reading ease of 59 to 64 for sentences of 12 to 15 words, the
length of most promises; and Flesch's own table ends "plain English,
grades 8 and 9" at 60, below which text is "fairly difficult". Text in other
languages is not graded.

A sentence of fewer than `MIN_WORDS` words is not graded: these formulas
weigh syllables per word (11.8 grades per syllable per word in
Flesch-Kincaid, 60 points, about 12 grades, in Fernández Huerta), so in a
sentence of n words one syllable more or less moves the result by about
12/n grades. textstat counts syllables by hyphenation, which reads "ID" or
"90%" as one syllable; under 12 words a single such slip moves the grade by
more than one, more than the whole margin the rule judges. "We issue driver
licenses, ID cards and car registrations." (9 words) is plain, whatever
grade a formula gives it.

textstat and its hyphenation dictionary take a third of a second to load,
more than the rest of a validation run, and an author validates the same text
again and again. So the command line gives `grades` a place to keep grades
between runs (`keep_grades_in`: the build cache's file, generator/cache.py),
where each sentence is found by `grade_key`, and textstat is loaded only for
sentences it holds no grade of; without one, every sentence is graded
afresh."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

from generator.check.finding import Finding
from generator.check.rules import PlanView, records, rule
from generator.diagnostics import Severity

MIN_WORDS = 12
# What a grade is worked out with: a grade kept by another is not used.
GRADER = "textstat-0.7.3-3"
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
# How many of a sentence's longest words a warning names.
_NAMED_WORDS = 3


@dataclass(frozen=True, slots=True)
class Readability:
    """How the text of one language is graded: textstat's language and
    formula, the limit, and from how many syllables a word counts as long."""

    textstat_language: str
    formula: str
    limit: float
    higher_is_harder: bool
    long_word: int

    def too_hard(self, score: float) -> bool:
        return score > self.limit if self.higher_is_harder else score < self.limit


READABILITY = {
    "en": Readability("en_US", "flesch_kincaid_grade", 8.0, True, 3),
    "es": Readability("es", "fernandez_huerta", 60.0, False, 4),
}
MAX_GRADE = READABILITY["en"].limit


@dataclass(frozen=True, slots=True)
class Grade:
    """A sentence's score and its long words, longest first, with their syllables."""

    score: float
    long_words: tuple[tuple[str, int], ...] = ()


@cache
def _textstat() -> Any:
    import textstat

    return textstat


# The language textstat was last set to: it holds one, for the whole process.
_LANGUAGE: list[str] = ["en_US"]


def _graded_in(language: str) -> Any:
    textstat = _textstat()
    if _LANGUAGE[0] != language:
        textstat.set_lang(language)
        _LANGUAGE[0] = language
    return textstat


def grade_key(sentence: str, language: str = "en") -> str:
    """What a sentence's grade is known by: a hash of the grader, the
    language and the sentence."""
    return hashlib.sha1(f"{GRADER}\0{language}\0{sentence}".encode()).hexdigest()[:20]


class GradeStore(Protocol):
    """Grades worked out by earlier runs, by `grade_key`."""

    def get(self, key: str) -> Grade | None: ...

    def add(self, fresh: Mapping[str, Grade]) -> None: ...


# Where `grades` finds and keeps grades: set once, by the command line.
_store: GradeStore | None = None


def keep_grades_in(store: GradeStore | None) -> None:
    """Find grades in `store` and keep new ones there; None grades every
    sentence afresh."""
    global _store
    _store = store


def grades(sentences: list[str], language: str = "en") -> dict[str, Grade]:
    """The grade of each sentence in `language` (a key of READABILITY), from
    the store of earlier grades where it has one (`keep_grades_in`)."""
    readability = READABILITY[language]
    store = _store
    result: dict[str, Grade] = {}
    fresh: dict[str, Grade] = {}
    for sentence in sentences:
        key = grade_key(sentence, language)
        grade = fresh.get(key) or (store.get(key) if store is not None else None)
        if grade is None:
            grade = fresh[key] = _grade(sentence, readability)
        result[sentence] = grade
    if store is not None and fresh:
        store.add(fresh)
    return result


def _grade(sentence: str, readability: Readability) -> Grade:
    textstat = _graded_in(readability.textstat_language)
    score = float(getattr(textstat, readability.formula)(sentence))
    counted = [
        (word, int(textstat.syllable_count(word)))
        for word in dict.fromkeys(textstat.remove_punctuation(sentence).split())
    ]
    long_words = [(word, n) for word, n in counted if n >= readability.long_word]
    long_words.sort(key=lambda pair: -pair[1])
    return Grade(score, tuple(long_words[:_NAMED_WORDS]))


def split_sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text.strip()) if s]


def gradable(sentence: str) -> bool:
    """Whether the sentence is long enough for a formula to mean anything."""
    return len(sentence.split()) >= MIN_WORDS


def _texts(data: dict[str, Any]) -> Iterator[tuple[tuple[Any, ...], str]]:
    info = data.get("plan")
    if isinstance(info, dict) and isinstance(info.get("summary"), str):
        yield ("plan", "summary"), info["summary"]
    for index, standard in records(data, "standards"):
        if isinstance(standard.get("promise"), str):
            yield ("standards", index, "promise"), standard["promise"]


def text_language(data: dict[str, Any]) -> str:
    """The primary language subtag of a plan or translation (`es` of `es-MX`)."""
    return str(data.get("language", "en")).split("-")[0].lower()


@rule("plain-language")
def plain_language(plan: PlanView) -> Iterator[Finding]:
    """The plan's promises and summary, in the plan's language."""
    yield from hard_sentences(list(_texts(plan.data)), text_language(plan.data))


def hard_sentences(texts: list[tuple[tuple[Any, ...], str]], language: str) -> Iterator[Finding]:
    """A warning for each sentence of `texts` (data path, text) too hard to
    read in `language`; nothing for a language without a formula here."""
    readability = READABILITY.get(language)
    if readability is None:
        return
    split = [(path, [s for s in split_sentences(text) if gradable(s)]) for path, text in texts]
    graded = grades([sentence for _, sentences in split for sentence in sentences], language)
    for path, sentences in split:
        for sentence in sentences:
            grade = graded[sentence]
            if readability.too_hard(grade.score):
                yield Finding(
                    path,
                    _message(sentence, grade, readability),
                    _hint(sentence, grade),
                    severity=Severity.WARNING,
                    rule="plain-language",
                )


def _message(sentence: str, grade: Grade, readability: Readability) -> str:
    quoted = sentence if len(sentence) <= 120 else sentence[:117] + "..."
    if readability.higher_is_harder:
        level = f"reads at US grade {grade.score:.1f}, above grade {readability.limit:g}"
    else:
        level = (
            f"scores {grade.score:.1f} for reading ease in Spanish (Fernández Huerta), "
            f"below {readability.limit:g}, which stands for US grade 8"
        )
    return f'This sentence {level}: "{quoted}"'


def _hint(sentence: str, grade: Grade) -> str:
    reasons = []
    words = len(sentence.split())
    if words > 20:
        reasons.append(f"it has {words} words")
    if grade.long_words:
        named = [f"`{word}` ({n} syllables)" for word, n in grade.long_words]
        listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
        reasons.append(f"its longest words are {listed}")
    why = "; ".join(reasons)
    because = f"{why[:1].upper()}{why[1:]}. " if why else ""
    return f"{because}Use shorter sentences and everyday words, so every customer can read it."
