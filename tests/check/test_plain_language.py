"""Plain-language grades: computed by textstat, kept in a cache between runs."""

from __future__ import annotations

import json

import pytest

from generator.check import plain_language
from generator.check.plain_language import _key, grades, split_sentences


def test_hard_and_easy_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SERVICE_PLANS_CACHE", "off")
    easy = "We will answer 90% of calls within 2 minutes."
    hard = (
        "The Department shall endeavour to facilitate the expeditious adjudication of "
        "correspondence notwithstanding administrative constraints."
    )
    found = grades([easy, hard])
    assert found[easy] <= plain_language.MAX_GRADE < found[hard]


def test_grades_come_from_the_cache(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SERVICE_PLANS_CACHE", str(tmp_path))
    sentence = "We reply to every letter."
    first = grades([sentence])[sentence]
    stored = json.loads((tmp_path / "plain-language.json").read_text())
    assert stored == {_key(sentence): first}
    (tmp_path / "plain-language.json").write_text(json.dumps({_key(sentence): 42.0}))
    assert grades([sentence])[sentence] == 42.0


def test_an_unwritable_cache_is_not_an_error(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("SERVICE_PLANS_CACHE", str(blocker))
    assert grades(["We reply."])["We reply."] < 8


def test_sentences_are_split_after_full_stops() -> None:
    assert split_sentences("One. Two? Three!  Four") == ["One.", "Two?", "Three!", "Four"]
