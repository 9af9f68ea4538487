"""The few facts about the published site that the generator needs too (its
address and interface language), read from mkdocs.yml so that they are
written down once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from generator.resources import REPO_DIR

MKDOCS_FILE = REPO_DIR / "mkdocs.yml"
# mkdocs.yml reads the docs folder from this variable, so that a build (or a
# test) can generate into any folder with the one configuration file.
DOCS_DIR_VARIABLE = "SERVICE_PLANS_DOCS_DIR"
DEFAULT_DOCS_DIR = REPO_DIR / "build" / "docs"


@dataclass(frozen=True, slots=True)
class SiteConfig:
    site_url: str
    language: str


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml; `!ENV [NAME, default]` gives its default."""


def _env_default(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)[-1]
    return None


_ConfigLoader.add_constructor("!ENV", _env_default)


@cache
def site_config(path: Path = MKDOCS_FILE) -> SiteConfig:
    with path.open(encoding="utf-8") as handle:
        config = yaml.load(handle, Loader=_ConfigLoader)
    url = str(config["site_url"])
    return SiteConfig(
        site_url=url if url.endswith("/") else url + "/",
        language=str(config.get("theme", {}).get("language", "en")),
    )
