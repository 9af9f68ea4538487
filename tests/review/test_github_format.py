"""`validate --format github`, line by line: each problem is one workflow
command that GitHub turns into an annotation on its line, and the step summary
is a Markdown table. Properties and messages are escaped as GitHub's toolkit
escapes them (% CR LF in both; also : and , in properties), and no plan text
can add markup to the summary."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import REPO, TODAY

FIXTURE = "tests/review/fixtures/github/several errors, 100%.yaml"
FILE = "tests/review/fixtures/github/several errors%2C 100%25.yaml"

ANNOTATIONS = [
    f"::error file={FILE},line=8,col=10,title=agency.level::"
    "`fed,eral: 100%25%0Anext` is not one of the allowed values. "
    "Fix: Allowed values: `federal`, `state`, `county`, `municipal`, `other`.",
    f"::error file={FILE},line=26,col=5,title=channels[mail]::"
    "An email channel needs `email` so customers can use it. Fix: Add `email:` to this channel.",
    f"::error file={FILE},line=26,col=10,title=channels[mail].id::"
    "Another channel already has the id `mail`. "
    "Fix: Give each one its own id: translations, links and history depend on it.",
    f"::error file={FILE},line=34,col=35,title=complaints.response_time.unit::"
    "`days` is not one of the allowed values. "
    "Fix: Say which days: `calendar-days` or `business-days`. Format 2.0 allows this: set "
    'schema_version: "2.0" (`python -m generator upgrade FILE` does it, keeping everything else '
    "as it is).",
]

SUMMARY = [
    "## ❌ Plan validation failed",
    "",
    "1 plan checked: 4 errors, 0 warnings.",
    "",
    "| Severity | File | Line | Where | Problem | How to fix |",
    "|---|---|---|---|---|---|",
    f"| error | {FIXTURE} | 8:10 | agency.level | \\`fed,eral: 100% next\\` is not one of the "
    "allowed values. | Allowed values: \\`federal\\`, \\`state\\`, \\`county\\`, "
    "\\`municipal\\`, \\`other\\`. |",
    f"| error | {FIXTURE} | 26:5 | channels\\[mail\\] | An email channel needs \\`email\\` so "
    "customers can use it. | Add \\`email:\\` to this channel. |",
    f"| error | {FIXTURE} | 26:10 | channels\\[mail\\].id | Another channel already has the id "
    "\\`mail\\`. | Give each one its own id: translations, links and history depend on it. |",
    f"| error | {FIXTURE} | 34:35 | complaints.response\\_time.unit | \\`days\\` is not one of the "
    "allowed values. | Say which days: \\`calendar-days\\` or \\`business-days\\`. Format 2.0 "
    'allows this: set schema\\_version: "2.0" (\\`python -m generator upgrade FILE\\` does it, '
    "keeping everything else as it is). |",
    "",
    "",
]


def test_annotations_line_by_line(run_cli, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.chdir(REPO)
    summary = tmp_path / "summary.md"
    result = run_cli(
        "validate", FIXTURE, "--format", "github", "--summary", summary, "--today", TODAY
    )
    assert result.code == 1
    assert result.out.splitlines() == ANNOTATIONS
    assert summary.read_text(encoding="utf-8").split("\n") == SUMMARY


def test_every_annotation_is_one_line_with_escaped_properties(run_cli, monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    result = run_cli("validate", FIXTURE, "--format", "github", "--today", TODAY)
    for line in result.out.splitlines():
        command, message = line.split("::")[1:]
        properties = dict(part.split("=", 1) for part in command.split(" ", 1)[1].split(","))
        assert set(properties) == {"file", "line", "col", "title"}
        assert "%0A" not in properties["title"] and "\n" not in message
