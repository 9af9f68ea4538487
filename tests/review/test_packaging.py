"""The validator works outside this repository: as the pre-commit hook
`.pre-commit-hooks.yaml` declares, and from a wheel installed in a fresh
environment, which must carry the plan format with it. Editors map the schema
to plan files."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest

from generator.load.yaml_source import load_file
from tests.conftest import REPO, TODAY

SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "generator", "schema")
PLAN = REPO / "plans" / "example-county-health" / "2026.yaml"


def run(command: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_pre_commit_hook_runs_the_validator_on_plans() -> None:
    document, problems = load_file(REPO / ".pre-commit-hooks.yaml")
    assert document is not None, problems
    (hook,) = document.data
    assert hook["id"] == "validate-plans"
    assert hook["language"] == "python"
    program, command = hook["entry"].split()
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert scripts[program] == "generator.cli:main" and command == "validate"
    files = re.compile(hook["files"])
    assert files.search("plans/city-parks/2026.yaml") and files.search("plans/a/2026.es.yml")
    assert not files.search("tests/check/cases/valid/minimal.yaml")


def test_editors_map_the_schemas_to_plans_and_translations() -> None:
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text("utf-8"))
    schemas = settings["yaml.schemas"]
    assert "plans/*/[0-9][0-9][0-9][0-9].yaml" in schemas["./schema/plan.schema.json"]
    assert "plans/*/[0-9][0-9][0-9][0-9].*.yaml" in schemas["./schema/translation.schema.json"]
    for schema in schemas:
        assert (REPO / schema).is_file()
    assert PLAN.read_text("utf-8").startswith(
        "# yaml-language-server: $schema=../../schema/plan.schema.json"
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh environment with the package installed from a wheel built from
    this checkout. Its dependencies come from the test environment, put on the
    path by a .pth file, so nothing else is downloaded but the build backend."""
    root = tmp_path_factory.mktemp("wheel")
    source = root / "source"
    ignore = shutil.ignore_patterns("__pycache__")
    for name in SOURCES:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, source / name, ignore=ignore)
        else:
            source.mkdir(exist_ok=True)
            shutil.copy(REPO / name, source / name)
    built = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", root, source], root)
    assert built.returncode == 0, built.stderr
    (wheel,) = root.glob("service_plans-*.whl")
    venv = root / "venv"
    assert run([sys.executable, "-m", "venv", "--without-pip", venv], root).returncode == 0
    python = venv / "bin" / "python"
    installed = run(
        [sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", wheel], root
    )
    assert installed.returncode == 0, installed.stderr
    site = run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], root)
    (Path(site.stdout.strip()) / "dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    return venv


def test_installed_wheel_ships_the_schema(installed: Path) -> None:
    where = run(
        [
            installed / "bin" / "python",
            "-c",
            "import generator.resources as r; print(r.SCHEMA_FILE)",
        ],
        installed,
    )
    schema = Path(where.stdout.strip())
    assert schema.is_relative_to(installed) and schema.is_file(), where.stderr
    assert schema.read_bytes() == (REPO / "schema" / "plan.schema.json").read_bytes()


def test_installed_console_script_validates_plans_elsewhere(
    installed: Path, tmp_path: Path
) -> None:
    plans = tmp_path / "plans" / "example-county-health"
    plans.mkdir(parents=True)
    shutil.copy(PLAN, plans / "2026.yaml")
    good = run([installed / "bin" / "service-plans", "validate", "--today", TODAY], tmp_path)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "1 plan checked" in good.stdout
    (plans / "2026.yaml").write_text(
        PLAN.read_text("utf-8").replace("level: county", "level: shire")
    )
    bad = run([installed / "bin" / "service-plans", "validate", "--today", TODAY], tmp_path)
    assert bad.returncode == 1
    assert "plans/example-county-health/2026.yaml:" in bad.stdout
    assert "agency.level" in bad.stdout
