"""Bad input of every kind gives a clear error with a line and a column, and
exit code 1; never a traceback. Each case is bytes written to a file, checked
through the command line as an author would."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load.yaml_source import MAX_BYTES, MAX_DEPTH

# name: (bytes, line, column, words the message must contain)
CASES: dict[str, tuple[bytes, int, int, str]] = {
    "syntax-error": (b"agency:\n  name: [unclosed\n", 2, 9, "does not end with `]` on its line"),
    "comment-in-brackets": (
        b"target: {value: 2 # minutes}\nb: 1\n",
        1,
        9,
        "the `#` in it starts a comment",
    ),
    "unknown-escape": (b'a: "C:\\Files"\n', 1, 7, "`\\F` is not one"),
    "item-beside-key": (b"languages: - en\n", 1, 12, "cannot start on the line of its key"),
    "tab-indentation": (b"agency:\n\tname: x\n", 2, 1, "tab character"),
    "colon-in-text": (
        b"plan:\n  summary: Note: we call back\n",
        2,
        16,
        "colon followed by a space",
    ),
    "bad-indentation": (b"agency:\n  name: a\n id: b\n", 3, 2, "indentation"),
    "duplicate-key": (b"agency:\n  name: a\n  name: b\n", 3, 3, "`name` appears twice"),
    "alias-bomb": (
        b'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: [*c,*c]\n' * 1,
        1,
        4,
        "Anchors and aliases",
    ),
    "undefined-alias": (b"a: *x\n", 1, 4, "reference to another value"),
    "merge-key": (b"a: &x {b: 1}\nc:\n  <<: *x\n", 3, 3, "Merge keys"),
    "byte-order-mark": (b"\xef\xbb\xbfschema_version: '1.0'\n", 1, 1, "byte order mark"),
    "utf-16": ("schema_version: '1.0'\n".encode("utf-16"), 1, 1, "UTF-16"),
    "utf-16-without-bom": ("schema_version: '1.0'\n".encode("utf-16-le"), 1, 1, "UTF-16"),
    "invalid-bytes": (b"a: 1\nb: 2\nc: ab\xffcd\n", 3, 6, "not valid UTF-8"),
    "nul-byte": (b"a: 1\x00\n", 1, 5, "NUL byte"),
    "control-character": (b"a: 1\nb: x\x07y\n", 2, 5, "control character"),
    "empty-file": (b"", 1, 1, "empty"),
    "only-comments": (b"# nothing here\n\n", 1, 1, "empty"),
    "list-at-top": (b"- schema_version: '1.0'\n", 1, 1, "holds a list"),
    "scalar-at-top": (b"hello\n", 1, 1, "holds a single value"),
    "huge-file": (b"a: " + b"x" * MAX_BYTES, 1, 1, "too large"),
    "deep-flow-nesting": (b"a: " + b"[" * 100_000 + b"]" * 100_000, 1, 3 + MAX_DEPTH, "nested"),
    "deep-block-nesting": (
        b"".join(b" " * i + b"k:\n" for i in range(1000)) + b" " * 1000 + b"v\n",
        MAX_DEPTH + 2,
        MAX_DEPTH + 2,
        "nested",
    ),
    "two-documents": (b"a: 1\n---\nb: 2\n", 2, 1, "more than one YAML document"),
    "python-tag": (b"a: !!python/object:os.system x\n", 1, 4, "tag"),
    "custom-tag": (b"a: !include other.yaml\n", 1, 4, "tag"),
    "unclosed-quote": (b'a: "abc\n', 1, 4, "quoted text is never closed"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_gives_a_located_error(name: str, tmp_path: Path, run_cli) -> None:
    raw, line, column, words = CASES[name]
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(raw)
    result = run_cli("validate", path, "--format", "text")
    assert result.code == 1
    first = result.out.splitlines()[0]
    assert first.startswith(f"{path}:{line}:{column}: error: ")
    assert words in first


def test_bad_input_in_json_carries_the_same_fields(tmp_path: Path, run_cli) -> None:
    import json

    path = tmp_path / "dup.yaml"
    path.write_bytes(CASES["duplicate-key"][0])
    result = run_cli("validate", path, "--format", "json")
    report = json.loads(result.out)
    (diagnostic,) = report["diagnostics"]
    assert (diagnostic["line"], diagnostic["column"], diagnostic["severity"]) == (3, 3, "error")
    assert diagnostic["file"] == str(path)
    assert report["summary"] == {"files": 1, "errors": 1, "warnings": 0, "valid": False}


SLIPS = ('"', "'", ":", "- ", "[", "{", "}", "#", "|", ">", "&", "*", "!", "%", "@", "`", "?")
SLIPS += (",", "\\", "\t", " ", "“")


def _slipped(text: str) -> list[str]:
    """The plan with one slip at the start of each line, at the start of each
    value and at the end of each line."""
    lines = text.split("\n")
    out = []
    for number, line in enumerate(lines):
        value_at = line.find(": ") + 2 if ": " in line else len(line) - len(line.lstrip())
        for at in sorted({0, value_at, len(line)}):
            for slip in SLIPS:
                changed = line[:at] + slip + line[at:]
                out.append("\n".join([*lines[:number], changed, *lines[number + 1 :]]))
    return out


def test_every_slip_is_read_or_explained_in_plain_words() -> None:
    """No slip of a character crashes the loader, and none gets libyaml's
    raw words ("did not find expected node content") for a message."""
    from generator.load.yaml_source import load_bytes

    text = (Path(__file__).with_name("cases") / "valid" / "minimal.yaml").read_text("utf-8")
    raw = []
    for slipped in _slipped(text):
        _, problems = load_bytes(slipped.encode(), Path("slip.yaml"))
        for problem in problems:
            assert problem.line >= 1 and problem.column >= 1 and problem.message
            if problem.message.startswith("The file is not valid YAML"):
                raw.append(problem.message)
    assert raw == []
