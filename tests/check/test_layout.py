"""Where plans may be: exactly at PLANS/AGENCY-ID/FILE.yaml, in any plans
folder. A file anywhere else, a plan whose agency id is not its folder's
name, a link, a folder that cannot be read and two files that make one plan
are each an error with the file's name, so that no agency can publish as
another, nothing outside the plans folder is read, and nothing is skipped
without a word."""

from __future__ import annotations

import os
import pickle
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from generator.build import generate_docs
from generator.check import check_paths
from generator.errors import BuildError
from generator.load.discover import discover, display_path
from tests.conftest import PLANS, TODAY

DAY = date.fromisoformat(TODAY)
HEALTH = PLANS / "example-county-health" / "2026.yaml"
BENEFITS = PLANS / "example-federal-benefits" / "2026.yaml"


def _plans(tmp_path: Path, name: str = "plans") -> Path:
    plans = tmp_path / name
    shutil.copytree(PLANS / "example-federal-benefits", plans / "example-federal-benefits")
    return plans


def _impostor(plans: Path) -> Path:
    """Agency B's plan under agency A's folder, one folder down: the
    reviewers of A's folder would approve a plan the site shows as B's."""
    path = plans / "example-federal-benefits" / "example-county-health" / "2031.yaml"
    path.parent.mkdir(parents=True)
    text = HEALTH.read_text("utf-8").replace(
        "name: Lakeside County Department of Public Health (example)",
        "name: Lakeside County Department of Public Health (the real one)",
        1,
    )
    path.write_text(text, "utf-8")
    return path


def _errors(paths: list[Path]) -> list[tuple[str, str]]:
    report = check_paths(paths, today=DAY).report
    return [(d.file, d.message) for d in report.errors]


def test_a_plan_one_folder_too_deep_is_an_error(tmp_path: Path, run_cli) -> None:
    impostor = _impostor(_plans(tmp_path))
    result = run_cli("validate", tmp_path / "plans", "--today", TODAY)
    assert result.code == 1
    assert f"{display_path(impostor)}:1:1: error: (file): This file is 2 folders deep" in result.out


def test_a_plan_too_deep_is_not_built(tmp_path: Path) -> None:
    _impostor(_plans(tmp_path, "other-folder"))
    with pytest.raises(BuildError, match=r"2031\.yaml:1:1: error: \(file\): This file is 2"):
        generate_docs([tmp_path / "other-folder"], docs_dir=tmp_path / "docs", today=DAY)
    assert not (tmp_path / "docs").exists()


def test_the_folder_name_is_the_agency_id_in_any_plans_folder(tmp_path: Path) -> None:
    plans = _plans(tmp_path, "other-folder")
    misplaced = plans / "city-parks" / "2026.yaml"
    misplaced.parent.mkdir()
    shutil.copy(HEALTH, misplaced)
    assert _errors([plans]) == [
        (
            display_path(misplaced),
            "The agency id `example-county-health` does not match the folder name "
            "`city-parks`: the plans in an agency's folder are that agency's.",
        )
    ]
    with pytest.raises(BuildError, match="does not match the folder name `city-parks`"):
        generate_docs([plans], docs_dir=tmp_path / "docs", today=DAY)


def test_a_folder_of_example_files_is_not_a_plans_folder(tmp_path: Path) -> None:
    """A folder holding plan files directly, and no agency folders, is
    checked file by file, as the example files of the test suite are."""
    examples = tmp_path / "examples"
    examples.mkdir()
    shutil.copy(HEALTH, examples / "health.yaml")
    shutil.copy(BENEFITS, examples / "benefits.yaml")
    found = discover([examples])
    assert (len(found.files), found.agency_folders, found.problems) == (2, {}, [])


def test_a_linked_plan_is_refused_and_never_read(tmp_path: Path, run_cli) -> None:
    secret = tmp_path / "runner-file.json"
    secret.write_text('{"leaked_key_7f3a": "leaked-value-9c1e"}', "utf-8")
    plans = _plans(tmp_path)
    link = plans / "example-federal-benefits" / "2027.yaml"
    link.symlink_to(secret)
    for output in ("text", "github", "json"):
        result = run_cli("validate", plans, "--today", TODAY, "--format", output)
        assert result.code == 1
        assert display_path(link) in result.out
        assert "link" in result.out
        for leaked in ("leaked_key_7f3a", "leaked-value-9c1e", "runner-file"):
            assert leaked not in result.out + result.err
    named = run_cli("validate", link, "--today", TODAY)
    assert named.code == 1 and "leaked" not in named.out and "runner-file" not in named.out
    compared = run_cli("diff", plans / "example-federal-benefits" / "2026.yaml", link)
    assert "leaked" not in compared.out + compared.err


def test_a_linked_folder_is_refused_and_never_read(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere" / "example-county-health"
    elsewhere.mkdir(parents=True)
    shutil.copy(HEALTH, elsewhere / "2026.yaml")
    plans = _plans(tmp_path)
    (plans / "example-county-health").symlink_to(elsewhere, target_is_directory=True)
    found = discover([plans])
    assert all("elsewhere" not in str(path) for path in found.files)
    assert [(d.file, d.rule) for d in found.problems] == [
        (display_path(plans / "example-county-health"), "layout")
    ]
    assert "link" in found.problems[0].message


def _unprivileged(work: Path, action: Callable[[], Any]) -> Any:
    """`action()` run from `work` by a process that really cannot read a
    folder made unreadable: this one, or, when it runs as root (which reads
    every folder), a child of it that gives up root first."""
    if os.geteuid() != 0:
        previous = Path.cwd()
        os.chdir(work)
        try:
            return action()
        finally:
            os.chdir(previous)
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child's coverage is not collected
        status = 0
        try:
            os.close(reader)
            os.chdir(work)
            os.setgid(65534)
            os.setuid(65534)
            with os.fdopen(writer, "wb") as out:
                pickle.dump(action(), out)
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(writer)
    with os.fdopen(reader, "rb") as incoming:
        data = incoming.read()
    _, status = os.waitpid(child, 0)
    assert status == 0, "the check failed in the unprivileged process"
    return pickle.loads(data)


def test_an_unreadable_folder_is_an_error(tmp_path: Path) -> None:
    plans = _plans(tmp_path)
    locked = plans / "example-county-health"
    locked.mkdir()
    shutil.copy(HEALTH, locked / "2026.yaml")
    os.chmod(tmp_path, 0o755)  # noqa: PTH101
    locked.chmod(0o000)
    try:
        problems = _unprivileged(
            tmp_path, lambda: [(d.file, d.message) for d in discover([Path("plans")]).problems]
        )
    finally:
        locked.chmod(0o755)
    assert problems == [
        (
            "plans/example-county-health",
            "This folder could not be read (Permission denied), so the plans in it were not "
            "checked.",
        )
    ]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("2027.yaml", "2027.yml"),
        ("Draft 2027.yaml", "draft-2027.yaml"),
        ("2026.es.yaml", "2026.ES.yml"),
    ],
)
def test_two_files_that_make_one_plan_are_an_error_naming_both(
    tmp_path: Path, first: str, second: str
) -> None:
    plans = _plans(tmp_path)
    folder = plans / "example-federal-benefits"
    text = (folder / "2026.yaml").read_text("utf-8").replace("status: published", "status: draft")
    for name in (first, second):
        if name.startswith("2026."):
            shutil.copy(PLANS / "example-county-health" / "2026.es.yaml", folder / name)
        else:
            (folder / name).write_text(text, "utf-8")
    errors = [e for e in _errors([plans]) if "make the same" in e[1]]
    shown = {name: display_path(folder / name) for name in (first, second)}
    assert sorted(file for file, _ in errors) == sorted(shown.values())
    for file, message in errors:
        other = shown[second] if file == shown[first] else shown[first]
        assert message.startswith(f"This file and {other} make the same")
    with pytest.raises(BuildError, match="make the same"):
        generate_docs([plans], docs_dir=tmp_path / "docs", today=DAY)
