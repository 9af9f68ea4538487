"""Plain language: a promise or a summary that reads above US grade 8
(Flesch-Kincaid, measured by textstat) gets a warning naming the sentence.

textstat and its hyphenation dictionary take a third of a second to load,
more than the rest of a validation run, and an author validates the same text
again and again. So grades are kept in a cache file under
$XDG_CACHE_HOME/service-plans/, one line per sentence (a hash of it, then its
grade, a checksum), and textstat is loaded only for sentences it has not
graded before. Each process reads the file once, the first time it grades, and appends the
grades it works out: checking a thousand plans reads and writes the file once
each, not once per plan. Set SERVICE_PLANS_CACHE=off to grade every sentence afresh."""

from __future__ import annotations

import hashlib
import math
import os
import re
import zlib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from generator.cache import cache_root
from generator.check.finding import Finding
from generator.check.rules import PlanView, records, rule
from generator.diagnostics import Severity

MAX_GRADE = 8.0
CACHE_VERSION = "textstat-0.7.3-fk-1"
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


@cache
def _textstat() -> Any:
    import textstat

    return textstat


def load_grader() -> None:
    """Load textstat and its dictionary now (for a process that will grade
    text soon, and has time now)."""
    _textstat().flesch_kincaid_grade("Ready.")


def _cache_file() -> Path | None:
    root = cache_root()
    return root / "plain-language-grades.txt" if root is not None else None


def _key(sentence: str) -> str:
    return hashlib.sha1(f"{CACHE_VERSION}\0{sentence}".encode()).hexdigest()[:20]


# The grades each cache file held when this process first read it, with
# those graded since: by file, as the tests change the cache folder.
_KNOWN: dict[Path | None, dict[str, float]] = {}


def _known(path: Path | None) -> dict[str, float]:
    if path not in _KNOWN:
        _KNOWN[path] = _read_grades(path)
    return _KNOWN[path]


# The formula gives -3.4 for one word of one syllable, and only a sentence of
# thousands of words passes 1000: a cached grade outside these is damaged (a
# sentence that really grades outside them is simply graded again each run).
_SANE_GRADES = (-16.0, 1000.0)
_KEY = re.compile(r"^[0-9a-f]{20}$")


def cache_line(key: str, grade: float) -> str:
    """A line of the cache file: the sentence's key, its grade, and a
    checksum of both, so that a damaged line is known."""
    entry = f"{key} {grade!r}"
    return f"{entry} {zlib.crc32(entry.encode()):08x}\n"


def _read_grades(path: Path | None) -> dict[str, float]:
    """The grades in the file. A line that is not as `cache_line` writes it
    (its checksum wrong, its grade not a finite number in a sane range) is
    skipped, and so is a last line without its line break (a write cut
    short): the sentence is graded again."""
    if path is None:
        return {}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, ValueError):
        return {}
    found: dict[str, float] = {}
    for line in text.split("\n")[:-1]:
        key, _, rest = line.partition(" ")
        written, _, _check = rest.rpartition(" ")
        try:
            grade = float(written)
        except ValueError:
            continue
        if (
            _KEY.match(key)
            and math.isfinite(grade)
            and _SANE_GRADES[0] <= grade <= _SANE_GRADES[1]
            and cache_line(key, grade) == line + "\n"
        ):
            found[key] = grade
    return found


def _append_grades(path: Path | None, fresh: dict[str, float]) -> None:
    """Add lines to the file in one write, which other processes appending
    at the same time cannot split; a cache that cannot be written is simply
    not kept."""
    if path is None or not fresh:
        return
    lines = "".join(cache_line(key, grade) for key, grade in fresh.items()).encode()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(handle, lines)
        finally:
            os.close(handle)
    except OSError:
        return


def grades(sentences: list[str]) -> dict[str, float]:
    """Flesch-Kincaid grade of each sentence, from the cache where it can."""
    path = _cache_file()
    known = _known(path)
    result: dict[str, float] = {}
    fresh: dict[str, float] = {}
    for sentence in sentences:
        key = _key(sentence)
        if key not in known:
            known[key] = fresh[key] = float(_textstat().flesch_kincaid_grade(sentence))
        result[sentence] = known[key]
    _append_grades(path, fresh)
    return result


def split_sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text.strip()) if s]


def _texts(data: dict[str, Any]) -> Iterator[tuple[tuple[Any, ...], str]]:
    info = data.get("plan")
    if isinstance(info, dict) and isinstance(info.get("summary"), str):
        yield ("plan", "summary"), info["summary"]
    for index, standard in records(data, "standards"):
        if isinstance(standard.get("promise"), str):
            yield ("standards", index, "promise"), standard["promise"]


@rule("plain-language")
def plain_language(plan: PlanView) -> Iterator[Finding]:
    """English text only: the grade formula is for English."""
    if str(plan.data.get("language", "en")).split("-")[0] != "en":
        return
    texts = [(path, split_sentences(text)) for path, text in _texts(plan.data)]
    graded = grades([sentence for _, sentences in texts for sentence in sentences])
    for path, sentences in texts:
        for sentence in sentences:
            grade = graded[sentence]
            if grade <= MAX_GRADE:
                continue
            quoted = sentence if len(sentence) <= 120 else sentence[:117] + "..."
            yield Finding(
                path,
                f'This sentence reads at US grade {grade:.1f}, above grade 8: "{quoted}"',
                "Use shorter sentences and everyday words, so every customer can read it.",
                severity=Severity.WARNING,
            )
