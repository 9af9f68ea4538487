"""The check that needs to know where a plan is: a plan in an agency's folder
of a plans folder (`PLANS/AGENCY-ID/FILE.yaml`) has that folder's name as its
agency id. Otherwise one agency could publish, from its own folder (which its
team reviews), a plan that the site shows as another agency's. Where files
may be at all is said by discovery (load/discover.py)."""

from __future__ import annotations

from typing import Any

from generator.check.finding import Finding


def folder_findings(data: Any, folder: str, file_name: str) -> list[Finding]:
    """An error when the plan's `agency.id` is not `folder`, the name of the
    agency folder it is in."""
    agency = data.get("agency") if isinstance(data, dict) else None
    ident = agency.get("id") if isinstance(agency, dict) else None
    if not isinstance(ident, str) or ident == folder:
        return []
    return [
        Finding(
            ("agency", "id"),
            f"The agency id `{ident}` does not match the folder name `{folder}`: the plans in "
            "an agency's folder are that agency's.",
            f"If this is the plan of `{folder}`, set the id to `{folder}`; if it is the plan of "
            f"`{ident}`, move it to its own folder, {ident}/{file_name}.",
            rule="folder-name",
        )
    ]
