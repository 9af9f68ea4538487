"""The diff command against golden outputs: every fixture pair under
fixtures/NAME/{old,new}.yaml has a golden/NAME.md (the Markdown of the pull
request's summary) and a golden/NAME.txt (the plain text a terminal shows),
and every golden file a fixture, plus the example plans' own editions.
Refresh the goldens with `UPDATE_GOLDENS=1 make test` and read the change
before committing it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import REPO

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
GOLDEN = HERE / "golden"
UPDATE = os.environ.get("UPDATE_GOLDENS") == "1"

FIXTURE_PAIRS = sorted(p.name for p in FIXTURES.iterdir() if (p / "old.yaml").is_file())
EXAMPLE_PAIRS = {
    "example-federal-benefits_2025-2026": (
        "plans/example-federal-benefits/2025.yaml",
        "plans/example-federal-benefits/2026.yaml",
    ),
    "example-city-sanitation_2026-2027": (
        "plans/example-city-sanitation/2026.yaml",
        "plans/example-city-sanitation/2027.yaml",
    ),
}
# Each format and the suffix of its golden files.
FORMATS = {"markdown": ".md", "text": ".txt"}


def check_golden(name: str, actual: str, suffix: str = ".md") -> None:
    golden = GOLDEN / f"{name}{suffix}"
    if UPDATE:
        golden.write_text(actual, encoding="utf-8")
    assert golden.is_file(), f"no golden file for {name}: run with UPDATE_GOLDENS=1"
    expected = golden.read_text(encoding="utf-8")
    assert actual == expected, (
        f"{golden.relative_to(REPO)} differs from the diff's output. If the plans or the "
        "summary changed on purpose, refresh it with `UPDATE_GOLDENS=1 make test` and "
        "read the change."
    )


@pytest.mark.parametrize("form", sorted(FORMATS))
@pytest.mark.parametrize("name", FIXTURE_PAIRS)
def test_fixture_pair_matches_golden(name: str, form: str, run_cli, monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    folder = FIXTURES.relative_to(REPO) / name
    result = run_cli("diff", folder / "old.yaml", folder / "new.yaml", "--format", form)
    assert result.code == 0, result.err
    check_golden(name, result.out, FORMATS[form])


@pytest.mark.parametrize("form", sorted(FORMATS))
@pytest.mark.parametrize("name", sorted(EXAMPLE_PAIRS))
def test_example_editions_match_golden(name: str, form: str, run_cli, monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    old, new = EXAMPLE_PAIRS[name]
    result = run_cli("diff", old, new, "--format", form)
    assert result.code == 0, result.err
    check_golden(name, result.out, FORMATS[form])


def test_a_terminal_gets_plain_text(run_cli) -> None:
    """Without --format, the summary is for a person at a terminal: no
    Markdown, and plan text cannot send the terminal escape sequences."""
    folder = FIXTURES / "escaping"
    result = run_cli("diff", folder / "old.yaml", folder / "new.yaml")
    assert result.out == (GOLDEN / "escaping.txt").read_text(encoding="utf-8")
    assert "|---|" not in result.out and "## " not in result.out and "**" not in result.out
    assert "\x1b" not in result.out and "\\u001b[31mred" in result.out


@pytest.mark.parametrize("form", sorted(FORMATS))
@pytest.mark.parametrize("name", [*FIXTURE_PAIRS, *EXAMPLE_PAIRS])
def test_each_change_is_said_once(name: str, form: str) -> None:
    """A flagged change is in the table to review, not again in its section;
    a removed result is in its record's row, with its old values."""
    golden = (GOLDEN / f"{name}{FORMATS[form]}").read_text(encoding="utf-8")
    rows = [_place(line, form) for line in golden.splitlines() if _is_change(line, form)]
    assert len(rows) == len(set(rows)), sorted(r for r in rows if rows.count(r) > 1)


def _is_change(line: str, form: str) -> bool:
    """A row of a table of changes, or a change's first line in the text."""
    if form == "markdown":
        return line.startswith("| ") and line.count(" | `") >= 1 and line.count("|") >= 5
    return line.startswith("  ") and not line.startswith("   ") and ": " in line


def _place(line: str, form: str) -> str:
    """The change on a line: its kind and where it is."""
    if form == "markdown":
        return " | ".join(line.split(" | ")[:2])
    return line


def test_additions_are_not_hidden(run_cli) -> None:
    """Added results are listed in the open, not in a collapsed section."""
    golden = (GOLDEN / "results.md").read_text(encoding="utf-8")
    assert "<details>" not in golden
    assert "| result added | `standards[decisions].results[2026-Q1]` |" in golden


def test_every_golden_has_a_fixture() -> None:
    expected = {*FIXTURE_PAIRS, *EXAMPLE_PAIRS}
    for suffix in FORMATS.values():
        assert {p.stem for p in GOLDEN.glob(f"*{suffix}")} == expected


def test_federal_benefits_edition_flags_what_the_reviewer_must_see(run_cli, monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    pair = EXAMPLE_PAIRS["example-federal-benefits_2025-2026"]
    result = run_cli("diff", *pair, "--format", "markdown")
    flagged = result.out.split("### Plan")[0]
    assert "| ⚠️ loosened | `standards[appeal-decision].target` |" in flagged
    assert "at most 45 calendar days, for 80% of cases" in flagged
    assert "at most 60 calendar days, for 80% of cases | ✅ Yes: In 2025 we promised" in flagged
    assert "| ⚠️ result revised | `standards[retirement-decision].results[2025-Q4]` |" in flagged
    assert "| tightened | `standards[call-answer].target` |" in result.out
    assert "| added | `standards[chat-answer]` |" in result.out
    assert "| added | `channels[web-chat]` |" in result.out


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("target-loosened-with-reason", 0),
        ("target-tightened", 0),
        ("target-loosened-without-reason", 1),
        ("results", 1),
    ],
)
def test_fail_on_flags_fails_only_on_unanswered_flags(name: str, code: int, run_cli) -> None:
    folder = FIXTURES / name
    result = run_cli("diff", folder / "old.yaml", folder / "new.yaml", "--fail-on-flags")
    assert result.code == code


def test_output_goes_to_a_file(run_cli, tmp_path: Path) -> None:
    folder = FIXTURES / "target-tightened"
    pair = (folder / "old.yaml", folder / "new.yaml")
    output = tmp_path / "summary.md"
    result = run_cli("diff", *pair, "--output", output, "--format", "markdown")
    assert result.code == 0
    assert result.out == ""
    assert output.read_text(encoding="utf-8").startswith("## Changes to ")
    assert run_cli("diff", *pair, "--output", output).out == ""
    assert output.read_text(encoding="utf-8").startswith("Changes to ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["only-one.yaml"], "Name two plan files"),
        (["missing-a.yaml", "missing-b.yaml"], "no such file"),
    ],
)
def test_usage_errors_exit_2_without_traceback(args: list[str], message: str, run_cli) -> None:
    result = run_cli("diff", *args)
    assert result.code == 2
    assert message in result.err


def test_github_format_annotates_flags_on_their_lines(run_cli, monkeypatch, tmp_path) -> None:
    monkeypatch.chdir(REPO)
    folder = FIXTURES.relative_to(REPO) / "target-loosened-without-reason"
    summary = tmp_path / "summary.md"
    result = run_cli(
        "diff", folder / "old.yaml", folder / "new.yaml", "--format", "github", "--summary", summary
    )
    assert result.code == 0
    new = f"{folder}/new.yaml"
    assert result.out.splitlines() == [
        f"::warning file={new},line=7,col=5,title=Review%3A standards[letters].target::"
        "Loosened: Days to mail a letter: at most 5 business days, for 95%25 of cases -> "
        "Days to mail a letter: at most 5 business days, for 90%25 of cases. "
        f"No reason given. Fix: {CHANGE_REASON_FIX}",
        f"::warning file={new},line=8,col=5,title=Review%3A standards[courtesy-survey].target::"
        "Removed: Visitors who rate staff courteous: at least 90%25 -> none. "
        "The plan cannot hold a reason for this: ask in the pull request.",
    ]
    golden = GOLDEN / "target-loosened-without-reason.md"
    assert summary.read_text(encoding="utf-8") == golden.read_text(encoding="utf-8")


CHANGE_REASON_FIX = (
    "add `change_reason:` to standards[letters].target, saying in plain words why the "
    "promise is weaker, such as: change_reason: Appeals went up by a third."
)


def test_a_weaker_promise_without_its_reason_fails_with_the_fix_on_its_line(
    run_cli, monkeypatch, tmp_path
) -> None:
    """As the pull-request workflow runs it: the check fails, and the error
    on the line says what to add. A change the plan has no field to explain
    stays a warning for the reviewer: the agency could not fix it."""
    monkeypatch.chdir(REPO)
    folder = FIXTURES.relative_to(REPO) / "target-loosened-without-reason"
    result = run_cli(
        "diff",
        folder / "old.yaml",
        folder / "new.yaml",
        "--format",
        "github",
        "--fail-on-flags",
        "--summary",
        tmp_path / "summary.md",
    )
    assert result.code == 1
    error, warning = result.out.splitlines()
    assert error.startswith(f"::error file={folder}/new.yaml,line=7,col=5,")
    assert error.endswith(f"No reason given. Fix: {CHANGE_REASON_FIX}")
    assert warning.startswith("::warning ") and "ask in the pull request" in warning
    answered = FIXTURES.relative_to(REPO) / "target-loosened-with-reason"
    passed = run_cli(
        "diff", answered / "old.yaml", answered / "new.yaml", "--format", "github",
        "--fail-on-flags", "--summary", tmp_path / "summary.md",
    )  # fmt: skip
    assert passed.code == 0 and "::error" not in passed.out


def test_a_revised_result_without_its_reason_names_the_fields_to_add(run_cli) -> None:
    folder = FIXTURES / "results"
    result = run_cli(
        "diff", folder / "old.yaml", folder / "new.yaml", "--format", "github", "--fail-on-flags",
        "--summary", os.devnull,
    )  # fmt: skip
    assert result.code == 1
    errors = [line for line in result.out.splitlines() if line.startswith("::error ")]
    assert errors
    assert all("Fix: add `revised:` to " in line and "`reason:`" in line for line in errors)
