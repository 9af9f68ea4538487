"""Which versions to compare, from what the command line names: two files, or
files against a git revision. Each comparison carries its changes as data."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from generator.errors import UsageError
from generator.load.discover import SUFFIXES, is_translation
from generator.review.changes import Change
from generator.review.diff import diff_plans, other_sections_changed
from generator.review.versions import Version, from_file, from_git


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two versions of one plan and what changed between them. `others` names
    the parts of the plan that differ without an itemised change."""

    old: Version
    new: Version
    changes: list[Change] = field(default_factory=list)
    others: list[str] = field(default_factory=list)
    # "plan", or for a file that is not one, what it is: "translation", "other".
    kind: str = "plan"
    note: str = ""

    @property
    def unanswered(self) -> list[Change]:
        return [change for change in self.changes if change.unanswered]


def compare(old: Version, new: Version) -> Comparison:
    """Compare two versions; a version missing or unreadable gives no changes."""
    if not (old.readable and new.readable):
        return Comparison(old, new)
    changes = diff_plans(old.data, new.data)
    return Comparison(old, new, changes, other_sections_changed(old.data, new.data, changes))


def compare_paths(paths: list[Path], *, base: str | None) -> list[Comparison]:
    """`OLD NEW` without a base; with a base, each file against itself there.
    Raises UsageError for a wrong number of files or files that are nowhere."""
    if base is None:
        if len(paths) != 2:
            raise UsageError(
                "Name two plan files to compare (OLD NEW), or one or more with --base."
            )
        for path in paths:
            if not path.is_file():
                raise UsageError(f"{path}: no such file.")
        return [compare(from_file(paths[0]), from_file(paths[1]))]
    comparisons = []
    for path in paths:
        kind = file_kind(path)
        read = kind == "plan"
        old, new = from_git(path, base, read=read), from_file(path, read=read)
        if not old.exists and not new.exists:
            raise UsageError(f"{path}: no such file, here or at {base}.")
        found = compare(old, new) if read else Comparison(old, new, kind=kind)
        comparisons.append(replace(found, note=_place_note(old.label)))
    return comparisons


def file_kind(path: Path) -> str:
    """ "plan", "translation" (NAME.LANG.yaml) or "other" (not read as a plan)."""
    if not path.name.endswith(SUFFIXES):
        return "other"
    return "translation" if is_translation(path) else "plan"


def _place_note(label: str) -> str:
    """What the reviewer must know of a file under plans/ outside its layout."""
    parts = PurePosixPath(label).parts
    if parts[:1] != ("plans",) or len(parts) == 3:
        return ""
    return (
        "This file is not where plans are read (plans/AGENCY-ID/FILE.yaml): the check of "
        "the plans fails until it is moved there or removed."
    )
