"""The strict YAML loader.

Plans come from pull requests, so the loader trusts nothing:

* it reads bytes, refuses files over `MAX_BYTES`, byte order marks, UTF-16 and
  bytes that are not UTF-8, each with the line and column of the problem;
* it parses with libyaml's C parser when PyYAML has it, and never constructs
  arbitrary objects: it builds plain dicts, lists, strings, numbers, booleans
  and None itself from the composed node tree, which it keeps so that every
  value can be traced back to its line and column;
* only `true` and `false` are booleans (`yes`, `no`, `on`, `off` stay text),
  dates stay text, and numbers follow YAML 1.2 (no octal, no sexagesimal);
* duplicate keys, anchors and aliases, explicit tags and nesting deeper than
  `MAX_DEPTH` are refused;
* a syntax error is explained where the author went wrong (`load/syntax.py`),
  and values YAML reads otherwise than meant, such as text after ` #`, are
  kept as warnings on the document (`load/pitfalls.py`).

Problems are returned as `LoadProblem` values, never raised at the caller.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.load.lines import quoted_on_line
from generator.load.pitfalls import Pitfall, find_pitfalls
from generator.load.quoting import quoted
from generator.load.syntax import explain

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 64
# Nesting below this bound cannot reach MAX_DEPTH, so the exact (slower) depth
# scan only runs on unusual files. libyaml's composer recurses in C and crashes
# the interpreter on nesting around 20,000 levels deep, which is why depth is
# measured before composing.
_CHEAP_DEPTH_BOUND = 4000

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"


class _StrictResolver(yaml.resolver.BaseResolver):
    """YAML 1.2 core-schema scalars, minus the surprises of YAML 1.1: the
    implicit resolvers below, and none of PyYAML's."""


_StrictResolver.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|false)$"), list("tf"))
_StrictResolver.add_implicit_resolver(_NULL, re.compile(r"^(?:~|null|)$"), ["~", "n", ""])
_StrictResolver.add_implicit_resolver(_INT, re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_StrictResolver.add_implicit_resolver(
    _FLOAT,
    re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)

# PyYAML's base loader (no constructors, no implicit resolvers) with ours:
# libyaml's C parser and composer where PyYAML was built with it.
_BaseLoader = yaml.CBaseLoader if yaml.__with_libyaml__ else yaml.BaseLoader


class _Loader(_BaseLoader, _StrictResolver):  # type: ignore[misc, valid-type]
    """Parses and composes; the nodes are turned into values by `_construct`."""


@dataclass(frozen=True, slots=True)
class LoadProblem:
    """A reason the file could not be read as a plan. Lines and columns from 1."""

    line: int
    column: int
    message: str
    hint: str = ""


@dataclass(slots=True)
class Document:
    """A parsed YAML file: its plain data, the node tree it came from, and
    the values YAML read otherwise than their author probably meant."""

    path: Path
    data: Any
    root: Node | None
    pitfalls: list[Pitfall] = field(default_factory=list)


class _Refused(Exception):
    """Internal: carries a LoadProblem out of the recursive construction."""

    def __init__(self, problem: LoadProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def load_file(path: Path) -> tuple[Document | None, list[LoadProblem]]:
    """Read and parse one YAML file. Returns the document, or None and the
    problems that stopped it from being read."""
    if path.is_symlink():  # also where the system cannot open without following links
        return None, [_LINK]
    try:
        raw = _read(path)
    except _Refused as refused:
        return None, [refused.problem]
    except OSError as error:
        if error.errno == errno.ELOOP:
            return None, [_LINK]
        return None, [LoadProblem(1, 1, f"The file could not be read: {error.strerror}.")]
    return load_bytes(raw, path)


_LINK = LoadProblem(
    1,
    1,
    "This is a link to another file; plans are read only from real files, and links "
    "are not followed.",
    "Replace the link with a copy of the file itself, or remove it.",
)


def _read(path: Path) -> bytes:
    """The file's bytes, opened without following a link (so a link's target
    is never read), and only if it is a regular file of at most MAX_BYTES."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    handle = os.open(path, flags)
    with os.fdopen(handle, "rb") as file:
        status = os.fstat(file.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise _Refused(LoadProblem(1, 1, "This is not a regular file.", "Name a plan file."))
        if status.st_size > MAX_BYTES:
            raise _Refused(_too_big(status.st_size))
        return file.read(MAX_BYTES + 1)


def load_bytes(raw: bytes, path: Path) -> tuple[Document | None, list[LoadProblem]]:
    """Parse YAML bytes that claim to come from `path`."""
    if len(raw) > MAX_BYTES:
        return None, [_too_big(len(raw))]
    text, problem = _decode(raw)
    if problem is not None:
        return None, [problem]
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        return None, [
            LoadProblem(
                1,
                1,
                "The file is empty.",
                "Start from a valid plan: run `python -m generator new AGENCY-ID`.",
            )
        ]
    try:
        _check_depth(text)
        root = _compose(text)
        data = _construct(root, depth=0, seen=set()) if root is not None else None
        if "&" in text and (text.startswith("&") or _MAYBE_ANCHOR.search(text)):
            _refuse_anchors(text)
    except _Refused as refused:
        return None, [refused.problem]
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(error, text)]
    except yaml.reader.ReaderError as error:
        return None, [_reader_problem(error, text)]
    except yaml.YAMLError as error:
        return None, [LoadProblem(1, 1, f"The file is not valid YAML: {error}.")]
    return Document(path=path, data=data, root=root, pitfalls=find_pitfalls(text, root)), []


def _too_big(size: int) -> LoadProblem:
    return LoadProblem(
        1,
        1,
        f"The file is too large ({size:,} bytes; plans may be at most {MAX_BYTES:,} bytes).",
        "Split the results of past years into the plan of those years.",
    )


def _decode(raw: bytes) -> tuple[str, LoadProblem | None]:
    if raw.startswith(b"\xef\xbb\xbf"):
        return "", LoadProblem(
            1,
            1,
            "The file starts with a byte order mark (BOM).",
            "Save it as UTF-8 without BOM (most editors offer this under 'Save with encoding').",
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(raw) > 1 and b"\x00" in raw[:4]):
        return "", LoadProblem(1, 1, "The file is encoded as UTF-16.", "Save it as UTF-8 instead.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return "", LoadProblem(
            line,
            column,
            f"The file is not valid UTF-8: byte 0x{raw[error.start]:02x} cannot start a "
            "character here.",
            "Save the file as UTF-8. Text pasted from a word processor sometimes brings "
            "characters in another encoding.",
        )
    if "\x00" in text:
        offset = text.index("\x00")
        line = text.count("\n", 0, offset) + 1
        return "", LoadProblem(
            line, offset - (text.rfind("\n", 0, offset) + 1) + 1, "The file contains a NUL byte."
        )
    return text, None


def _check_depth(text: str) -> None:
    bound = text.count("[") + text.count("{") + text.count("\n") + text.count("- ") + 2
    if bound < _CHEAP_DEPTH_BOUND:
        return
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                raise _Refused(
                    LoadProblem(
                        mark.line + 1,
                        mark.column + 1,
                        f"Values are nested more than {MAX_DEPTH} levels deep.",
                        "A plan needs only a few levels: check the indentation.",
                    )
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


# `&` where a value can start: the sign of an anchor, which the node tree does
# not record (an anchor that no alias uses would silently drop its word).
_MAYBE_ANCHOR = re.compile(r"[\s\[{,:-]&\S")


def _refuse_anchors(text: str) -> None:
    for event in yaml.parse(text, Loader=_Loader):
        anchor = getattr(event, "anchor", None)
        if anchor is None or isinstance(event, yaml.AliasEvent):
            continue
        mark = event.start_mark
        hint = "Remove it, and write each value out in full where it is needed."
        if isinstance(event, yaml.ScalarEvent):
            written = quoted_on_line(text, mark.line, f"&{anchor} {event.value}")
            hint = f"If it is part of the text, put the whole value in quotes: {written}"
        raise _Refused(
            LoadProblem(
                mark.line + 1,
                mark.column + 1,
                f"`&{anchor}` is a YAML anchor, which plans do not allow: YAML takes it as a "
                "name for the value, not as text.",
                hint,
            )
        )


def _compose(text: str) -> Node | None:
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _position(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _refuse(node: Node, message: str, hint: str = "") -> _Refused:
    line, column = _position(node)
    return _Refused(LoadProblem(line, column, message, hint))


def _construct(node: Node, depth: int, seen: set[int]) -> Any:
    if id(node) in seen:
        raise _refuse(
            node,
            "Anchors and aliases (& and *) are not allowed in plans.",
            "Write the value out in full where it is needed.",
        )
    seen.add(id(node))
    if depth > MAX_DEPTH:
        raise _refuse(node, f"Values are nested more than {MAX_DEPTH} levels deep.")
    if isinstance(node, ScalarNode):
        return _scalar(node)
    if isinstance(node, SequenceNode):
        if node.tag != _SEQ:
            raise _tag_refused(node)
        return [_construct(item, depth + 1, seen) for item in node.value]
    if isinstance(node, MappingNode):
        return _mapping(node, depth, seen)
    raise _refuse(node, "This kind of YAML value is not allowed in plans.")  # pragma: no cover


def _mapping(node: MappingNode, depth: int, seen: set[int]) -> dict[str, Any]:
    if node.tag != _MAP:
        raise _tag_refused(node)
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode) or key_node.tag == _NULL:
            raise _refuse(key_node, "Keys must be plain words, such as `name:`.")
        if key_node.tag == "tag:yaml.org,2002:merge" or key_node.value == "<<":
            raise _refuse(
                key_node,
                "Merge keys (<<) are not allowed in plans.",
                "Write the fields out in full.",
            )
        key = key_node.value
        if key in result:
            raise _refuse(
                key_node,
                f"The key `{key}` appears twice in the same place.",
                "Keep one of them: YAML would silently drop the first.",
            )
        result[key] = _construct(value_node, depth + 1, seen)
    return result


def _scalar(node: ScalarNode) -> Any:
    tag, value = node.tag, node.value
    if tag == _STR:
        return value
    if tag == _INT:
        return int(value)
    if tag == _FLOAT:
        return float(value)
    if tag == _BOOL:
        return value == "true"
    if tag == _NULL:
        return None
    raise _tag_refused(node)


def _tag_refused(node: Node) -> _Refused:
    hint = "Remove the tag (the word starting with !) and write a plain value."
    if isinstance(node, ScalarNode) and node.tag.startswith("!") and node.value:
        hint += (
            f" If it is part of the text, put the whole value in quotes: "
            f"{quoted(f'{node.tag} {node.value}')}."
        )
    return _refuse(node, f"The YAML tag `{node.tag}` is not allowed in plans.", hint)


def _reader_problem(error: yaml.reader.ReaderError, text: str) -> LoadProblem:
    offset = max(0, min(error.position, len(text)))
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return LoadProblem(
        line,
        column,
        f"The file contains an invisible control character (U+{error.character:04X}).",
        "Delete it; it often comes with text pasted from another program.",
    )


def _syntax_problem(error: yaml.MarkedYAMLError, text: str) -> LoadProblem:
    return LoadProblem(*explain(error, text))
