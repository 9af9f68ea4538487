"""`new AGENCY-ID`: start a valid plan from the starter file, so an author
begins from something that passes the checks and autocompletes in editors."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

from generator.errors import UsageError
from generator.resources import SCHEMA_FILE

STARTER = Path(__file__).with_name("starter.yaml")
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


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
        .replace("AGENCY_ID", agency_id)
        .replace("PLAN_PATH", path.as_posix())
        .replace("YEAR", str(today.year))
        .replace("TODAY", today.isoformat())
    )
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
