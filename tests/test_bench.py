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
