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
    assert "| **generator overhead over mkdocs alone, cold cache** |" in result.stdout
    assert "| **generator overhead over mkdocs alone, warm cache** |" in result.stdout
    assert "| first visit, heaviest agency page, gzip (KB) |" in result.stdout
    (row,) = json.loads(figures.read_text())
    assert "files rewritten after one edit" in row
    # The overhead pairs each build with the MkDocs run of the same round.
    alone, cold = row["runs"]["alone"], row["runs"]["cold"]
    assert row["generator overhead over mkdocs alone, cold cache"] == cold[0] / alone[0] - 1
    # In processor time too, counting every process of the build.
    alone_cpu, cold_cpu = row["runs"]["alone cpu"], row["runs"]["cold cpu"]
    assert cold_cpu[0] > alone_cpu[0] > 0  # the build counts its MkDocs processes too
    overhead = row["generator overhead over mkdocs alone, cold cache, processor time"]
    assert overhead == cold_cpu[0] / alone_cpu[0] - 1
