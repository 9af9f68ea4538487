"""schema.org data for an agency page, as JSON-LD written inline in the page:
the agency as a `GovernmentOrganization`, each channel once as a
`ServiceChannel` (how to reach it), and each service as a `GovernmentService`
whose `availableChannel`s point at those channels by id, with a
`processingTime` wherever a promise or a service level sets a time.

Ids are relative to the page (`#organization`, `#channel-ID`): JSON-LD
resolves them against the page's address, and a page with many services
does not repeat its address and its channels' details in every one."""

from __future__ import annotations

import math
from typing import Any

from generator.model.records import Channel, Duration, Plan, Service
from generator.render.messages import Messages

# Rough lengths, in seconds, only to pick the longest of several times.
_SECONDS = {
    "seconds": 1,
    "minutes": 60,
    "hours": 3600,
    "calendar-days": 86400,
    "days": 86400,
    "weeks": 7 * 86400,
    "months": 30 * 86400,
    "years": 365 * 86400,
}
_ISO = {
    "seconds": "PT{}S",
    "minutes": "PT{}M",
    "hours": "PT{}H",
    "calendar-days": "P{}D",
    "days": "P{}D",
    "weeks": "P{}W",
    "months": "P{}M",
    "years": "P{}Y",
}


def agency_json_ld(plan: Plan, messages: Messages) -> dict[str, Any]:
    agency = plan.agency
    officer, contact = agency.officer, agency.contact
    organization: dict[str, Any] = {
        "@type": "GovernmentOrganization",
        "@id": "#organization",
        "name": agency.name,
        "areaServed": agency.jurisdiction,
    }
    organization.update(
        _compact(
            {
                "url": agency.website,
                "employee": _compact(
                    {
                        "@type": "Person",
                        "name": officer.name,
                        "jobTitle": officer.title,
                        "email": officer.email,
                        "telephone": officer.phone,
                    }
                )
                if officer
                else None,
                "alternateName": agency.short_name,
                "description": agency.description,
                "telephone": contact.phone if contact else None,
                "faxNumber": contact.fax if contact else None,
                "email": contact.email if contact else None,
                "address": _address(contact.address if contact else None),
                "parentOrganization": {"@type": "GovernmentOrganization", "name": agency.parent}
                if agency.parent
                else None,
            }
        )
    )
    channels = [_channel(channel) for channel in plan.channels]
    services = [_service(plan, service, messages) for service in plan.services]
    return {"@context": "https://schema.org", "@graph": [organization, *channels, *services]}


def _service(plan: Plan, service: Service, messages: Messages) -> dict[str, Any]:
    return _compact(
        {
            "@type": "GovernmentService",
            "@id": f"#service-{service.id}",
            "name": service.name,
            "description": service.description,
            "serviceType": str(messages.label("category", service.category))
            if service.category
            else None,
            "url": service.url,
            "provider": {"@id": "#organization"},
            "availableChannel": [
                _channel_for(plan, service, channel) for channel in service.channels
            ],
        }
    )


def _channel(channel: Channel) -> dict[str, Any]:
    """A channel, once: how to use it. (Its description is on the page.)"""
    return _compact(
        {
            "@type": "ServiceChannel",
            "@id": f"#channel-{channel.id}",
            "name": channel.name,
            "serviceUrl": channel.url,
            "servicePhone": {"@type": "ContactPoint", "telephone": channel.phone}
            if channel.phone
            else None,
            "servicePostalAddress": _address(channel.address),
            "availableLanguage": list(channel.languages) or None,
        }
    )


def _channel_for(plan: Plan, service: Service, channel: Channel) -> dict[str, Any]:
    """The channel as offered for one service: where the service sets a time
    through it, a node of its own with that time and where the page
    describes the channel (`url`, the anchor of the channel's own node, which
    has its name and contacts), not the channel's id, which would merge every
    service's time into the one channel; else the channel itself, by id."""
    time = processing_time(plan, service, channel)
    if time is None:  # nothing of its own: the channel itself
        return {"@id": f"#channel-{channel.id}"}
    return {
        "@type": "ServiceChannel",
        "url": f"#channel-{channel.id}",
        "processingTime": iso_duration(time),
    }


def processing_time(plan: Plan, service: Service, channel: Channel) -> Duration | None:
    """The longest time the plan promises for this service on this channel:
    from a promise with a time target, or a service level's resolution (or,
    without one, its status message) time."""
    times = [
        Duration(target.value, target.unit)
        for s in plan.standards
        if s.service is service
        for target in s.targets
        if channel in (target.channels or s.channels)
        and target.unit in (*_SECONDS, "business-days")
    ]
    for level in plan.service_levels:
        time = level.resolution or level.status_message
        if level.service is service and channel in level.channels and time is not None:
            times.append(Duration(time.value, time.unit))
    return max(times, key=_seconds, default=None)


def iso_duration(duration: Duration) -> str:
    """An ISO 8601 duration; business days are counted as calendar days."""
    value, unit = _calendar(duration)
    number = f"{value:g}" if isinstance(value, float) else str(value)
    return _ISO[unit].format(number)


def _seconds(duration: Duration) -> float:
    value, unit = _calendar(duration)
    return value * _SECONDS[unit]


def _calendar(duration: Duration) -> tuple[float, str]:
    """A business day count as the calendar days it can span at most: a
    weekend for every five business days started."""
    if duration.unit == "business-days":
        return duration.value + 2 * math.ceil(duration.value / 5), "calendar-days"
    return duration.value, duration.unit


def _address(text: str | None) -> dict[str, Any] | None:
    return {"@type": "PostalAddress", "streetAddress": text} if text else None


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value is not None and value != []}
