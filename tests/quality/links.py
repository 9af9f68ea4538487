"""Every address and fragment in the built site's HTML, resolved offline to
the file and the element it points at. Addresses outside the site (the
agencies' websites) are left alone: checking them needs the network."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import SplitResult, unquote, urljoin, urlsplit

# The attributes through which a page points at another address.
URL_ATTRIBUTES = {"href", "src", "srcset", "poster", "action", "formaction", "cite", "data"}
NOT_FETCHED = ("mailto:", "tel:", "sms:", "data:", "blob:")


@dataclass
class PageLinks:
    urls: list[tuple[str, str, str]] = field(default_factory=list)  # tag, attribute, value
    ids: set[str] = field(default_factory=set)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found = PageLinks()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.found.ids.add(value)
            elif name == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.found.urls.append((tag, name, candidate.split()[0]))
            elif name in URL_ATTRIBUTES:
                self.found.urls.append((tag, name, value))

    handle_startendtag = handle_starttag


@cache
def read(path: Path) -> PageLinks:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    collector.close()
    return collector.found


def broken_links(root: Path, site_url: str) -> list[str]:
    """Every link in every HTML file under `root` that does not resolve, as
    `page: <tag attribute=value>: why`."""
    site = urlsplit(site_url)
    problems = []
    for page in sorted(root.rglob("*.html")):
        relative = page.relative_to(root).as_posix()
        page_url = urljoin(site_url, relative.removesuffix("index.html"))
        for tag, attribute, value in read(page).urls:
            why = _check(root, site, urljoin(page_url, value.strip()))
            if why:
                problems.append(f"{relative}: <{tag} {attribute}={value!r}>: {why}")
    return problems


def _check(root: Path, site: SplitResult, url: str) -> str | None:
    if url.startswith("javascript:"):
        return "a javascript: address"
    if url.startswith(NOT_FETCHED):
        return None
    parts = urlsplit(url)
    inside = (parts.scheme, parts.netloc) == (site.scheme, site.netloc)
    if not inside or not parts.path.startswith(site.path):
        return None  # the agencies' own websites: checking them needs the network
    target = _file(root, PurePosixPath(unquote(parts.path[len(site.path) :])))
    if target is None:
        return "no such page or file in the site"
    fragment = unquote(parts.fragment)
    if not fragment:
        return None
    if target.suffix != ".html":
        return f"#{fragment} on a file that is not a page"
    if fragment not in read(target).ids:
        return f"no element with id {fragment!r} in {target.relative_to(root).as_posix()}"
    return None


def _file(root: Path, path: PurePosixPath) -> Path | None:
    candidate = root.joinpath(*path.parts)
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None
