"""The few facts about the published site that the generator needs too (its
address, its languages and where each is published), read from mkdocs.yml
and the configuration of each other language, so that they are written down
once.

The site's languages are data: `extra.languages` in mkdocs.yml lists them,
each with its name in itself. The first is the original, built by mkdocs.yml
at the site's root; each other language CODE is built by `mkdocs.CODE.yml`
(which inherits mkdocs.yml) under CODE/."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from generator.errors import BuildError
from generator.resources import REPO_DIR

MKDOCS_FILE = REPO_DIR / "mkdocs.yml"
# The configurations read the docs folder from this variable, so that a build
# (or a test) can generate into any folder with the same configuration files.
DOCS_DIR_VARIABLE = "SERVICE_PLANS_DOCS_DIR"
# And whether pages are published as folders (agencies/x/) or, for a site
# opened from a folder on disk, linked by their files (agencies/x/index.html).
DIRECTORY_URLS_VARIABLE = "SERVICE_PLANS_DIRECTORY_URLS"
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
    config_file: Path


class _ConfigLoader(yaml.CSafeLoader):
    """Reads mkdocs.yml; `!ENV [NAME, default]` gives its default."""


def _env_default(loader: yaml.CSafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)[-1]
    return None


_ConfigLoader.add_constructor("!ENV", _env_default)


def read_config(path: Path) -> dict[str, Any]:
    """A MkDocs configuration with its `INHERIT`ed parent merged in, as MkDocs
    merges it: mappings key by key, anything else replaced."""
    with path.open(encoding="utf-8") as handle:
        config = yaml.load(handle, Loader=_ConfigLoader) or {}
    parent = config.pop("INHERIT", None)
    if parent is None:
        return config
    return _merged(read_config(path.parent / parent), config)


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
    config = read_config(path)
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
        config_file = path if index == 0 else path.with_name(f"{path.stem}.{code}{path.suffix}")
        languages.append(Language(code, str(entry["name"]), prefix, config_file))
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
    config = site_config(language.config_file)
    if config.language != language.code:
        raise BuildError(f"{where}: theme.language must be {language.code!r}.")
    if config.site_url != root_url + language.prefix:
        raise BuildError(f"{where}: site_url must be {root_url + language.prefix}.")


def language_docs_dir(docs_dir: Path, language: Language) -> Path:
    """The docs tree of `language`: `docs_dir` for the original language, a
    folder beside it (build/docs-es) for each other one."""
    if not language.prefix:
        return docs_dir
    return docs_dir.with_name(f"{docs_dir.name}-{language.code}")
