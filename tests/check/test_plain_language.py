"""Plain-language grades: computed by textstat, kept in a cache between runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.check import plain_language
from generator.check.plain_language import _key, cache_line, grades, split_sentences
from generator.resources import REPO_DIR


def test_hard_and_easy_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SERVICE_PLANS_CACHE", "off")
    easy = "We will answer 90% of calls within 2 minutes."
    hard = (
        "The Department shall endeavour to facilitate the expeditious adjudication of "
        "correspondence notwithstanding administrative constraints."
    )
    found = grades([easy, hard])
    assert found[easy] <= plain_language.MAX_GRADE < found[hard]


def _grade_in_new_process(sentence: str, cache: Path) -> float:
    """The grade as a process that has not graded anything yet gives it."""
    code = (
        "import sys; from generator.check.plain_language import grades; "
        "print(grades([sys.argv[1]])[sys.argv[1]])"
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


def test_grades_come_from_the_cache(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SERVICE_PLANS_CACHE", str(tmp_path))
    sentence = "We reply to every letter."
    file = tmp_path / "plain-language-grades.txt"
    first = grades([sentence])[sentence]
    assert file.read_text() == cache_line(_key(sentence), first)
    file.write_text(cache_line(_key(sentence), 42.0))
    assert _grade_in_new_process(sentence, tmp_path) == 42.0
    # This process read the file once, when it first graded.
    assert grades([sentence])[sentence] == first


def test_the_cache_grows_by_lines(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each call appends the grades it worked out, and only those: checking
    many plans does not rewrite the whole file for each."""
    monkeypatch.setenv("SERVICE_PLANS_CACHE", str(tmp_path))
    file = tmp_path / "plain-language-grades.txt"
    grades(["One sentence.", "Two sentences."])
    grades(["Two sentences.", "Three sentences."])
    keys = [line.split(" ")[0] for line in file.read_text().splitlines()]
    assert keys == [_key(s) for s in ("One sentence.", "Two sentences.", "Three sentences.")]


def test_a_line_cut_short_is_skipped(tmp_path) -> None:
    sentence = "We answer the phone."
    file = tmp_path / "plain-language-grades.txt"
    other = cache_line(_key("Something else."), 3.5)
    file.write_text(other + cache_line(_key(sentence), 42.0))
    assert _grade_in_new_process(sentence, tmp_path) == 42.0
    # A last line without its line break may have lost digits ("4" of "4.5").
    file.write_text(other + cache_line(_key(sentence), 42.0)[:-1])
    assert _grade_in_new_process(sentence, tmp_path) < 8
    file.write_text(f"{_key(sentence)}\n{_key(sentence)} 4x\n")
    assert _grade_in_new_process(sentence, tmp_path) < 8
    assert file.read_text().splitlines()[-1].startswith(_key(sentence) + " ")


def test_an_unwritable_cache_is_not_an_error(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("SERVICE_PLANS_CACHE", str(blocker))
    assert grades(["We reply."])["We reply."] < 8


def test_sentences_are_split_after_full_stops() -> None:
    assert split_sentences("One. Two? Three!  Four") == ["One.", "Two?", "Three!", "Four"]


@pytest.mark.parametrize(
    "line",
    [
        "{key} nan\n",  # not a grade, as a cache without checks would take it
        "{key} 2.0\n",  # a line without its checksum
        "NAN",  # a grade that is not a number, with a right checksum
        "INF",
        "-40.0",  # out of any sentence's range
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
    good = cache_line(key, 2.0)
    if line == "FLIP":
        text = good.replace(" 2.0 ", " 3.0 ")
    elif line in ("NAN", "INF", "-40.0"):
        grade = {"NAN": float("nan"), "INF": float("inf"), "-40.0": -40.0}[line]
        text = cache_line(key, grade)
    else:
        text = line.format(key=key)
    (tmp_path / "plain-language-grades.txt").write_text(text)
    assert _grade_in_new_process(sentence, tmp_path) > plain_language.MAX_GRADE
