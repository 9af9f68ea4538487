"""The build cache: what the build worked out for a file or an agency, kept
between runs so that a build after a one-plan change redoes only that plan's
work. Under $XDG_CACHE_HOME/service-plans/ (or SERVICE_PLANS_CACHE; `off`
turns it off).

An entry is stored under a name (an agency, a list page, a docs tree) with
the fingerprint of everything it was worked out from: the bytes of the input
files, the day, and the generator itself (its code, templates, messages,
schema and the versions of the libraries that shape its output), written on
the entry's first line so that a stale entry is known without reading the
rest. A different fingerprint is a miss and the entry is replaced, so the
cache holds one entry per name and never serves a stale one. Entries are
pickles written by this program into the user's own cache folder; an
unreadable entry is a miss, and a cache that cannot be written is simply
not kept. Each entry carries a checksum of its payload: an entry damaged on
disk is a miss, rebuilt like any other, never trusted and never an error.

The plain-language grades of sentences (generator/check/plain_language.py)
are kept in a file of their own, plain-language-grades.txt: one line per
sentence (its key, its grade, its long words with their syllables, then a
checksum of the line). Each process reads the file once, the first time it
grades, and appends the grades it works out: checking a thousand plans reads
and writes the file once each, not once per plan. `use_caches` gives the
checks that file (the command line calls it)."""

from __future__ import annotations

import contextlib
import hashlib
import math
import os
import pickle
import re
import tempfile
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.check.plain_language import Grade, keep_grades_in
from generator.diagnostics import Diagnostic
from generator.load.discover import display_path
from generator.pickled import fast_pickling, fingerprint, unpickle
from generator.site_config import languages_setting

if TYPE_CHECKING:
    from generator.render import AgencyOutput
    from generator.site_config import Language


def cache_root() -> Path | None:
    """The cache folder, or None when SERVICE_PLANS_CACHE=off."""
    setting = os.environ.get("SERVICE_PLANS_CACHE", "")
    if setting == "off":
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "service-plans"


class Store:
    """One kind of cached work (agencies, their pages, list pages). Entries
    read on every build are stored as they are; `compress` suits large ones
    that are read rarely."""

    def __init__(self, kind: str, *, compress: bool = False) -> None:
        root = cache_root()
        self.folder = root / kind if root is not None else None
        self.compress = compress
        fast_pickling()

    def _path(self, name: str) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / (hashlib.sha256(name.encode()).hexdigest()[:32] + ".pickle")

    def get(self, name: str, key: str) -> Any | None:
        """The value stored for `name` if it was stored with `key`, else None."""
        return self.load(self.read(name, key))

    def read(self, name: str, key: str) -> bytes | None:
        """The entry for `name` if it was stored with `key` and its payload
        is as it was written (its checksum matches), still pickled."""
        path = self._path(name)
        if path is None:
            return None
        try:
            head, _, value = path.read_bytes().partition(b"\n")
        except OSError:
            return None
        stored, _, checksum = head.partition(b" ")
        if stored != key.encode() or checksum != _checksum(value):
            return None
        return value

    def load(self, value: bytes | None) -> Any | None:
        """An entry that `read` gave, unpickled; None if it cannot be."""
        if value is None:
            return None
        try:
            return unpickle(zlib.decompress(value) if self.compress else value)
        except (zlib.error, pickle.UnpicklingError, EOFError, ValueError, TypeError):
            return None

    def put(self, name: str, key: str, value: Any) -> None:
        path = self._path(name)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            payload = zlib.compress(data, 1) if self.compress else data
            with os.fdopen(handle, "wb") as out:
                # The key first, with the payload's checksum, on a line of
                # its own: a stale entry is known without reading the rest.
                out.write(key.encode() + b" " + _checksum(payload) + b"\n")
                out.write(payload)
            Path(temporary).replace(path)
        except OSError:
            return

    def holds(self, name: str, key: str) -> bool:
        """Whether an entry is stored for `name` with `key` (read no further:
        its payload is checked when it is read)."""
        path = self._path(name)
        if path is None:
            return False
        try:
            with path.open("rb") as handle:
                return handle.readline().partition(b" ")[0] == key.encode()
        except OSError:
            return False

    def remove(self, name: str) -> None:
        path = self._path(name)
        if path is not None:
            with contextlib.suppress(OSError):  # a cache that cannot be written
                path.unlink(missing_ok=True)


def _checksum(payload: bytes) -> bytes:
    """A checksum of an entry's payload: a bit changed on disk is a miss.
    SHA-256, which processors compute in hardware: three times as fast as
    BLAKE2 here, and an entry of a large site is read on every build."""
    return hashlib.sha256(payload).hexdigest()[:32].encode()


@dataclass(frozen=True, slots=True)
class CachedAgency:
    """An agency as a build left it: the findings on its files and its
    output in each language (None where it has only drafts), without the
    files themselves (see `AgencyCache.files`) but with their versions."""

    diagnostics: list[Diagnostic]
    outputs: tuple[AgencyOutput | None, ...]


class AgencyCache:
    """Each agency's findings and output, under the agency's folder, keyed by
    its files (names and bytes), the day, the site's address, languages and
    links (from disk or not), and the generator. The files of its pages are kept apart, compressed:
    they are read only when the docs tree no longer holds them."""

    def __init__(
        self,
        languages: Sequence[Language],
        root_url: str,
        today: date,
        *,
        on: bool = True,
        from_disk: bool = False,
    ) -> None:
        self.languages = languages
        links = " from disk" if from_disk else ""
        self.setting = f"{root_url}{links} {today.isoformat()} {languages_setting(languages)}"
        self.on = on and cache_root() is not None
        self._agencies = Store("agencies")
        self._files = Store("agency-files", compress=True)
        self._names: dict[tuple[Path, ...], str] = {}

    def records(self, kind: str) -> Store | None:
        """Where a stage keeps its records of `kind` from one build to the
        next (the docs trees' files, the list pages' fingerprints: the
        `Records` of generator/write); None while the cache is off."""
        return Store(kind) if self.on else None

    def key(self, unit: Sequence[Path]) -> str:
        """The fingerprint of the agency's files (their names as the findings
        show them, and their bytes); "" when one cannot be read (the check
        then says why, or the cache is off)."""
        if not self.on:
            return ""
        try:
            inputs = [display_path(path).encode() + b"\0" + path.read_bytes() for path in unit]
        except OSError:
            return ""
        return fingerprint(self.setting, inputs)

    def read(self, unit: Sequence[Path], key: str) -> bytes | None:
        """The agency's entry if it was stored under `key`, still pickled."""
        return self._agencies.read(self._name(unit), key)

    def load(self, unit: Sequence[Path], key: str, entry: bytes) -> CachedAgency | None:
        """The entry `read` gave for the agency; None if it cannot be used."""
        found = self._agencies.load(entry)
        if not isinstance(found, CachedAgency):
            return None
        for edition, output in enumerate(found.outputs):
            # Without its files as they were then (a cache cleaned in part,
            # or a later build of other bytes that stopped half-way), the
            # agency is checked and rendered again.
            if output is not None and not self._files.holds(self._files_name(unit, edition), key):
                return None
        return found

    def put(self, unit: Sequence[Path], key: str, agency: CachedAgency) -> None:
        self._agencies.put(self._name(unit), key, agency)

    def forget(self, unit: Sequence[Path]) -> None:
        """Remove the agency's entry (one of its files could not be read):
        the next build checks and renders it again."""
        self._agencies.remove(self._name(unit))

    def files(self, unit: Sequence[Path], key: str, edition: int) -> dict[str, bytes] | None:
        """The files of the agency's output in edition `edition`."""
        found = self._files.get(self._files_name(unit, edition), key)
        return found if isinstance(found, dict) else None

    def put_files(
        self, unit: Sequence[Path], key: str, edition: int, files: dict[str, bytes]
    ) -> None:
        self._files.put(self._files_name(unit, edition), key, files)

    def _files_name(self, unit: Sequence[Path], edition: int) -> str:
        return f"{self._name(unit)} {self.languages[edition].code}"

    def _name(self, unit: Sequence[Path]) -> str:
        """The agency's name in the cache: its folder (or folders)."""
        found = self._names.get(tuple(unit))
        if found is None:
            found = " ".join(sorted({os.path.abspath(path.parent) for path in unit}))  # noqa: PTH100
            self._names[tuple(unit)] = found
        return found


# Flesch-Kincaid gives -3.4 for one word of one syllable and Fernández Huerta
# at most 206.84; only a sentence of thousands of words, or of words of dozens
# of syllables, leaves these bounds: a cached score outside them is damaged (a
# sentence that really scores outside them is simply graded again each run).
_SANE_SCORES = (-1000.0, 1000.0)
_KEY = re.compile(r"^[0-9a-f]{20}$")


def cache_line(key: str, grade: Grade) -> str:
    """A line of the cache file: the sentence's key, its score, its long
    words with their syllables, and a checksum of all of them, so that a
    damaged line is known."""
    words = "".join(f" {word}:{syllables}" for word, syllables in grade.long_words)
    entry = f"{key} {grade.score!r}{words}"
    return f"{entry} {zlib.crc32(entry.encode()):08x}\n"


def read_grades(path: Path) -> dict[str, Grade]:
    """The grades in the file. A line that is not as `cache_line` writes it
    (its checksum wrong, its score not a finite number in a sane range) is
    skipped, and so is a last line without its line break (a write cut
    short): the sentence is graded again."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, ValueError):
        return {}
    found: dict[str, Grade] = {}
    for line in text.split("\n")[:-1]:
        key, _, rest = line.partition(" ")
        written, _, _check = rest.rpartition(" ")
        score, *words = written.split(" ")
        try:
            grade = Grade(float(score), tuple(_word(word) for word in words))
        except ValueError:
            continue
        if (
            _KEY.match(key)
            and math.isfinite(grade.score)
            and _SANE_SCORES[0] <= grade.score <= _SANE_SCORES[1]
            and cache_line(key, grade) == line + "\n"
        ):
            found[key] = grade
    return found


def _word(written: str) -> tuple[str, int]:
    word, _, syllables = written.rpartition(":")
    if not word:
        raise ValueError(written)
    return word, int(syllables)


def append_grades(path: Path, fresh: Mapping[str, Grade]) -> None:
    """Add lines to the file in one write, which other processes appending
    at the same time cannot split; a cache that cannot be written is simply
    not kept."""
    if not fresh:
        return
    lines = "".join(cache_line(key, grade) for key, grade in fresh.items()).encode()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(handle, lines)
        finally:
            os.close(handle)
    except OSError:
        return


class GradesFile:
    """The plain-language grades of earlier runs, in `path`: read once, the
    first time a grade is asked for, and added to line by line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._known: dict[str, Grade] | None = None

    def _grades(self) -> dict[str, Grade]:
        if self._known is None:
            self._known = read_grades(self.path)
        return self._known

    def get(self, key: str) -> Grade | None:
        return self._grades().get(key)

    def add(self, fresh: Mapping[str, Grade]) -> None:
        self._grades().update(fresh)
        append_grades(self.path, fresh)


GRADES_FILE = "plain-language-grades.txt"


def use_caches() -> None:
    """Give the checks the grades file of the cache folder, if there is one."""
    root = cache_root()
    keep_grades_in(GradesFile(root / GRADES_FILE) if root is not None else None)
