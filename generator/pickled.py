"""Values as the build passes them on: pickled, to the build cache
(generator/cache.py) and between processes. Records are pickled by their
fields (the same bytes for the same record in every process, so that a hash
of them fingerprints what a page is made from), a value that is passed on
without being read stays pickled (`Kept`), and `fingerprint` hashes a page's
inputs with the generator's own version."""

from __future__ import annotations

import copyreg
import dataclasses
import gc
import hashlib
import pickle
import sys
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any, Generic, TypeVar, cast

from generator.diagnostics import Diagnostic, Severity
from generator.resources import PACKAGE_DIR, SCHEMA_DIR

T = TypeVar("T")

# Libraries whose output ends up in what is fingerprinted.
_LIBRARIES = ("jinja2", "markupsafe", "babel", "pyyaml", "jsonschema", "jsonschema-rs", "textstat")


@cache
def generator_fingerprint() -> str:
    """A hash of the generator's own files and its libraries' versions: any
    change to the code, a template, a message or the schema changes it."""
    from importlib import metadata  # 30 ms to import: only for a build

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


def _by_fields(cls: type) -> Callable[[Any], tuple[type, tuple[Any, ...]]]:
    names = tuple(f.name for f in dataclasses.fields(cls))
    return lambda value: (cls, tuple(getattr(value, name) for name in names))


def pickle_by_fields(namespace: dict[str, Any]) -> None:
    """Pickle the dataclasses a module defines (`namespace`: its `vars()`)
    by their fields, as `fast_pickling` does the model's records."""
    for value in list(namespace.values()):
        if (
            isinstance(value, type)
            and dataclasses.is_dataclass(value)
            and value.__module__ == namespace["__name__"]
        ):
            copyreg.pickle(value, _by_fields(value))


@cache
def fast_pickling() -> None:
    """Pickle the small records that the build cache and the workers' results
    hold by their fields, to be rebuilt by their constructors: several times
    faster to load than the default for slotted dataclasses, which looks up
    the fields of each."""
    from markupsafe import Markup

    from generator.check import freshness
    from generator.model import records, section_records, site
    from generator.model.status import Status

    # The list rows (render/listing.py) are registered by that module, which
    # imports this one.
    for module in (records, section_records, site, freshness):
        pickle_by_fields(vars(module))
    copyreg.pickle(Diagnostic, _by_fields(Diagnostic))
    # Markup and the enumerations are rebuilt without running Python code:
    # a listing holds many of them.
    copyreg.pickle(Markup, lambda text: (str.__new__, (Markup, str(text))))
    for kind in (Status, Severity):
        copyreg.pickle(kind, lambda member: (getattr, (type(member), member.name)))


def pickled_source(value: Any) -> str:
    """A hash of `value`'s pickle: the same for the same records built the
    same way, in every process (records are pickled by their fields)."""
    fast_pickling()
    return hashlib.blake2b(pickle.dumps(value, pickle.HIGHEST_PROTOCOL), digest_size=16).hexdigest()


def unpickle(data: bytes) -> Any:
    """`pickle.loads`, with the cycle collector paused: loading makes many
    objects and no garbage, and the collector would otherwise walk the whole
    heap again and again while it does (twice as slow for the cache)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data)
    finally:
        if enabled:
            gc.enable()


_UNREAD = object()


class Kept(Generic[T]):
    """A value kept pickled until something reads it: a build loads many
    records from the cache (or from its worker processes) that it passes on
    without reading, or reads in another process. Pickling it again reuses
    its bytes."""

    __slots__ = ("_data", "_value")

    def __init__(self, value: T | None = None, data: bytes | None = None) -> None:
        self._value: T | object = _UNREAD if data is not None else value
        self._data = data

    def get(self) -> T:
        if self._value is _UNREAD:
            self._value = unpickle(cast(bytes, self._data))
        return cast(T, self._value)

    def __reduce__(self) -> tuple[Callable[..., Kept[T]], tuple[None, bytes]]:
        if self._data is None:
            self._data = pickle.dumps(self._value, pickle.HIGHEST_PROTOCOL)
        return Kept, (None, self._data)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Kept) and self.get() == other.get()

    def __hash__(self) -> int:
        return hash(self.get())

    def __repr__(self) -> str:
        return repr(self.get())
