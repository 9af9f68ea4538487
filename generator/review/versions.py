"""Read one version of a plan: from a file, or from a git revision (the pull
request's base) with `git show REV:path`. A version that cannot be read is
returned with the reason, never raised, so the summary can say so."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from yaml.nodes import Node

from generator.errors import UsageError
from generator.load.discover import display_path
from generator.load.yaml_source import LoadProblem, load_bytes, load_file

_FULL_SHA = re.compile(r"^[0-9a-f]{40}$")


@dataclass(frozen=True, slots=True)
class Version:
    """A plan as it was at one place (`label`, the file) and time (`revision`,
    empty for the file on disk). `exists` is false for a plan
    that is not there (a new plan's base, a deleted plan's head); `problem`
    says why an existing file could not be read."""

    label: str
    revision: str = ""
    data: Any = None
    exists: bool = True
    problem: str = ""
    root: Node | None = field(default=None, compare=False, repr=False)

    @property
    def readable(self) -> bool:
        return self.exists and not self.problem


def from_file(path: Path, *, read: bool = True) -> Version:
    """The plan in `path` as it is on disk; a missing file is a version that
    does not exist. Without `read`, only whether it exists."""
    label = display_path(path)
    if not path.exists() and not path.is_symlink():
        return Version(label, exists=False)
    if not read:
        return Version(label)
    document, problems = load_file(path)
    if document is None:
        return Version(label, problem=_problem_text(problems))
    return Version(label, data=document.data, root=document.root)


def from_git(path: Path, revision: str, *, read: bool = True) -> Version:
    """The plan in `path` as it was at `revision` (without `read`, only
    whether it was there). Raises UsageError when git is missing, the folder
    is not in a repository, or the revision is unknown."""
    top = Path(_git(["rev-parse", "--show-toplevel"], Path.cwd()).decode().strip())
    try:
        inside = path.resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        raise UsageError(f"{path} is not inside the git repository at {top}.") from None
    if _git_ok(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], top) is None:
        raise UsageError(f"{revision!r} is not a commit, branch or tag in this repository.")
    shown = short_revision(revision)
    if not read:
        there = _git_ok(["cat-file", "-e", f"{revision}:{inside}"], top) is not None
        return Version(inside, shown, exists=there)
    raw = _git_ok(["show", f"{revision}:{inside}"], top)
    if raw is None:
        return Version(inside, shown, exists=False)
    document, problems = load_bytes(raw, path)
    if document is None:
        return Version(inside, shown, problem=_problem_text(problems))
    return Version(inside, shown, document.data, root=document.root)


def short_revision(revision: str) -> str:
    """A full commit id shortened as git shows it; names stay as they are."""
    return revision[:12] if _FULL_SHA.match(revision) else revision


def _problem_text(problems: list[LoadProblem]) -> str:
    return " ".join(
        f"Line {p.line}, column {p.column}: {p.message} {p.hint}".strip() for p in problems
    )


def _git_ok(args: list[str], cwd: Path) -> bytes | None:
    """git's output, or None when git says no (exit status not 0)."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError("git is needed to compare with --base, and it is not installed.") from None
    return done.stdout if done.returncode == 0 else None


def _git(args: list[str], cwd: Path) -> bytes:
    output = _git_ok(args, cwd)
    if output is None:
        raise UsageError(f"{cwd} is not inside a git repository, so --base cannot be used.")
    return output
