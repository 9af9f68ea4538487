"""Synthetic corpora for the benchmark: N plans, each agency with its own
id, name and jurisdiction, so sizes, ids and the search index grow as they
would with real agencies. Made from one of two sources (`CORPORA`):

- "examples", the default: the example plans in force of plans/,
  fictional, which between them use every part of the format (seven to ten
  promises each, with results over many periods): about 25 KB of YAML a
  plan, the benchmark's heavy case;
- "real": the real published plans of tests/real-plans/, each encoded from
  the source it cites (two to nine promises, about 5 KB of YAML with the
  comments quoting the source); an agency's plans (DVLA has two) are
  copied together.

A corpus is written to a folder of the benchmark's and never published."""

from __future__ import annotations

import re
from pathlib import Path

_REPO = Path(__file__).resolve().parent.parent
EXAMPLES = _REPO / "plans"
REAL = _REPO / "tests" / "real-plans"
CORPORA = ("examples", "real")
_NAME = re.compile(r"^(  name: )(.+)$", re.M)
_JURISDICTION = re.compile(r"^(  jurisdiction: )(.+)$", re.M)


def example_plans() -> list[tuple[str, str]]:
    """(agency id, text) of each example plan in force, largest first."""
    found = []
    for path in sorted(EXAMPLES.glob("*/*.yaml")):
        if path.name.count(".") != 1:
            continue
        text = path.read_text(encoding="utf-8")
        if "status: published" in text:
            found.append((path.parent.name, text))
    return sorted(found, key=lambda item: -len(item[1]))


def real_agencies() -> list[tuple[str, list[tuple[str, str]]]]:
    """(agency id, [(file name, text)]) of each agency of tests/real-plans/."""
    return [
        (
            folder.name,
            [
                (path.name, path.read_text(encoding="utf-8"))
                for path in sorted(folder.glob("*.yaml"))
            ],
        )
        for folder in sorted(REAL.iterdir())
        if folder.is_dir()
    ]


def make_corpus(folder: Path, count: int, source: str = "examples") -> list[Path]:
    """Write `count` plans under folder/plans/ and return their paths."""
    if source == "real":
        return _real_corpus(folder, count)
    if source != "examples":
        raise ValueError(f"no corpus {source!r}: one of {', '.join(CORPORA)}")
    examples = example_plans()
    paths = []
    for number in range(count):
        agency_id, text = examples[number % len(examples)]
        new_id = f"bench-{number:05d}-{agency_id.removeprefix('example-')}"
        target = folder / "plans" / new_id / "2026.yaml"
        paths.append(_write(target, _renamed(text, agency_id, new_id, number)))
    return paths


def _real_corpus(folder: Path, count: int) -> list[Path]:
    agencies = real_agencies()
    paths: list[Path] = []
    number = 0
    while len(paths) < count:
        agency_id, files = agencies[number % len(agencies)]
        new_id = f"bench-{number:05d}-{agency_id}"
        for name, text in files[: count - len(paths)]:
            target = folder / "plans" / new_id / name
            paths.append(_write(target, _renamed(text, agency_id, new_id, number)))
        number += 1
    return paths


def _renamed(text: str, agency_id: str, new_id: str, number: int) -> str:
    plan = text.replace(f"id: {agency_id}", f"id: {new_id}", 1)
    plan = _NAME.sub(rf"\g<1>Agency {number:05d} \g<2>", plan, 1)
    return _JURISDICTION.sub(rf"\g<1>\g<2> {number:05d}", plan, 1)


def _write(target: Path, text: str) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


# A `promise:` field, up to where its text starts: after its quote, or on
# the next line for a block (`>-`).
_PROMISE = re.compile(r"^([ \t]+promise: (?:[>|][-+]?\n[ \t]+|[\"']?))", re.M)


def edit_one(path: Path) -> None:
    """Change one promise's text, as a one-plan pull request would: the
    first `promise:` field's."""
    text = path.read_text(encoding="utf-8")
    path.write_text(_PROMISE.sub(r"\g<1>(Updated) ", text, count=1), encoding="utf-8")
