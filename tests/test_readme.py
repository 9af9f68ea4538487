"""The README's promises are checked: its example output is what the checker
prints, and the commands it names exist."""

from __future__ import annotations

import re
import shlex

from tests.conftest import REPO, TODAY

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_readme_example_output_is_real(run_cli, monkeypatch) -> None:
    block = re.search(r"```text\n\$ (.+?)\n(.+?)```", README, re.S)
    assert block is not None
    command, expected = block.group(1), block.group(2)
    args = shlex.split(command)
    assert args[:3] == [".venv/bin/python", "-m", "generator"]
    monkeypatch.chdir(REPO)
    result = run_cli(*args[3:], "--today", TODAY)
    assert result.out == expected


def test_readme_names_the_two_commands_that_exist() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    for target in ("site", "test"):
        assert f"make {target}" in README
        assert re.search(rf"^{target}:", makefile, re.M)
    assert "make test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")
