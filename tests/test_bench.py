"""The benchmark keeps working: CI runs it at a tiny size (the figures come
from `make bench`, not from here)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import REPO


def test_bench_runs_at_a_tiny_size(tmp_path) -> None:
    figures = tmp_path / "figures.json"
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench", "--sizes", "2", "--repeat", "1",
         "--json", str(figures)],
        cwd=REPO, capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert "command: python -m benchmarks.bench --sizes 2 --repeat 1 --json " in result.stdout
    assert "| **validate / check-jsonschema, one plan** |" in result.stdout
    assert "| site updated after a one-plan edit (s) |" in result.stdout
    assert "| **one-plan edit / cold build** |" in result.stdout
    assert "| per plan, beyond the theme's assets (KB) |" in result.stdout
    assert "| first visit, heaviest agency page, gzip (KB) |" in result.stdout
    assert "overhead" not in result.stdout  # retired: the figures are end to end
    (row,) = json.loads(figures.read_text())
    # Each edit is paired with the cold build of its own round.
    cold, edits = row["runs"]["cold"], row["runs"]["edit"]
    assert len(edits) == 5 * len(cold)
    assert row["one-plan edit / cold build"] == sorted(e / cold[0] for e in edits)[2]
    # Processor time counts every process of the build (MkDocs, Pagefind).
    assert row["runs"]["cold cpu"][0] > 0


def test_the_real_corpus_is_the_real_plans_under_new_names(tmp_path) -> None:
    """`--corpus real`: copies of tests/real-plans/, each agency's plans
    together, in which only the agency's id, name and jurisdiction differ
    from the published plan's; they check without an error, before and
    after the benchmark's edit."""
    import difflib

    from benchmarks.corpus import REAL, edit_one, make_corpus

    paths = make_corpus(tmp_path, 12, "real")
    assert len(paths) == 12
    # The nine agencies' ten plans, then DVLA's two again, together.
    assert len({p.parent.name for p in paths}) == 10
    for path in paths:
        original = REAL / path.parent.name.split("-", 2)[2] / path.name
        changed = [
            line
            for line in difflib.ndiff(
                original.read_text(encoding="utf-8").splitlines(),
                path.read_text(encoding="utf-8").splitlines(),
            )
            if line.startswith("+ ")
        ]
        assert 1 <= len(changed) <= 3, changed
        assert all(
            line.lstrip("+ ").startswith(("id: ", "name: ", "jurisdiction: ")) for line in changed
        ), changed
    edit_one(paths[0])
    assert "(Updated) " in paths[0].read_text(encoding="utf-8")
    validate = [sys.executable, "-m", "generator", "validate", "--today", "2026-11-23"]
    result = subprocess.run(
        [*validate, str(tmp_path / "plans")], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert "12 plans checked: 0 errors" in result.stdout + result.stderr


def test_the_benchmark_says_which_corpus_it_measured(tmp_path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench", "--sizes", "3", "--no-build",
         "--no-validate", "--corpus", "real"],
        cwd=REPO, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert "; corpus: real; command: python -m benchmarks.bench" in result.stdout
