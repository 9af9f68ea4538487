"""The ownership check on lists of changed files: each row is a pull request's
changed paths and what the check must say about them."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Severity
from generator.review.ownership import agency_owners, check_ownership, read_changed_files
from tests.conftest import REPO

CODEOWNERS = """\
# Maintainers own everything not owned below.
*                               @service-plans/maintainers
/plans/example-city-sanitation/ @service-plans/example-city-sanitation
plans/example-county-health     @service-plans/example-county-health  # no slashes
/plans/example-federal-benefits/** @service-plans/example-federal-benefits
/plans/*/translations/          @service-plans/translators
"""

SANITATION = "plans/example-city-sanitation/2026.yaml"
SANITATION_NEXT = "plans/example-city-sanitation/2027.yaml"
HEALTH = "plans/example-county-health/2026.yaml"

# (name, changed paths, errors expected, warnings expected)
CASES = [
    ("one plan", [SANITATION], 0, 0),
    ("two plans of one agency", [SANITATION, SANITATION_NEXT], 0, 0),
    (
        "translation beside the plan",
        [SANITATION, "plans/example-city-sanitation/2026.es.yaml"],
        0,
        0,
    ),
    ("written with ./ and twice", ["./" + SANITATION, SANITATION], 0, 0),
    ("two agencies", [SANITATION, HEALTH], 1, 0),
    ("plan and workflow", [SANITATION, ".github/workflows/pull-request.yml"], 1, 0),
    ("plan and a file in plans/ itself", [SANITATION, "plans/README.md"], 1, 0),
    ("two agencies and code", [SANITATION, HEALTH, "generator/cli.py"], 2, 0),
    ("code only", ["generator/cli.py", "Makefile"], 0, 0),
    ("nothing", [], 0, 0),
    ("agency without an owner line", ["plans/city-parks/2026.yaml"], 0, 1),
    (
        "another agency's plan one folder down",
        ["plans/example-city-sanitation/example-county-health/2031.yaml"],
        1,
        0,
    ),
    (
        "new agency mixed with CODEOWNERS",
        ["plans/city-parks/2026.yaml", ".github/CODEOWNERS"],
        1,
        1,
    ),
]


@pytest.mark.parametrize(
    ("paths", "errors", "warnings"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_changed_files(paths: list[str], errors: int, warnings: int) -> None:
    report = check_ownership(paths, CODEOWNERS)
    found = [p.severity for p in report.problems]
    assert found.count(Severity.ERROR) == errors
    assert found.count(Severity.WARNING) == warnings
    assert report.failed() == bool(errors)
    assert report.failed(strict=True) == bool(errors or warnings)


def test_codeowners_lines_name_agency_folders() -> None:
    assert agency_owners(CODEOWNERS) == {
        "example-city-sanitation": ["@service-plans/example-city-sanitation"],
        "example-county-health": ["@service-plans/example-county-health"],
        "example-federal-benefits": ["@service-plans/example-federal-benefits"],
    }


def test_missing_codeowners_warns_for_every_agency() -> None:
    report = check_ownership([SANITATION], None)
    assert [p.severity for p in report.problems] == [Severity.WARNING]
    assert "the file is missing" in report.problems[0].message


def test_the_repository_codeowners_owns_every_agency_folder() -> None:
    owners = agency_owners((REPO / ".github" / "CODEOWNERS").read_text(encoding="utf-8"))
    folders = {p.name for p in (REPO / "plans").iterdir() if p.is_dir()}
    assert folders <= set(owners), "add a CODEOWNERS line for every agency folder"


@pytest.mark.parametrize(
    ("text", "paths"),
    [
        ("plans/a/1.yaml\nMakefile\n", ["plans/a/1.yaml", "Makefile"]),
        ("plans/a/1.yaml\0odd\nname.txt\0", ["plans/a/1.yaml", "odd\nname.txt"]),
        ("\n\n", []),
    ],
)
def test_changed_files_lists_are_read_by_line_or_by_nul(text: str, paths: list[str]) -> None:
    assert read_changed_files(text) == paths


def test_cli_fails_a_mixed_change_with_a_clear_message(run_cli, tmp_path: Path) -> None:
    codeowners = tmp_path / "CODEOWNERS"
    codeowners.write_text(CODEOWNERS, encoding="utf-8")
    changed = tmp_path / "changed.txt"
    changed.write_text(f"{SANITATION}\n{HEALTH}\n", encoding="utf-8")
    result = run_cli("owners", "--changed-files", changed, "--codeowners", codeowners)
    assert result.code == 1
    assert "touches the plans of 2 agencies" in result.out
    assert result.out.endswith("This change must be split.\n")


def test_cli_passes_one_agency_and_writes_github_output(run_cli, tmp_path, monkeypatch) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.chdir(REPO)
    result = run_cli("owners", "--format", "github", SANITATION)
    assert result.code == 0
    assert result.out == ""
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## ✅ Pull request ownership")
    assert "`plans/example-city-sanitation/`: owners @service-plans/example-city-sanitation" in text


def test_cli_github_annotations_escape_the_message(run_cli, tmp_path: Path) -> None:
    result = run_cli(
        "owners", "--format", "github", "--codeowners", tmp_path / "none", SANITATION, HEALTH
    )
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0].startswith("::error title=Pull request ownership::This change touches the")
    assert lines[1].startswith("::warning title=Pull request ownership::plans/")
    assert all("%0A" not in line and line.count("::") == 2 for line in lines)


def test_cli_reports_an_unreadable_list_as_a_usage_error(run_cli, tmp_path: Path) -> None:
    result = run_cli("owners", "--changed-files", tmp_path / "missing.txt")
    assert result.code == 2
    assert "missing.txt" in result.err


def test_a_change_outside_plans_is_marked_as_needing_a_maintainer(
    run_cli, tmp_path, monkeypatch
) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    codeowners = tmp_path / "CODEOWNERS"
    codeowners.write_text(CODEOWNERS, encoding="utf-8")
    changed = ["generator/check/rules.py", "schema/plan.schema.json"]
    result = run_cli("owners", "--format", "github", "--codeowners", codeowners, *changed)
    assert result.code == 0
    assert result.out.startswith("::notice title=Needs a maintainer's review::")
    text = summary.read_text(encoding="utf-8")
    assert "⚠️ **Needs a maintainer's review.**" in text
    assert "changes 2 files outside the agencies' folders plans/AGENCY-ID/" in text
    assert "- `generator/check/rules.py`" in text
    assert not check_ownership([SANITATION], CODEOWNERS).needs_maintainer
