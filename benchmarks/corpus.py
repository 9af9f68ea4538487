"""Synthetic corpora for the benchmark: N plans made from the example plans,
each with its own agency (id, name, jurisdiction), so sizes, ids and the
search index grow as they would with real agencies."""

from __future__ import annotations

import re
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "plans"
_ID = re.compile(r"^(  id: )(\S+)$", re.M)
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


def make_corpus(folder: Path, count: int) -> list[Path]:
    """Write `count` plans under folder/plans/ and return their paths."""
    examples = example_plans()
    paths = []
    for number in range(count):
        agency_id, text = examples[number % len(examples)]
        new_id = f"bench-{number:05d}-{agency_id.removeprefix('example-')}"
        plan = text.replace(f"id: {agency_id}", f"id: {new_id}", 1)
        plan = _NAME.sub(rf"\g<1>Agency {number:05d} \g<2>", plan, 1)
        plan = _JURISDICTION.sub(rf"\g<1>\g<2> {number:05d}", plan, 1)
        target = folder / "plans" / new_id / "2026.yaml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(plan, encoding="utf-8")
        paths.append(target)
    return paths


def edit_one(path: Path) -> None:
    """Change one promise's text, as a one-plan pull request would."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("promise: ", "promise: (Updated) ", 1), encoding="utf-8")
