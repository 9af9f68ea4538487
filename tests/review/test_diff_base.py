"""`diff FILE --base REF`: the old version comes from git, as in the pull-request
workflow. Each test builds a small repository of its own."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO

OLD = REPO / "tests" / "review" / "fixtures" / "target-loosened-with-reason" / "old.yaml"
NEW = REPO / "tests" / "review" / "fixtures" / "target-loosened-with-reason" / "new.yaml"
PLAN = Path("plans/city-parks/2026.yaml")


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", *args],
        cwd=repo, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout.strip()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose first commit holds the old plan; the working tree
    then holds the new one, as a pull request's checkout does."""
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / PLAN).parent.mkdir(parents=True)
    shutil.copy(OLD, tmp_path / PLAN)
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "old plan")
    shutil.copy(NEW, tmp_path / PLAN)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_changed_plan_is_compared_with_its_base(repo: Path, run_cli) -> None:
    base = git(repo, "rev-parse", "HEAD")
    result = run_cli("diff", PLAN, "--base", base, "--format", "markdown")
    assert result.code == 0, result.err
    first, _, compared = result.out.splitlines()[:3]
    assert first == "## Changes to `plans/city-parks/2026.yaml`"
    assert compared == f"Compared with `plans/city-parks/2026.yaml` at `{base[:12]}`: 4 changes."
    assert "| ⚠️ loosened | `standards[appeal-decision].target` |" in result.out


def test_a_plan_missing_at_the_base_is_a_new_plan(repo: Path, run_cli) -> None:
    added = Path("plans/city-parks/2027.yaml")
    shutil.copy(NEW, added)
    result = run_cli("diff", added, PLAN, "--base", "main", "--format", "markdown")
    assert result.code == 0, result.err
    new_plan, changed = result.out.split("\n## ")
    assert (
        "New plan: there is no earlier version (`plans/city-parks/2027.yaml` at `main`)."
        in new_plan
    )
    assert "It has 2 promises, 0 services and 0 channels." in new_plan
    assert "| `standards[appeal-decision]` | You will get the result" in new_plan
    assert changed.startswith("Changes to `plans/city-parks/2026.yaml`")


def test_a_deleted_plan_is_flagged(repo: Path, run_cli) -> None:
    (repo / PLAN).unlink()
    result = run_cli("diff", PLAN, "--base", "main", "--format", "markdown")
    assert result.code == 0
    assert "⚠️ **This change deletes the plan**" in result.out


def test_a_base_that_cannot_be_read_is_said_so(repo: Path, run_cli) -> None:
    (repo / PLAN).write_text("standards: [\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "broken")
    shutil.copy(NEW, repo / PLAN)
    result = run_cli("diff", PLAN, "--base", "HEAD", "--format", "markdown")
    assert result.code == 0
    assert "at `HEAD`, which could not be read: Line 2, column 1:" in result.out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--base", "no-such-branch"], "'no-such-branch' is not a commit, branch or tag"),
        (["--base", "main", "plans/city-parks/1999.yaml"], "no such file, here or at main"),
    ],
)
def test_bad_bases_are_usage_errors(repo: Path, run_cli, args: list[str], message: str) -> None:
    paths = [a for a in args if a.endswith(".yaml")] or [str(PLAN)]
    options = [a for a in args if not a.endswith(".yaml")]
    result = run_cli("diff", *paths, *options)
    assert result.code == 2
    assert message in result.err


def test_outside_a_repository_base_is_a_usage_error(tmp_path: Path, run_cli, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    shutil.copy(NEW, tmp_path / "2026.yaml")
    result = run_cli("diff", "2026.yaml", "--base", "main")
    assert result.code == 2
    assert "not inside a git repository" in result.err


def test_every_changed_file_under_plans_is_summarised(repo: Path, run_cli) -> None:
    """The workflow passes every changed file under plans/, whatever its
    name or depth: a plan one folder too deep is summarised and marked, a
    translation and a file that is not a plan are named with what they are."""
    nested = Path("plans/city-parks/example-county-health/2031.yaml")
    nested.parent.mkdir()
    shutil.copy(NEW, nested)
    translation = Path("plans/city-parks/2026.es.yaml")
    translation.write_text("schema_version: '1.0'\nlanguage: es\n", encoding="utf-8")
    notes = Path("plans/city-parks/notes.txt")
    notes.write_text("notes", encoding="utf-8")
    result = run_cli(
        "diff", nested, translation, notes, PLAN, "--base", "main", "--format", "markdown"
    )
    assert result.code == 0, result.err
    sections = result.out.split("## Changes to ")[1:]
    assert [section.split("\n", 1)[0] for section in sections] == [
        f"`{nested.as_posix()}`",
        f"`{translation.as_posix()}`",
        f"`{notes.as_posix()}`",
        f"`{PLAN.as_posix()}`",
    ]
    assert "❌ **This file is not where plans are read" in sections[0]
    assert "New plan" in sections[0]
    assert "A translation of a plan" in sections[1] and "This change: added." in sections[1]
    assert "Not a plan file" in sections[2]
    assert "not where plans are read" not in sections[3]
