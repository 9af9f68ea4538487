"""Rules about how to reach the agency: each channel gives what a customer
needs to use it, and no contact field holds a placeholder instead of a value.

In format 1.0 a channel without its number or address is an error. Format
2.0 carries real plans that do not give one, so there it is a warning: the
site shows the channel as the plan gives it, and never makes one up."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.check.finding import Finding
from generator.check.placeholders import is_placeholder, placeholder_finding
from generator.check.rules import CHANNEL_CONTACT, PlanView, records, rule, section, warning

Path = tuple[Any, ...]
CONTACT_FIELDS = ("phone", "fax", "email", "url", "address")


@rule("channel-contact")
def channel_contact(plan: PlanView) -> Iterator[Finding]:
    for index, channel in records(plan.data, "channels"):
        kind = channel.get("type")
        needed = CHANNEL_CONTACT.get(kind) if isinstance(kind, str) else None
        if not needed or needed in channel:
            continue
        message = f"{_article(str(kind))} {kind} channel needs `{needed}` so customers can use it."
        if plan.first_format:
            yield Finding(("channels", index), message, f"Add `{needed}:` to this channel.", True)
        else:
            yield warning(
                ("channels", index),
                f"{_article(str(kind))} {kind} channel without `{needed}`: customers cannot use "
                "it from this plan.",
                f"Add `{needed}:` if the agency publishes one; the site shows that the plan gives "
                "none.",
            )


def _article(word: str) -> str:
    """ "An" before a vowel sound (email, in-person), "A" otherwise (phone, 311)."""
    return "An" if word[:1] in "aeio" else "A"


@rule("contact-placeholders")
def contact_placeholders(plan: PlanView) -> Iterator[Finding]:
    for path, value in _contact_values(plan.data):
        if is_placeholder(value):
            yield placeholder_finding(path, value)


def _contact_values(data: dict[str, Any]) -> Iterator[tuple[Path, Any]]:
    agency = section(data, "agency")
    if "website" in agency:
        yield ("agency", "website"), agency["website"]
    yield from _fields(section(agency, "contact"), ("agency", "contact"), CONTACT_FIELDS)
    officer = section(agency, "customer_service_officer")
    yield from _fields(officer, ("agency", "customer_service_officer"), ("name", "email", "phone"))
    for index, channel in records(data, "channels"):
        yield from _fields(channel, ("channels", index), CONTACT_FIELDS)
    escalation = section(data, "complaints").get("escalation")
    if isinstance(escalation, dict):
        yield from _fields(escalation, ("complaints", "escalation"), CONTACT_FIELDS)
    for index, body in records(section(data, "complaints"), "escalation"):
        yield from _fields(body, ("complaints", "escalation", index), CONTACT_FIELDS)
    for index, service in records(data, "services"):
        yield from _fields(service, ("services", index), ("url",))


def _fields(
    record: dict[str, Any], path: Path, names: tuple[str, ...]
) -> Iterator[tuple[Path, Any]]:
    for name in names:
        if name in record:
            yield (*path, name), record[name]
