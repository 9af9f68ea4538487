"""The build cache: what the build worked out for a file or an agency, kept
between runs so that a build after a one-plan change redoes only that plan's
work. Under $XDG_CACHE_HOME/service-plans/ (or SERVICE_PLANS_CACHE; `off`
turns it off).

An entry is stored under a name (a plan file, an agency and a language) with
the fingerprint of everything it was worked out from: the bytes of the input
files, the day, and the generator itself (its code, templates, messages,
schema and the versions of the libraries that shape its output). A different
fingerprint is a miss and the entry is replaced, so the cache holds one entry
per name and never serves a stale one. Entries are pickles written by this
program into the user's own cache folder; an unreadable entry is a miss, and
a cache that cannot be written is simply not kept."""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
import zlib
from collections.abc import Iterable
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from generator.resources import PACKAGE_DIR, SCHEMA_DIR

# Libraries whose output ends up in what is cached.
_LIBRARIES = ("jinja2", "markupsafe", "babel", "pyyaml", "jsonschema", "jsonschema-rs", "textstat")


def cache_root() -> Path | None:
    """The cache folder, or None when SERVICE_PLANS_CACHE=off."""
    setting = os.environ.get("SERVICE_PLANS_CACHE", "")
    if setting == "off":
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "service-plans"


@cache
def generator_fingerprint() -> str:
    """A hash of the generator's own files and its libraries' versions: any
    change to the code, a template, a message or the schema changes it."""
    digest = hashlib.sha256(sys.version.encode())
    for root in (PACKAGE_DIR, SCHEMA_DIR):
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in {".py", ".j2", ".yaml", ".json", ".css"}:
                digest.update(path.relative_to(root).as_posix().encode() + b"\0")
                digest.update(path.read_bytes())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=none".encode())
    return digest.hexdigest()


def fingerprint(*parts: str | bytes | Iterable[bytes]) -> str:
    """The generator's fingerprint and `parts`, hashed together."""
    digest = hashlib.sha256(generator_fingerprint().encode())
    for part in parts:
        chunks = [part] if isinstance(part, (str, bytes)) else part
        for chunk in chunks:
            data = chunk.encode() if isinstance(chunk, str) else chunk
            digest.update(len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()


class Store:
    """One kind of cached work (checked plans, rendered agencies)."""

    def __init__(self, kind: str) -> None:
        root = cache_root()
        self.folder = root / kind if root is not None else None

    def _path(self, name: str) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / (hashlib.sha256(name.encode()).hexdigest()[:32] + ".pickle")

    def get(self, name: str, key: str) -> Any | None:
        """The value stored for `name` if it was stored with `key`, else None."""
        path = self._path(name)
        if path is None:
            return None
        try:
            stored_key, value = pickle.loads(zlib.decompress(path.read_bytes()))
        except (OSError, zlib.error, pickle.UnpicklingError, EOFError, ValueError, TypeError):
            return None
        return value if stored_key == key else None

    def put(self, name: str, key: str, value: Any) -> None:
        path = self._path(name)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            data = zlib.compress(pickle.dumps((key, value), pickle.HIGHEST_PROTOCOL), 1)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            Path(temporary).replace(path)
        except OSError:
            return
