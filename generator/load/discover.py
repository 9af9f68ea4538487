"""Which files to check: every plan under the folders given, or the files named,
and what their place in the plans folder says about them.

A plan is `NAME.yaml` (or `.yml`); a translation of it is `NAME.LANG.yaml`
beside it, such as `2026.es.yaml`. A plans folder holds one folder per agency,
named after the agency's id, and the agency's files directly in it:
`PLANS/AGENCY-ID/FILE.yaml`. A folder named `plans` is a plans folder, and so
is the nearest one above a file or folder named (looking no higher than the
current folder); so is any folder named whose plan files are in folders of
their own. A folder named that holds plan files only directly, such as a
folder of examples, is a folder of files, each taken as if it were named.

Plans come from pull requests, so the folder is read with care: a link
(a symbolic link, to a file or a folder) is refused without being followed,
a folder that cannot be read is an error rather than a silence, a file outside
the layout is an error, and so are two files that would make the same plan or
the same page. Each of these is a located `Diagnostic`, never an exception."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from generator.diagnostics import Diagnostic, Severity
from generator.errors import UsageError

SUFFIXES = (".yaml", ".yml")
PLANS_FOLDER_NAME = "plans"
_UNSAFE = re.compile(r"[^a-z0-9-]+")


@dataclass(slots=True)
class Discovery:
    """The files to check, in a stable order; for each file that sits in an
    agency's folder of a plans folder, that folder's name (the agency id its
    plan must have); and what is wrong with the layout."""

    files: list[Path] = field(default_factory=list)
    agency_folders: dict[Path, str] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)

    def only(self, files: list[Path]) -> Discovery:
        """The same discovery for some of its files, without the problems
        (which are reported once, by whoever discovered them)."""
        return Discovery(
            list(files), {f: self.agency_folders[f] for f in files if f in self.agency_folders}
        )


def discover(paths: list[Path], *, named_in_agency_folders: bool = False) -> Discovery:
    """Plan and translation files named by `paths` (files, or plans folders
    searched recursively, leaving out names that start with a dot), with the
    problems of their layout. With `named_in_agency_folders` (a build, which
    groups plans by folder) a file named outside any plans folder is taken
    to be in its agency's folder. Raises UsageError for a path that does not
    exist."""
    found = Discovery()
    for path in paths:
        if path.is_dir():
            _search(found, path, named_in_agency_folders)
        elif path.is_file() or path.is_symlink():
            _named(found, path, named_in_agency_folders)
        else:
            raise UsageError(f"{path}: no such file or folder.")
    found.files = list(dict.fromkeys(found.files))
    found.problems.extend(_same_plan(found))
    found.problems.extend(_same_agency(found))
    return found


def find_plan_files(paths: list[Path]) -> list[Path]:
    """The files `discover` finds, without what it says of them."""
    return discover(paths).files


def _named(found: Discovery, path: Path, in_agency_folder: bool) -> None:
    root = _plans_folder_above(path.parent)
    if root is not None:
        _place(found, path, _parts_under(path, root), root)
    else:
        found.files.append(path)
        if in_agency_folder:
            found.agency_folders[path] = path.parent.name


def _plans_folder_above(folder: Path) -> Path | None:
    """The nearest folder named `plans` that holds `folder` (or is it),
    looking no higher than the current folder: a checkout kept in a folder
    that happens to be named plans does not make every file in it a plan."""
    absolute = Path(os.path.abspath(folder))  # noqa: PTH100 - links are not followed
    here = Path(os.path.abspath(os.getcwd()))  # noqa: PTH100, PTH109
    for candidate in (absolute, *absolute.parents):
        if candidate == here:
            return None
        if candidate.name == PLANS_FOLDER_NAME:
            return candidate
    return None


def _parts_under(path: Path, root: Path) -> list[str]:
    return list(Path(os.path.abspath(path)).relative_to(root).parts)  # noqa: PTH100


def _search(found: Discovery, folder: Path, in_agency_folder: bool) -> None:
    """Every plan file under `folder`, sorted by the parts of its path
    (os.walk, as pathlib's globbing builds a path object for every file).
    `folder` is a plans folder when a folder named `plans` holds it (or it
    is one), or when any of its plan files is in a folder of its own; a
    folder that holds plan files only directly is a folder of files, each
    taken as if it were named."""
    named_root = _plans_folder_above(folder)
    offset = _parts_under(folder, named_root) if named_root is not None else []
    entries: list[tuple[list[str], Path]] = []

    def unreadable(error: OSError) -> None:
        shown = Path(error.filename) if error.filename else folder
        found.problems.append(_unreadable_folder(shown, error))

    for parent, folders, names in os.walk(folder, onerror=unreadable):
        relative = os.path.relpath(parent, folder)
        parts = [*offset, *([] if relative == "." else relative.split(os.sep))]  # noqa: PTH206
        links = {name for name in [*folders, *names] if _is_link(parent, name)}
        found.problems.extend(_link(Path(parent, name)) for name in sorted(links))
        folders[:] = [name for name in folders if not name.startswith(".") and name not in links]
        for name in names:
            full = os.path.join(parent, name)  # noqa: PTH118
            if (
                name.endswith(SUFFIXES)
                and not name.startswith(".")
                and name not in links
                and os.path.isfile(full)  # noqa: PTH113
            ):
                entries.append(([*parts, name], Path(full)))
    entries.sort(key=lambda item: item[0])
    if named_root is None and all(len(parts) == 1 for parts, _ in entries):
        for _, path in entries:
            _named(found, path, in_agency_folder)
        return
    for parts, path in entries:
        _place(found, path, parts, named_root or folder)


def _is_link(parent: str, name: str) -> bool:
    return not name.startswith(".") and os.path.islink(os.path.join(parent, name))  # noqa: PTH114, PTH118


def _place(found: Discovery, path: Path, parts: list[str], root: Path) -> None:
    """Take the file at `parts` under the plans folder `root`: in an agency's
    folder, or (with an error) anywhere else."""
    found.files.append(path)
    if len(parts) == 2:
        found.agency_folders[path] = parts[0]
    elif len(parts) == 1:
        found.problems.append(
            _error(
                path,
                f"This file is directly in the plans folder {display_path(root)}/; "
                "plans go in a folder named after their agency.",
                f"Move it to {display_path(root)}/AGENCY-ID/{path.name}, where AGENCY-ID is "
                "the plan's `agency.id`. (If this folder is itself an agency's folder, "
                "check the plans folder above it instead.)",
            )
        )
    else:
        found.problems.append(
            _error(
                path,
                f"This file is {len(parts) - 1} folders deep in the plans folder "
                f"{display_path(root)}/; plans are only read at "
                f"{display_path(root)}/AGENCY-ID/{path.name}.",
                f"Move it into its agency's folder, {display_path(root)}/AGENCY-ID/, named "
                "after the plan's `agency.id`, or delete it.",
            )
        )


def _link(path: Path) -> Diagnostic:
    return _error(
        path,
        "This is a link to another file or folder; a plans folder holds only real files "
        "and folders, and links in it are not followed.",
        "Replace the link with a copy of the file itself, or remove it.",
        rule="layout",
    )


def _unreadable_folder(folder: Path, error: OSError) -> Diagnostic:
    reason = error.strerror or type(error).__name__
    return _error(
        folder,
        f"This folder could not be read ({reason}), so the plans in it were not checked.",
        "Give the account running the check permission to read the folder, or remove it.",
    )


def _error(path: Path, message: str, hint: str, rule: str = "layout") -> Diagnostic:
    return Diagnostic(display_path(path), 1, 1, Severity.ERROR, "(file)", message, hint, rule)


def page_name(key: str) -> str:
    """A plan's key (its file name without the suffix, such as 2026) as the
    name of its page and data files: lower-case letters, digits and hyphens."""
    return _UNSAFE.sub("-", key.lower()).strip("-") or "plan"


def _plan_identity(found: Discovery, path: Path) -> tuple[str, ...]:
    """What makes two files one plan (or one translation): their agency's
    folder, and the page their name makes (for a translation, and its
    language)."""
    folder = found.agency_folders.get(path) or os.path.realpath(path.parent)
    parts = path.name.split(".")
    if is_translation(path):
        return (folder, page_name(parts[0]), parts[1].lower())
    return (folder, page_name(path.name.rsplit(".", 1)[0]))


def _same_plan(found: Discovery) -> list[Diagnostic]:
    by_identity: dict[tuple[str, ...], list[Path]] = {}
    for path in found.files:
        by_identity.setdefault(_plan_identity(found, path), []).append(path)
    problems = []
    for identity, paths in by_identity.items():
        if len(paths) < 2:
            continue
        what = "translation" if len(identity) == 3 else "plan"
        for path in paths:
            others = ", ".join(display_path(other) for other in paths if other != path)
            problems.append(
                _error(
                    path,
                    f"This file and {others} make the same {what} (the page `{identity[1]}`); "
                    "the site would publish one and silently drop the other.",
                    "Keep one file per plan: delete or rename the other one, or this one.",
                    rule="same-plan",
                )
            )
    return problems


def _same_agency(found: Discovery) -> list[Diagnostic]:
    """An agency folder of the same name in two plans folders would merge
    two agencies' files into one agency."""
    folders: dict[str, dict[str, Path]] = {}
    for path, name in found.agency_folders.items():
        folders.setdefault(name, {}).setdefault(os.path.realpath(path.parent), path)
    problems = []
    for name, seen in folders.items():
        if len(seen) < 2:
            continue
        shown = ", ".join(f"{display_path(Path(folder))}/" for folder in seen)
        for path in seen.values():
            problems.append(
                _error(
                    path,
                    f"The agency folder `{name}` is in more than one plans folder ({shown}).",
                    "Keep each agency's plans in one folder.",
                    rule="same-plan",
                )
            )
    return problems


def is_translation(path: Path) -> bool:
    """True for `NAME.LANG.yaml` files, which hold a plan's text in another language."""
    return len(path.name.split(".")) == 3


def display_path(path: Path) -> str:
    """The path as a person would type it: relative to the current folder when
    inside it, absolute otherwise. The folders are resolved, not the file
    itself: a link is shown as the link, never as what it points to."""
    full = os.path.realpath(path)
    if os.path.islink(path):  # noqa: PTH114
        full = os.path.join(os.path.realpath(os.path.dirname(path)), os.path.basename(path))  # noqa: PTH118, PTH119, PTH120
    here = _real(os.getcwd()).rstrip(os.sep)  # noqa: PTH109 - called for every file
    if full == here:
        return "."
    return full[len(here) + 1 :] if full.startswith(here + os.sep) else full


@lru_cache(maxsize=8)
def _real(folder: str) -> str:
    return os.path.realpath(folder)
