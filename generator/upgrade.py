"""Move plans (and their translations) to the current format version.

Format 2.0 is a superset of 1.0: a valid 1.0 plan is a valid 2.0 plan once
it says so. Upgrading therefore changes one value, `schema_version`, in the
file's own text: every comment, every blank line and the order of every
field stay exactly as they were. The new text is read back before it is
written, and must hold the same data with the new version; a file that
cannot be read, or that would not be valid in the new version, is left
alone and reported, so nothing is half-upgraded."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import MappingNode, ScalarNode

from generator.load.discover import display_path, find_plan_files, is_translation
from generator.load.yaml_source import Document, load_bytes, load_file
from generator.resources import FORMAT_VERSION, SCHEMA_FILES


@dataclass(frozen=True, slots=True)
class Upgrade:
    """What happened to one file: "upgraded", "current" (already in the
    current version), or "refused" with the reason, at a line and column."""

    file: str
    outcome: str
    message: str = ""
    line: int = 1
    column: int = 1


def upgrade_paths(paths: list[Path], *, write: bool = True) -> list[Upgrade]:
    """Upgrade every plan and translation file under `paths`; with `write`
    False, only say what would change."""
    return [upgrade_file(path, write=write) for path in find_plan_files(paths)]


def upgrade_file(path: Path, *, write: bool = True) -> Upgrade:
    shown = display_path(path)
    document, problems = load_file(path)
    if document is None:
        problem = problems[0]
        return Upgrade(
            shown, "refused", f"It cannot be read: {problem.message}", problem.line, problem.column
        )
    found = _version_node(document)
    if found is None:
        return Upgrade(shown, "refused", "It has no `schema_version` to upgrade.")
    if found.value == FORMAT_VERSION:
        return Upgrade(shown, "current")
    if found.value not in SCHEMA_FILES:
        line, column = found.start_mark.line + 1, found.start_mark.column + 1
        message = f"`{found.value}` is not a version of the format."
        return Upgrade(shown, "refused", message, line, column)
    raw = path.read_bytes()
    new = _replaced(raw, found)
    upgraded = _same_data(document, new, path)
    errors = 0 if is_translation(path) else _errors(upgraded)
    if errors:
        return Upgrade(
            shown,
            "refused",
            f"It would have {errors} error{'s' if errors != 1 else ''} in format "
            f"{FORMAT_VERSION}: fix them first (`python -m generator validate` shows them with "
            f'schema_version: "{FORMAT_VERSION}").',
        )
    if write:
        _write_atomically(path, new)
    return Upgrade(shown, "upgraded", f"from format {found.value} to {FORMAT_VERSION}")


def _version_node(document: Document) -> ScalarNode | None:
    root = document.root
    if not isinstance(root, MappingNode):
        return None
    for key, value in root.value:
        if isinstance(key, ScalarNode) and key.value == "schema_version":
            return value if isinstance(value, ScalarNode) else None
    return None


def _errors(document: Document) -> int:
    """How many errors the checker finds in the upgraded plan on its own."""
    from datetime import date

    from generator.check import plan_findings
    from generator.diagnostics import Severity

    findings, _ = plan_findings(document, date.today())
    return sum(1 for finding in findings if finding.severity is Severity.ERROR)


def _replaced(raw: bytes, node: ScalarNode) -> bytes:
    """The file's bytes with the version's value replaced, in its own quotes."""
    text = raw.decode("utf-8")
    quote = node.style if node.style in ('"', "'") else '"'
    new = text[: node.start_mark.index] + f"{quote}{FORMAT_VERSION}{quote}"
    return (new + text[node.end_mark.index :]).encode("utf-8")


def _same_data(document: Document, new: bytes, path: Path) -> Document:
    """The new text, which holds the same data but for its version."""
    upgraded, problems = load_bytes(new, path)
    expected = {**document.data, "schema_version": FORMAT_VERSION}
    if upgraded is None or upgraded.data != expected:
        raise AssertionError(f"upgrading {path} would change more than its version: {problems}")
    return upgraded


def _write_atomically(path: Path, content: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.chmod(temporary, path.stat().st_mode & 0o777)  # noqa: PTH101
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
