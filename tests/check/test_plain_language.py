"""Plain-language grades: computed by textstat with a formula for each
language, only for sentences long enough to grade, kept between runs with
the long words that make a sentence hard, in the build cache's grades file
(generator/cache.py), which the command line gives the checks."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.cache import GRADES_FILE, GradesFile, cache_line, use_caches
from generator.check import plain_language
from generator.check.plain_language import (
    MIN_WORDS,
    Grade,
    gradable,
    grade_key,
    grades,
    hard_sentences,
    keep_grades_in,
    split_sentences,
)
from generator.resources import REPO_DIR

_key = grade_key


@pytest.fixture
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The grades file of a cache folder in `tmp_path`, given to the checks
    as the command line gives it; the file's path."""
    monkeypatch.setenv("SERVICE_PLANS_CACHE", str(tmp_path))
    use_caches()
    yield tmp_path / GRADES_FILE
    keep_grades_in(None)


def test_hard_and_easy_sentences() -> None:
    easy = "We will answer 90% of calls within 2 minutes."
    hard = (
        "The Department shall endeavour to facilitate the expeditious adjudication of "
        "correspondence notwithstanding administrative constraints."
    )
    found = grades([easy, hard])
    assert found[easy].score <= plain_language.MAX_GRADE < found[hard].score
    assert found[hard].long_words == (
        ("adjudication", 5),
        ("administrative", 5),
        ("facilitate", 4),
    )


SPANISH_EASY = (
    "Si usted pide una cita en la clínica, le daremos una cita dentro de dos semanas como máximo."
)
SPANISH_HARD = (
    "La Administración procurará facilitar la resolución expeditiva de la correspondencia, "
    "no obstante las limitaciones administrativas existentes."
)


def test_spanish_is_graded_by_a_spanish_formula() -> None:
    """Read as English, the easy Spanish sentence is above grade 8 (Spanish
    words have more syllables); Fernández Huerta rates it easy."""
    assert grades([SPANISH_EASY], "en")[SPANISH_EASY].score > plain_language.MAX_GRADE
    found = grades([SPANISH_EASY, SPANISH_HARD], "es")
    limit = plain_language.READABILITY["es"].limit
    assert found[SPANISH_HARD].score < limit <= found[SPANISH_EASY].score
    texts = [(("plan", "summary"), f"{SPANISH_EASY} {SPANISH_HARD}")]
    (finding,) = hard_sentences(texts, "es")
    assert finding.message.startswith("This sentence scores 4.5 for reading ease in Spanish")
    assert "`administrativas` (6 syllables)" in finding.hint
    assert list(hard_sentences(texts, "fr")) == []  # no formula for French here


def test_short_sentences_are_not_graded() -> None:
    """A formula cannot judge nine words: one syllable miscounted moves the
    grade by more than one."""
    short = "We issue driver licenses, ID cards and car registrations."
    assert grades([short])[short].score > plain_language.MAX_GRADE
    assert not gradable(short) and len(short.split()) < MIN_WORDS
    assert list(hard_sentences([(("plan", "summary"), short)], "en")) == []


def _grade_in_new_process(sentence: str, cache: Path) -> float:
    """The grade as a process that has not graded anything yet gives it."""
    code = (
        "import sys; from generator.cache import use_caches; use_caches(); "
        "from generator.check.plain_language import grades; "
        "print(grades([sys.argv[1]])[sys.argv[1]].score)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, sentence],
        env={**os.environ, "SERVICE_PLANS_CACHE": str(cache)},
        cwd=REPO_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(done.stdout)


def test_grades_come_from_the_cache(tmp_path: Path, kept: Path) -> None:
    sentence = "We reply to every letter."
    file = kept
    first = grades([sentence])[sentence]
    assert file.read_text() == cache_line(_key(sentence), first)
    file.write_text(cache_line(_key(sentence), Grade(42.0)))
    assert _grade_in_new_process(sentence, tmp_path) == 42.0
    # This process read the file once, when it first graded.
    assert grades([sentence])[sentence] == first


def test_long_words_come_from_the_cache(kept: Path) -> None:
    sentence = "Our ombudsman investigates every complaint about our service to you."
    file = kept
    graded = grades([sentence])[sentence]
    assert graded.long_words[0] == ("investigates", 4)
    written = " ".join(f"{w}:{n}" for w, n in graded.long_words)
    assert file.read_text().startswith(f"{_key(sentence)} {graded.score!r} {written} ")
    file.write_text(cache_line(_key(sentence), Grade(12.5, (("made", 7), ("up", 3)))))
    keep_grades_in(GradesFile(file))  # as a new process reads it
    assert grades([sentence])[sentence] == Grade(12.5, (("made", 7), ("up", 3)))
    # The same sentence in another language is another entry.
    assert _key(sentence, "es") != _key(sentence)


def test_the_cache_grows_by_lines(kept: Path) -> None:
    """Each call appends the grades it worked out, and only those: checking
    many plans does not rewrite the whole file for each."""
    file = kept
    grades(["One sentence.", "Two sentences."])
    grades(["Two sentences.", "Three sentences."])
    keys = [line.split(" ")[0] for line in file.read_text().splitlines()]
    assert keys == [_key(s) for s in ("One sentence.", "Two sentences.", "Three sentences.")]


def test_a_line_cut_short_is_skipped(tmp_path) -> None:
    sentence = "We answer the phone."
    file = tmp_path / GRADES_FILE
    other = cache_line(_key("Something else."), Grade(3.5))
    file.write_text(other + cache_line(_key(sentence), Grade(42.0)))
    assert _grade_in_new_process(sentence, tmp_path) == 42.0
    # A last line without its line break may have lost digits ("4" of "4.5").
    file.write_text(other + cache_line(_key(sentence), Grade(42.0))[:-1])
    assert _grade_in_new_process(sentence, tmp_path) < 8
    file.write_text(f"{_key(sentence)}\n{_key(sentence)} 4x\n")
    assert _grade_in_new_process(sentence, tmp_path) < 8
    assert file.read_text().splitlines()[-1].startswith(_key(sentence) + " ")


def test_an_unwritable_cache_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    keep_grades_in(GradesFile(blocker / GRADES_FILE))
    try:
        assert grades(["We reply."])["We reply."].score < 8
    finally:
        keep_grades_in(None)


def test_without_a_cache_every_sentence_is_graded_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SERVICE_PLANS_CACHE", "off")
    use_caches()
    assert plain_language._store is None
    assert grades(["We reply."])["We reply."].score < 8
    assert list(tmp_path.iterdir()) == []


def test_sentences_are_split_after_full_stops() -> None:
    assert split_sentences("One. Two? Three!  Four") == ["One.", "Two?", "Three!", "Four"]


@pytest.mark.parametrize(
    "line",
    [
        "{key} nan\n",  # not a grade, as a cache without checks would take it
        "{key} 2.0\n",  # a line without its checksum
        "NAN",  # a grade that is not a number, with a right checksum
        "INF",
        "-5000.0",  # out of any sentence's range
        "FLIP",  # one digit changed after it was written
    ],
)
def test_a_damaged_grade_is_graded_again(tmp_path, line: str) -> None:
    """A grade that cannot have been written as it reads is never trusted:
    "nan" would have silenced the warning of a hard sentence."""
    sentence = (
        "The Department shall endeavour to facilitate the expeditious adjudication of "
        "correspondence notwithstanding administrative constraints."
    )
    key = _key(sentence)
    good = cache_line(key, Grade(2.0))
    if line == "FLIP":
        text = good.replace(" 2.0 ", " 3.0 ")
    elif line in ("NAN", "INF", "-5000.0"):
        grade = {"NAN": float("nan"), "INF": float("inf"), "-5000.0": -5000.0}[line]
        text = cache_line(key, Grade(grade))
    else:
        text = line.format(key=key)
    (tmp_path / GRADES_FILE).write_text(text)
    assert _grade_in_new_process(sentence, tmp_path) > plain_language.MAX_GRADE


def test_validate_keeps_the_grades_in_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_cli
) -> None:
    """The command line gives the checks the cache's grades file."""
    monkeypatch.setenv("SERVICE_PLANS_CACHE", str(tmp_path))
    try:
        run_cli("validate", REPO_DIR / "plans" / "example-city-sanitation" / "2026.yaml")
    finally:
        keep_grades_in(None)
    assert len((tmp_path / GRADES_FILE).read_text().splitlines()) > 3
