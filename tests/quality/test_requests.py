"""While each page loads, in every view, the browser asks nothing of any host
but the site's own (no fonts, scripts, styles, images or counters from
elsewhere), every request succeeds and no script fails."""

from __future__ import annotations

from urllib.parse import urlsplit

from tests.quality.browse import Record
from tests.quality.serve import SiteServer

# Addresses that are not requests to anyone.
LOCAL_SCHEMES = ("data", "blob")


def foreign(url: str, own: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme not in LOCAL_SCHEMES and parts.netloc != own


def test_no_request_to_another_host(walk: Record, server: SiteServer) -> None:
    print(f"\nrequests: {len(walk.requests)} while {walk.pages} pages loaded at two sizes")
    assert walk.requests, "no request was recorded: the recording is broken"
    others = [event for event in walk.requests if foreign(event.detail, server.netloc)]
    assert not others, "Requests to other hosts:\n" + "\n".join(map(str, others[:40]))


def test_every_request_succeeds(walk: Record) -> None:
    assert not walk.failed, "Failed requests:\n" + "\n".join(map(str, walk.failed[:40]))


def test_no_script_error(walk: Record) -> None:
    assert not walk.script_errors, "Script errors:\n" + "\n".join(map(str, walk.script_errors[:40]))


def test_foreign_is_told_apart() -> None:
    own = "127.0.0.1:8000"
    assert foreign("https://fonts.googleapis.com/css?family=Roboto", own)
    assert foreign("http://127.0.0.1:8001/service-plans/", own)
    assert not foreign("http://127.0.0.1:8000/service-plans/assets/x.css", own)
    assert not foreign("data:image/svg+xml;base64,AAAA", own)
