"""The catalogue of example files: every file under cases/invalid and
cases/warnings produces exactly the diagnostics listed for it in
expected.yaml, every file under cases/valid produces none, and the table
and the folders agree both ways."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from generator.check import check_file

CASES = Path(__file__).with_name("cases")
TODAY = date(2026, 11, 23)
EXPECTED: dict[str, list[str]] = yaml.safe_load(
    Path(__file__).with_name("expected.yaml").read_text("utf-8")
)


def _files(folder: str) -> list[str]:
    return sorted(p.relative_to(CASES).as_posix() for p in (CASES / folder).glob("*.yaml"))


def _describe(path: Path) -> list[str]:
    _, diagnostics = check_file(path, today=TODAY)
    return [f"{d.severity.value} {d.line}:{d.column} {d.where} [{d.rule}]" for d in diagnostics]


def test_every_file_has_an_expectation_and_every_expectation_a_file() -> None:
    on_disk = set(_files("invalid") + _files("warnings"))
    assert on_disk == set(EXPECTED)


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
