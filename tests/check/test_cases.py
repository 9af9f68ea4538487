"""The catalogue of example files: every file under cases/invalid and
cases/warnings produces exactly the diagnostics listed for it in
expected.yaml (where, and by which rule) and says exactly what messages.yaml
lists for it (the message and the fix an author reads), every file under
cases/valid produces none, and the tables and the folders agree both ways.
Refresh messages.yaml with `UPDATE_GOLDENS=1 make test` and read the change."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.check import check_file

CASES = Path(__file__).with_name("cases")
TODAY = date(2026, 11, 23)
EXPECTED: dict[str, list[str]] = yaml.safe_load(
    Path(__file__).with_name("expected.yaml").read_text("utf-8")
)
MESSAGES_FILE = Path(__file__).with_name("messages.yaml")
MESSAGES: dict[str, list[dict[str, str]]] = yaml.safe_load(MESSAGES_FILE.read_text("utf-8"))
UPDATE = os.environ.get("UPDATE_GOLDENS") == "1"
MESSAGES_HEADER = """\
# What `validate` says about each example file under invalid/ and warnings/:
# for each problem, its severity, line and column, the message and the fix,
# exactly. Checked both ways with the files, like expected.yaml, with
# --today 2026-11-23. Refresh with `UPDATE_GOLDENS=1 make test` and read
# every changed line before committing it.
"""


def _files(folder: str) -> list[str]:
    return sorted(p.relative_to(CASES).as_posix() for p in (CASES / folder).glob("*.yaml"))


def _describe(path: Path) -> list[str]:
    _, diagnostics = check_file(path, today=TODAY)
    return [
        f"{d.severity.value} {d.line}:{d.column} {d.where + ' ' if d.where else ''}[{d.rule}]"
        for d in diagnostics
    ]


def _said(path: Path) -> list[dict[str, str]]:
    _, diagnostics = check_file(path, today=TODAY)
    return [
        {
            "at": f"{d.severity.value} {d.line}:{d.column}",
            "message": d.message,
            **({"fix": d.hint} if d.hint else {}),
        }
        for d in diagnostics
    ]


class _Dumper(yaml.SafeDumper):
    """Fixes of several lines as blocks, so that the table reads like the output."""


def _text(dumper: yaml.SafeDumper, value: str) -> Any:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def test_every_file_has_an_expectation_and_every_expectation_a_file() -> None:
    on_disk = set(_files("invalid") + _files("warnings"))
    assert on_disk == set(EXPECTED)
    if UPDATE:
        said = {name: _said(CASES / name) for name in sorted(on_disk)}
        body = yaml.dump(said, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1000)
        MESSAGES_FILE.write_text(MESSAGES_HEADER + body, encoding="utf-8")
        MESSAGES.clear()
        MESSAGES.update(yaml.safe_load(MESSAGES_FILE.read_text("utf-8")))
    assert on_disk == set(MESSAGES), "refresh messages.yaml with UPDATE_GOLDENS=1 and read it"


@pytest.mark.parametrize("name", _files("invalid") + _files("warnings"))
def test_file_says_exactly_its_messages_and_fixes(name: str) -> None:
    assert _said(CASES / name) == MESSAGES.get(name)


@pytest.mark.parametrize("name", _files("invalid") + _files("warnings"))
def test_file_produces_exactly_its_diagnostics(name: str) -> None:
    assert _describe(CASES / name) == EXPECTED[name]


@pytest.mark.parametrize("name", _files("invalid"))
def test_invalid_files_have_an_error(name: str) -> None:
    assert any(line.startswith("error") for line in EXPECTED[name])


@pytest.mark.parametrize("name", _files("warnings"))
def test_warning_files_have_only_warnings(name: str) -> None:
    assert EXPECTED[name]
    assert all(line.startswith("warning") for line in EXPECTED[name])


@pytest.mark.parametrize("name", _files("valid"))
def test_valid_files_produce_nothing(name: str) -> None:
    assert _describe(CASES / name) == []


def test_every_diagnostic_has_a_plain_message_and_the_fix_for_typos() -> None:
    _, diagnostics = check_file(CASES / "invalid/agency-level_typo.yaml", today=TODAY)
    (diagnostic,) = diagnostics
    assert diagnostic.message == "`munICIPAL` is not one of the allowed values."
    assert diagnostic.hint.startswith("Did you mean `municipal`?")
    _, diagnostics = check_file(CASES / "invalid/agency_unknown-field.yaml", today=TODAY)
    assert [d.hint for d in diagnostics if d.where == "agency.naem"] == ["Did you mean `name`?"]
    _, diagnostics = check_file(CASES / "invalid/standard-service_unknown.yaml", today=TODAY)
    assert diagnostics[0].hint == "Did you mean `permits`?"
