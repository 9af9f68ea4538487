"""The mark the starter plan leaves where the agency's own words or values
go: the placeholder rule warns about text that holds it, and the schema
check about fields that need a real value (a date, a level of government)."""

from __future__ import annotations

PLACEHOLDER = "TODO"
PLACEHOLDER_MESSAGE = "This text still contains TODO from the starter plan."
