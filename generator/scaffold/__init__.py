"""`new AGENCY-ID`: start a plan from the starter file, so an author begins
from something that passes the checks with warnings only, one for each TODO
left, and autocompletes in editors. Nothing is guessed: the level of
government is set only when the id names it plainly (`county-dmv`), and the
publication date is left for the author."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

from generator.errors import UsageError
from generator.resources import SCHEMA_FILE

STARTER = Path(__file__).with_name("starter.yaml")
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Words of an id that name the level of government plainly.
LEVEL_WORDS = {
    "federal": "federal",
    "state": "state",
    "county": "county",
    "city": "municipal",
    "town": "municipal",
    "village": "municipal",
    "municipal": "municipal",
}


def level_from_id(agency_id: str) -> str | None:
    """The level of government the id names, if it names exactly one."""
    named = {LEVEL_WORDS[word] for word in agency_id.split("-") if word in LEVEL_WORDS}
    return named.pop() if len(named) == 1 else None


def _level_lines(agency_id: str) -> str:
    level = level_from_id(agency_id)
    if level is None:
        return "  level: TODO federal, state, county, municipal or other"
    return f"  # `{level}` because the id says so: change it if that is wrong.\n  level: {level}"


def create_plan(agency_id: str, plans_dir: Path, *, today: date) -> Path:
    """Write plans/AGENCY-ID/YEAR.yaml from the starter and return its path.
    Never overwrites an existing file."""
    if not _ID.match(agency_id) or len(agency_id) > 64:
        suggestion = re.sub(r"[^a-z0-9]+", "-", agency_id.lower()).strip("-")
        raise UsageError(
            f"{agency_id!r} is not a valid agency id: use lower-case letters, digits and "
            f"hyphens, such as {suggestion or 'city-parks'!r}."
        )
    folder = plans_dir / agency_id
    path = folder / f"{today.year}.yaml"
    if path.exists():
        raise UsageError(f"{path} already exists; edit it instead.")
    schema = Path(os.path.relpath(SCHEMA_FILE, folder.resolve()))
    text = (
        STARTER.read_text(encoding="utf-8")
        .replace("../../schema/plan.schema.json", schema.as_posix())
        .replace("LEVEL_LINES", _level_lines(agency_id))
        .replace("AGENCY_ID", agency_id)
        .replace("PLAN_PATH", path.as_posix())
        .replace("YEAR", str(today.year))
    )
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
