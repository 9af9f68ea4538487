"""The engine that builds each language's site from its docs tree, and the
configuration it reads, written out whole.

The engine is MkDocs, or ProperDocs (`build --engine properdocs`, `make site
ENGINE=properdocs`), a maintained fork of MkDocs 1.6 that reads the same
configuration and loads MkDocs' themes, mkdocs-material among them, by their
`mkdocs.themes` entry points: both make the same pages, but for the
`generator` meta tag naming the engine (tests/site/test_engines.py).

People write the configuration in mkdocs.yml and, for each other language,
what it changes in mkdocs.CODE.yml (generator/site_config.py merges them).
A build writes each language's whole configuration beside its docs tree
(build/docs.mkdocs.yml, build/docs-es.mkdocs.yml) as plain YAML: no
`INHERIT`, no `!ENV`, its docs folder, site folder and page addresses as
plain values and every path absolute (MkDocs reads a relative path from the
configuration file's folder), so that MkDocs, or another engine that reads
MkDocs' format, reads the same site from it. Rendering the text touches no
disk; the file is rewritten only when its bytes change."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from generator.errors import BuildError
from generator.shared_files import UNSHARE_HOOK
from generator.site_config import Language, language_config

# Each engine by the name `--engine` gives it, and the module run as
# `python -m MODULE build`; the package that installs it is pinned in
# requirements/runtime.txt (ProperDocs: pyproject.toml's `properdocs` extra).
ENGINES = {"mkdocs": "mkdocs", "properdocs": "properdocs"}
# What MkDocs runs besides the theme: Markdown spared the generator's HTML
# blocks (generator/html_blocks_hook.py), and a dirty build kept from
# writing the published site's files (generator/unshare_hook.py).
HOOKS = (Path(__file__).with_name("html_blocks_hook.py"), UNSHARE_HOOK)
DEFAULT_ENGINE = "mkdocs"


def engine_config(
    language: Language,
    *,
    docs_dir: Path,
    site_dir: Path,
    from_disk: bool = False,
    unindexed: Sequence[str] = (),
) -> dict[str, Any]:
    """The whole configuration of `language` for a build of the docs tree
    `docs_dir` into `site_dir`; with `from_disk`, pages are linked by their
    files (agencies/x/index.html), for a site opened from a folder.
    `unindexed`: the search filters, by name, the theme leaves out of the
    pages (theme/main.html), written as `extra.unindexed_filters`."""
    config = language_config(language)
    if unindexed:
        extra = config.get("extra")
        config["extra"] = {
            **(extra if isinstance(extra, dict) else {}),
            "unindexed_filters": list(unindexed),
        }
    # The theme's overrides, which people name from mkdocs.yml's folder.
    theme = config.get("theme")
    if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str):
        theme["custom_dir"] = str((language.files[0].parent / theme["custom_dir"]).resolve())
    config["docs_dir"] = str(docs_dir.resolve())
    config["site_dir"] = str(site_dir.resolve())
    config["use_directory_urls"] = not from_disk
    # The generator's hooks (HOOKS) after those of mkdocs.yml, named from its folder.
    hooks = [str((language.files[0].parent / hook).resolve()) for hook in config.get("hooks", [])]
    config["hooks"] = [*hooks, *(str(hook) for hook in HOOKS)]
    return config


class _Dumper(yaml.SafeDumper):
    """Block style, and text of several lines as a literal block, as a
    person would write it."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def config_text(config: dict[str, Any], language: Language) -> str:
    """The configuration as the file's text, saying where it comes from."""
    first, *others = (path.name for path in language.files)
    sources = first + "".join(f" with {other} over it" for other in others)
    header = (
        f"# Written by the generator from {sources}, for one build:\n"
        f"# edit {language.config_file.name}, not this file, which the next build replaces.\n"
    )
    body = yaml.dump(
        config, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False
    )
    return header + body


def config_path(docs_dir: Path) -> Path:
    """Where the configuration of the docs tree `docs_dir` is written:
    beside it, named after it (build/docs-es.mkdocs.yml)."""
    docs_dir = docs_dir.resolve()  # the engine runs in the project's folder
    return docs_dir.parent / f"{docs_dir.name}.mkdocs.yml"


def write_config(
    language: Language,
    *,
    docs_dir: Path,
    site_dir: Path,
    from_disk: bool = False,
    unindexed: Sequence[str] = (),
) -> Path:
    """Write the configuration of `language` beside `docs_dir` (only if its
    bytes changed: a watcher sees no change where there is none); returns
    its path. `unindexed`: see `engine_config`."""
    config = engine_config(
        language, docs_dir=docs_dir, site_dir=site_dir, from_disk=from_disk, unindexed=unindexed
    )
    text = config_text(config, language)
    path = config_path(docs_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        if path.read_text(encoding="utf-8") == text:
            return path
    except (FileNotFoundError, UnicodeDecodeError):
        pass
    path.write_text(text, encoding="utf-8")
    return path


def engine_command(engine: str, config: Path, site_dir: Path, *, dirty: bool = False) -> list[str]:
    """The command that builds the site of the written configuration
    `config` into `site_dir` with `engine`, strict: a warning fails it. With
    `dirty`, over the pages already there, rendering only those whose
    source is newer (generator/dirty_build.py). Raises BuildError when the
    engine is not installed."""
    module = ENGINES[engine]
    if importlib.util.find_spec(module) is None:
        raise BuildError(
            f"The engine {engine!r} is not installed: "
            "`pip install -r requirements/runtime.txt` installs it."
        )
    run = ["generator.dirty_build", module, "build", "--dirty"] if dirty else [module, "build"]
    # Not --quiet: it silences warnings before strict mode can count them.
    command = [sys.executable, "-m", *run, "--strict", "--config-file", str(config)]
    return [*command, "--site-dir", str(site_dir)]
