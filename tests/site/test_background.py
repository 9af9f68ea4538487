"""A build's work in a forked process (generator/background.py): the child
gets ready before its request comes, its value or its error comes back to
the parent, and a child with nothing to do is stopped."""

from __future__ import annotations

import os

import pytest

from generator.background import Background
from generator.errors import BuildError

READY: list[int] = []


def _prepare() -> None:
    READY.append(os.getpid())


def _answer(request: int) -> tuple[int, list[int]]:
    return request * 2, READY


def _fail(request: str) -> None:
    raise BuildError(f"the plan {request} has an error")


def test_the_value_comes_back_from_a_child_that_got_ready_first() -> None:
    work = Background(_answer, _prepare)
    work.send(21)
    value, ready = work.result()
    assert value == 42
    assert len(ready) == 1 and ready[0] != os.getpid()
    assert READY == []  # the parent did not get ready itself


def test_an_error_in_the_child_is_raised_in_the_parent() -> None:
    work = Background(_fail, _prepare)
    work.send("2026.yaml")
    with pytest.raises(BuildError, match="2026.yaml has an error"):
        work.result()


def test_a_child_with_nothing_to_do_is_stopped() -> None:
    work = Background(_answer, _prepare)
    work.stop()
    assert not work.running


def _broken() -> None:
    raise BuildError("the grader could not load")


def test_a_child_that_cannot_get_ready_says_why() -> None:
    work = Background(_answer, _broken)
    work.send(1)
    with pytest.raises(BuildError, match="could not load"):
        work.result()


def test_a_child_stops_when_its_parent_lets_go_of_the_pipe() -> None:
    """Without the parent's end of the pipe, the child sees its end when the
    parent goes, however it goes (here: the parent's end is closed)."""
    work = Background(_answer, _prepare)
    work._pipe.close()
    work._process.join(timeout=10)
    assert not work.running
