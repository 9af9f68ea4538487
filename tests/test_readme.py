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


def test_contributing_quotes_messages_the_checker_says() -> None:
    """Each message in CONTRIBUTING's table of common problems is the start
    of a message one of the example files gets (tests/check/messages.yaml);
    `...` stands for any value."""
    import yaml

    contributing = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    table = contributing.split("| The check says | What to do |")[1].split("\n\n")[0]
    quoted = [row.split(" | ")[0].removeprefix("| ") for row in table.splitlines()[2:]]
    said = yaml.safe_load((REPO / "tests" / "check" / "messages.yaml").read_text("utf-8"))
    messages = [entry["message"] for entries in said.values() for entry in entries]
    # The last row is what `owners` says, not `validate`.
    for message in quoted[:-1]:
        pattern = re.escape(message.rstrip(".")).replace(re.escape("..."), ".*?")
        assert any(re.match(pattern, m) for m in messages), message
