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

import copyreg
import dataclasses
import hashlib
import os
import pickle
import sys
import tempfile
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.diagnostics import Diagnostic
from generator.load.discover import display_path
from generator.resources import PACKAGE_DIR, SCHEMA_DIR

if TYPE_CHECKING:
    from generator.render import AgencyOutput
    from generator.site_config import Language

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


def _by_fields(cls: type) -> Callable[[Any], tuple[type, tuple[Any, ...]]]:
    names = tuple(f.name for f in dataclasses.fields(cls))
    return lambda value: (cls, tuple(getattr(value, name) for name in names))


@cache
def _fast_pickling() -> None:
    """Pickle the small records that cache entries hold by their fields, to
    be rebuilt by their constructors: several times faster to load than the
    default for slotted dataclasses, which looks up the fields of each."""
    from generator.check import freshness
    from generator.model import records, section_records, site
    from generator.render import listing

    for module in (records, section_records, site, listing, freshness):
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and dataclasses.is_dataclass(value)
                and value.__module__ == module.__name__
            ):
                copyreg.pickle(value, _by_fields(value))
    copyreg.pickle(Diagnostic, _by_fields(Diagnostic))


class Store:
    """One kind of cached work (checked plans, rendered agencies)."""

    def __init__(self, kind: str) -> None:
        root = cache_root()
        self.folder = root / kind if root is not None else None
        _fast_pickling()

    def _path(self, name: str) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / (hashlib.sha256(name.encode()).hexdigest()[:32] + ".pickle")

    def has(self, name: str) -> bool:
        """Whether an entry is stored for `name` (without reading it)."""
        path = self._path(name)
        return path is not None and path.is_file()

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


@dataclass(frozen=True, slots=True)
class CachedAgency:
    """An agency as an earlier build left it: the findings on its files and
    its output in each language (None where it has only drafts), without
    the files themselves (see `AgencyCache.files`) but with their versions."""

    diagnostics: list[Diagnostic]
    outputs: tuple[tuple[AgencyOutput, dict[str, str]] | None, ...]


class AgencyCache:
    """Each agency's findings and output, under the agency's folder, keyed by
    its files (names and bytes), the day, the site's address and languages,
    and the generator."""

    def __init__(self, languages: Sequence[Language], root_url: str, today: date) -> None:
        self.languages = languages
        from generator.render.languages import languages_setting

        self.setting = f"{root_url} {today.isoformat()} {languages_setting(languages)}"
        self._findings = Store("agency-findings")
        self._outputs = Store("agency-output")
        self._files = Store("agency-files")

    def key(self, unit: Sequence[Path]) -> str:
        """The fingerprint of the agency's files (their names as the findings
        show them, and their bytes); "" when one cannot be read (the check
        then says why)."""
        try:
            inputs = [display_path(path).encode() + b"\0" + path.read_bytes() for path in unit]
        except OSError:
            return ""
        return fingerprint(self.setting, inputs)

    def get(self, unit: Sequence[Path], key: str) -> CachedAgency | None:
        name = _unit_name(unit)
        diagnostics = self._findings.get(name, key)
        if diagnostics is None:
            return None
        outputs = []
        for language in self.languages:
            found = self._outputs.get(f"{name} {language.code}", key)
            # Without its files (a cache cleaned in part), the agency is rendered again.
            if found is None or (found[0] and not self._files.has(f"{name} {language.code}")):
                return None
            outputs.append(found[0])
        return CachedAgency(diagnostics, tuple(outputs))

    def put_findings(self, unit: Sequence[Path], key: str, diagnostics: list[Diagnostic]) -> None:
        self._findings.put(_unit_name(unit), key, diagnostics)

    def files(self, unit: Sequence[Path], key: str, edition: int) -> dict[str, bytes] | None:
        """The files of the agency's output in edition `edition`."""
        found = self._files.get(f"{_unit_name(unit)} {self.languages[edition].code}", key)
        return found if isinstance(found, dict) else None

    def put_output(
        self, unit: Sequence[Path], key: str, edition: int, output: AgencyOutput | None
    ) -> None:
        from generator.write import version

        name = f"{_unit_name(unit)} {self.languages[edition].code}"
        if output is None:
            self._outputs.put(name, key, (None,))
            return
        versions = {path: version(content) for path, content in output.files.items()}
        self._files.put(name, key, output.files)
        self._outputs.put(name, key, ((replace(output, files={}), versions),))


def _unit_name(unit: Sequence[Path]) -> str:
    return " ".join(sorted({os.path.realpath(path.parent) for path in unit}))
