"""The project's small exception tree. Everything raised on purpose derives from
`PlansError`, and the command line catches it at the edge, so a plan author never
sees a traceback."""

from __future__ import annotations


class PlansError(Exception):
    """Base class of every error this project raises on purpose."""


class UsageError(PlansError):
    """The command was called wrongly: a missing path, a bad option value.
    The command line exits with status 2."""


class BuildError(PlansError):
    """The site could not be built (a plan is invalid, MkDocs failed).
    The previous site is left as it was."""
