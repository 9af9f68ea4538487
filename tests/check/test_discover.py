"""Which files are plans: every `.yaml` and `.yml` file under the folders
given, in the order of their path's parts, leaving out any file or folder
whose name starts with a dot (an editor's or a tool's); files named on the
command line are taken as they are."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import UsageError
from generator.load.discover import find_plan_files


def test_plans_under_a_folder_in_order_without_hidden_ones(tmp_path: Path) -> None:
    for name in [
        "b-agency/2026.yaml",
        "b-agency/2026.es.yaml",
        "a-agency/z.yml",
        "a-agency/m/2025.yaml",  # a folder sorts by its name among the files
        "a-agency/.draft.yaml",
        ".git/config.yaml",
        "a-agency/.hidden/2024.yaml",
        "a-agency/notes.txt",
        "a-agency/yaml",
    ]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "a-agency" / "folder.yaml").mkdir()
    found = [path.relative_to(tmp_path).as_posix() for path in find_plan_files([tmp_path])]
    assert found == [
        "a-agency/m/2025.yaml",
        "a-agency/z.yml",
        "b-agency/2026.es.yaml",
        "b-agency/2026.yaml",
    ]


def test_files_named_are_taken_as_they_are_once(tmp_path: Path) -> None:
    plan = tmp_path / "2026.yaml"
    plan.write_text("x", encoding="utf-8")
    assert find_plan_files([plan, tmp_path, plan]) == [plan]
    with pytest.raises(UsageError, match="no such file"):
        find_plan_files([tmp_path / "missing.yaml"])
