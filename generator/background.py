"""Work done in a forked process while this one goes on. The child starts
with everything this process has loaded, gets ready (`prepare`) before it
knows what to do, waits for its request, and sends back its result, pickled,
through a pipe."""

from __future__ import annotations

import contextlib
import multiprocessing
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

from generator.errors import BuildError

T = TypeVar("T")
_STOPPED = (
    "The build stopped unexpectedly: a process it started ended without its work. "
    "Build again; if this happens again, report it with this message."
)


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class Background(Generic[T]):
    """`prepare()`, then `function(request)` in a forked process: `send`
    gives the request, `result` waits for the value, or raises what the
    child raised; `stop` ends the child without one."""

    def __init__(self, function: Callable[[Any], T], prepare: Callable[[], None]) -> None:
        context = multiprocessing.get_context("fork")
        self._pipe, child = context.Pipe()
        self._process = context.Process(
            target=_serve, args=(function, prepare, child, self._pipe), daemon=True
        )
        self._process.start()
        child.close()

    @property
    def running(self) -> bool:
        return self._process.is_alive()

    def send(self, request: object) -> None:
        with contextlib.suppress(OSError):  # the child stopped: `result` says why
            self._pipe.send(request)

    def stop(self) -> None:
        """Stop the child: there is nothing (more) to do."""
        self._pipe.close()
        self._process.terminate()
        self._process.join()

    def result(self) -> T:
        try:
            done, value = self._pipe.recv()
        except EOFError:
            done, value = False, BuildError(_STOPPED)
        except Exception as error:  # an outcome that could not be rebuilt here
            done, value = False, BuildError(f"{_STOPPED} ({error!r})")
        finally:
            self._pipe.close()
            self._process.join()
        if not done:
            raise value
        return value  # type: ignore[no-any-return]


def _serve(
    function: Callable[[Any], object],
    prepare: Callable[[], None],
    pipe: Connection,
    parent_end: Connection,
) -> None:
    # Without the parent's end, the child sees the end of the pipe (and
    # stops) when the parent goes, however it goes.
    parent_end.close()
    outcome: tuple[bool, object]
    try:
        prepare()
        try:
            request = pipe.recv()
        except EOFError:
            return
        outcome = (True, function(request))
    except BaseException as error:  # sent to the parent, and raised there
        error.add_note("In the build's background process:\n" + traceback.format_exc())
        outcome = (False, error)
    try:
        pipe.send(outcome)
    except Exception as error:  # the outcome cannot be pickled
        pipe.send((False, BuildError(f"{_STOPPED} ({outcome[1]!r}, {error!r})")))
    finally:
        pipe.close()
