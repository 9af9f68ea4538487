"""Work done in a forked process while this one goes on. The child starts
with everything this process has loaded, gets ready (`prepare`) before it
knows what to do, waits for its request, and sends back its result, pickled,
through a pipe."""

from __future__ import annotations

import multiprocessing
import pickle
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

from generator.errors import BuildError

T = TypeVar("T")


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class Background(Generic[T]):
    """`prepare()`, then `function(request)` in a forked process: `send`
    gives the request, `result` waits for the value, or raises what the
    child raised; `stop` ends the child without one."""

    def __init__(self, function: Callable[[Any], T], prepare: Callable[[], None]) -> None:
        context = multiprocessing.get_context("fork")
        self._requests, requests = context.Pipe()
        self._process = context.Process(
            target=_serve, args=(function, prepare, requests), daemon=True
        )
        self._process.start()
        requests.close()

    def send(self, request: object) -> None:
        self._requests.send(request)

    @property
    def running(self) -> bool:
        return self._process.is_alive()

    def stop(self) -> None:
        """Stop the child: there is nothing (more) to do."""
        self._requests.close()
        self._process.terminate()
        self._process.join()

    def result(self) -> T:
        try:
            done, value = self._requests.recv()
        except EOFError:
            done, value = False, BuildError("A worker process of the build stopped.")
        finally:
            self._requests.close()
            self._process.join()
        if not done:
            raise value
        return value  # type: ignore[no-any-return]


def _serve(
    function: Callable[[Any], object], prepare: Callable[[], None], pipe: Connection
) -> None:
    outcome: tuple[bool, object]
    try:
        prepare()
        request = pipe.recv()
        outcome = (True, function(request))
    except EOFError:
        return
    except BaseException as error:  # sent to the parent, and raised there
        outcome = (False, error)
    try:
        pipe.send(outcome)
    except (pickle.PicklingError, TypeError, AttributeError) as error:
        pipe.send((False, BuildError(f"A worker process of the build failed: {error!r}")))
    finally:
        pipe.close()
