"""Builds that meet: two at once over the same folders, and one killed half-way.
Real builds, each a process of its own, as `make site` runs them: the second
waits for the first and says so, the site is exactly one build's output,
what a killed build leaves is inside the build folder (which git ignores) and
cleared by the next build, and a site moved aside by a swap that was stopped
is put back."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from filelock import FileLock, Timeout

import pytest

from generator.build import _swap_in, temporary_folder
from generator.lock import lock_file
from generator.site_config import DEFAULT_DOCS_DIR
from generator.site_state import SiteState
from tests.site.conftest import PLANS, REPO, TODAY


def _build(plans: Path, site: Path, docs: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "generator", "build", str(plans)]
    command += ["--site", str(site), "--docs", str(docs), "--today", TODAY.isoformat()]
    return subprocess.Popen(
        command,
        cwd=REPO,
        env={**os.environ, "SERVICE_PLANS_CACHE": "off"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def _wait_until(condition, what: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def _held(path: Path) -> bool:
    """Whether another process holds the lock file `path`."""
    if not path.exists():
        return False
    lock = FileLock(path)
    try:
        lock.acquire(blocking=False)
    except Timeout:
        return True
    lock.release()
    return False


def test_a_second_build_waits_for_the_first_and_the_site_is_one_builds(tmp_path: Path) -> None:
    site, docs = tmp_path / "site", tmp_path / "build" / "docs"
    small = tmp_path / "small"
    shutil.copytree(PLANS / "example-county-health", small / "example-county-health")
    first = _build(PLANS, site, docs)
    _wait_until(lambda: _held(lock_file(docs.resolve())), "the first build to take its lock")
    second = _build(small, site, docs)
    outcomes = [process.communicate(timeout=300) for process in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], outcomes
    assert f"Another build is writing {docs.resolve()}: waiting for it" in outcomes[1][1]
    # The site is the second build's, whole: its one agency, every page there.
    assert "from 1 plan of 1 agency" in outcomes[1][0]
    agencies = site / "agencies"
    assert sorted(p.name for p in agencies.iterdir() if p.is_dir()) == ["example-county-health"]
    assert (site / "es" / "agencies" / "example-county-health" / "index.html").is_file()
    assert not list(tmp_path.glob(".site-*"))


def test_a_killed_build_leaves_nothing_beside_the_site_and_the_next_clears_it(
    tmp_path: Path,
) -> None:
    site, docs = tmp_path / "site", tmp_path / "build" / "docs"
    work = temporary_folder(docs, site)
    assert work.parent == docs.parent.resolve()
    killed = _build(PLANS, site, docs)
    _wait_until(lambda: work.is_dir() and any(work.iterdir()), "the build to make its site")
    os.killpg(killed.pid, signal.SIGKILL)
    killed.communicate(timeout=60)
    assert not list(tmp_path.glob(".site-*"))
    assert any(work.iterdir())  # what it left is in the build folder
    done = _build(PLANS, site, docs)
    out, err = done.communicate(timeout=300)
    assert done.returncode == 0, err
    assert not any(work.iterdir())
    assert (site / "index.html").is_file()


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _pages(files: dict[str, bytes]) -> dict[str, bytes]:
    """The files but the search index's, whose bytes differ from run to run."""
    return {path: data for path, data in files.items() if "/pagefind/" not in f"/{path}"}


def _small_site(tmp_path: Path) -> tuple[Path, Path, Path]:
    """One agency's plans, and the site and docs tree a build made of them."""
    site, docs = tmp_path / "site", tmp_path / "build" / "docs"
    small = tmp_path / "small"
    shutil.copytree(PLANS / "example-county-health", small / "example-county-health")
    _build_ok(small, site, docs)
    return small, site, docs


def _build_ok(plans: Path, site: Path, docs: Path) -> None:
    done = _build(plans, site, docs)
    out, err = done.communicate(timeout=300)
    assert done.returncode == 0, err


def _build_with_an_error(plans: Path, site: Path, docs: Path) -> str:
    """A build of `plans` with an error in one plan, which is then mended;
    the build's error output."""
    plan = next(plans.glob("*/*.yaml"))
    good = plan.read_text(encoding="utf-8")
    plan.write_text(good.replace("schema_version:", "schema_versio:", 1), encoding="utf-8")
    try:
        failed = _build(plans, site, docs)
        out, err = failed.communicate(timeout=300)
    finally:
        plan.write_text(good, encoding="utf-8")
    assert failed.returncode == 1, (out, err)
    return err


def test_a_build_stopped_in_the_middle_of_its_swap_leaves_the_site_as_it_was(
    tmp_path: Path,
) -> None:
    """What a build killed between the two renames of its swap leaves: the
    published site moved aside in the build folder, the new one beside it,
    no site, no record of the last build. The next build puts the site back
    before anything else, even when it fails on a plan's error."""
    small, site, docs = _small_site(tmp_path)
    published = _files(site)
    work = temporary_folder(docs, site)
    (work / "site-new-killed").mkdir(parents=True)
    (work / "site-new-killed" / "index.html").write_text("half a new site", encoding="utf-8")
    SiteState(docs, site).take()
    site.rename(work / "site-old-killed")

    err = _build_with_an_error(small, site, docs)
    assert "These plans have errors, so the site was not built" in err
    assert _files(site) == published

    _build_ok(small, site, docs)
    assert _pages(_files(site)) == _pages(published)
    assert not any(work.glob("site-*"))


def test_a_removed_site_is_not_brought_back(tmp_path: Path) -> None:
    """The published site of an earlier build, left in the build folder
    after the new one took its place (a build killed just after its swap),
    is not put back when someone has removed the site since: a build that
    fails leaves no site, and the next one clears it."""
    small, site, docs = _small_site(tmp_path)
    work = temporary_folder(docs, site)
    site.rename(work / "site-old-left")
    _build_with_an_error(small, site, docs)
    assert not site.exists()
    _build_ok(small, site, docs)
    assert (site / "index.html").is_file()
    assert not any(work.glob("site-*"))


def test_a_swap_that_cannot_move_the_new_site_in_puts_the_published_one_back(
    tmp_path: Path,
) -> None:
    site, work = tmp_path / "site", tmp_path / "work"
    site.mkdir()
    work.mkdir()
    (site / "index.html").write_text("published", encoding="utf-8")
    with pytest.raises(FileNotFoundError):
        _swap_in(work / "gone", site, work, keep=True)
    assert _files(site) == {"index.html": b"published"}
    assert not any(work.iterdir())


def test_the_build_folder_of_make_site_is_ignored_by_git() -> None:
    work = temporary_folder(DEFAULT_DOCS_DIR, REPO / "site")
    for path in (work / "site-new-abc123", lock_file(REPO / "site"), lock_file(DEFAULT_DOCS_DIR)):
        relative = path.relative_to(REPO).as_posix()
        ignored = subprocess.run(["git", "check-ignore", "-q", relative], cwd=REPO, check=False)
        assert ignored.returncode == 0, f"{relative} is not ignored by git"


def test_the_preview_rebuilds_only_after_a_build_of_the_same_site(tmp_path: Path, capsys) -> None:
    """`make preview` beside `make site`: the preview's rebuild waits for
    the build that holds the docs tree and the site, says so, and then
    writes both whole (never the build's pages and its own mixed)."""
    from generator.preview import rebuild

    site, docs = tmp_path / "site", tmp_path / "build" / "docs"
    small = tmp_path / "small"
    shutil.copytree(PLANS / "example-county-health", small / "example-county-health")
    build = _build(PLANS, site, docs)
    _wait_until(lambda: _held(lock_file(docs.resolve())), "the build to take its lock")
    assert rebuild([small], today=TODAY, site_dir=site, docs_dir=docs)
    out, err = build.communicate(timeout=60)
    assert build.returncode == 0, err
    assert "Another build is writing" in capsys.readouterr().err
    assert sorted(p.name for p in (docs / "agencies").iterdir() if p.is_dir()) == [
        "example-county-health"
    ]
    assert sorted(p.name for p in (site / "agencies").iterdir() if p.is_dir()) == [
        "example-county-health"
    ]
