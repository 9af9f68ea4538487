"""The few facts about the published site that the generator needs too (its
address, its languages and where each is published), read from mkdocs.yml
and the configuration of each other language, so that they are written down
once.

The site's languages are data: `extra.languages` in mkdocs.yml lists them,
each with its name in itself. The first is the original, built by mkdocs.yml
at the site's root; each other language CODE is built under CODE/ by
mkdocs.yml with `mkdocs.CODE.yml` over it, a file that holds only what the
language changes (its titles, address, navigation and palette toggles). The
two are merged here, mappings key by key and anything else replaced whole,
as MkDocs merged an `INHERIT`ed file, and a build writes the result out as
one configuration of its own (generator/engine.py), which any engine that
reads MkDocs' format can read."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from generator.errors import BuildError
from generator.resources import REPO_DIR

MKDOCS_FILE = REPO_DIR / "mkdocs.yml"
DEFAULT_DOCS_DIR = REPO_DIR / "build" / "docs"


@dataclass(frozen=True, slots=True)
class SiteConfig:
    site_url: str
    language: str


@dataclass(frozen=True, slots=True)
class Language:
    """One language of the site. `prefix` is where its pages are published,
    relative to the site's root: "" for the original, "es/" for Spanish."""

    code: str
    name: str  # in the language itself: "Español"
    prefix: str
    # The files its configuration is merged from, in order: mkdocs.yml, then
    # for each other language its own (mkdocs.es.yml).
    files: tuple[Path, ...]

    @property
    def config_file(self) -> Path:
        """The file that people edit for this language."""
        return self.files[-1]


def read_config(path: Path) -> dict[str, Any]:
    """One configuration file as it is written: plain YAML. Raises
    BuildError, naming the file, when it cannot be read or asks for an
    `INHERIT` (the languages' files are merged by `language_config`)."""
    try:
        with path.open(encoding="utf-8") as handle:
            config = yaml.load(handle, Loader=yaml.CSafeLoader) or {}
    except (OSError, yaml.YAMLError) as error:
        raise BuildError(f"{path.name} cannot be read: {error}") from None
    if "INHERIT" in config:
        raise BuildError(
            f"{path.name}: remove `INHERIT`: the generator merges each language's file "
            f"over {MKDOCS_FILE.name} itself, and writes the whole configuration out."
        )
    return config


def language_config(language: Language) -> dict[str, Any]:
    """The whole configuration of `language`, as people wrote it: its files
    merged in order (a new dictionary each time, the caller's to change)."""
    config: dict[str, Any] = {}
    for path in language.files:
        config = _merged(config, read_config(path))
    return config


def _merged(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merged(out[key], value)
        else:
            out[key] = value
    return out


@cache
def site_config(path: Path = MKDOCS_FILE) -> SiteConfig:
    return _site_config(read_config(path))


def _site_config(config: dict[str, Any]) -> SiteConfig:
    url = str(config["site_url"])
    return SiteConfig(
        site_url=url if url.endswith("/") else url + "/",
        language=str(config.get("theme", {}).get("language", "en")),
    )


@cache
def site_languages(path: Path = MKDOCS_FILE) -> tuple[Language, ...]:
    """The site's languages, the original first. Raises BuildError when the
    list or a language's configuration does not fit (a wrong address, a
    missing file), naming the file to fix."""
    listed = read_config(path).get("extra", {}).get("languages") or [
        {"code": site_config(path).language, "name": site_config(path).language}
    ]
    languages = []
    for index, entry in enumerate(listed):
        code = str(entry["code"])
        prefix = "" if index == 0 else f"{code}/"
        own = path.with_name(f"{path.stem}.{code}{path.suffix}")
        files = (path,) if index == 0 else (path, own)
        languages.append(Language(code, str(entry["name"]), prefix, files))
    for language in languages:
        _check_language(language, site_config(path).site_url)
    return tuple(languages)


def _check_language(language: Language, root_url: str) -> None:
    where = language.config_file.name
    if not language.config_file.is_file():
        raise BuildError(
            f"mkdocs.yml lists the language {language.code!r} but there is no {where}: "
            f"copy an existing mkdocs.CODE.yml and translate its titles."
        )
    config = _site_config(language_config(language))
    if config.language != language.code:
        raise BuildError(f"{where}: theme.language must be {language.code!r}.")
    if config.site_url != root_url + language.prefix:
        raise BuildError(f"{where}: site_url must be {root_url + language.prefix}.")


def languages_setting(languages: Sequence[Language]) -> str:
    """The site's languages and where each is published, as one string: part
    of the fingerprint of whatever links between the languages."""
    return " ".join(f"{lang.code}={lang.prefix}" for lang in languages)


def language_docs_dir(docs_dir: Path, language: Language) -> Path:
    """The docs tree of `language`: `docs_dir` for the original language, a
    folder beside it (build/docs-es) for each other one."""
    if not language.prefix:
        return docs_dir
    return docs_dir.with_name(f"{docs_dir.name}-{language.code}")
