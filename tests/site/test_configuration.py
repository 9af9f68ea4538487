"""Each language's whole configuration, as a build writes it beside its docs
tree: plain YAML that any engine reading MkDocs' format can read (no
`INHERIT`, no `!ENV`, no relative path), the same configuration MkDocs' own
`INHERIT` made of mkdocs.yml and mkdocs.es.yml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from mkdocs.utils.yaml import yaml_load

from generator.engine import config_path, write_config
from generator.site_config import MKDOCS_FILE, language_docs_dir, site_languages
from tests.site.conftest import PLANS, REPO, Built

LANGUAGES = site_languages()


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_the_build_wrote_each_language_whole_configuration(built: Built, language) -> None:
    docs = language_docs_dir(built.docs, language)
    text = config_path(docs).read_text(encoding="utf-8")
    assert "INHERIT" not in text and "!ENV" not in text and "!!" not in text
    config = yaml.safe_load(text)
    assert config["docs_dir"] == str(docs.resolve())
    assert config["site_dir"] == str((built.site / language.prefix).resolve())
    assert config["use_directory_urls"] is True
    assert config["theme"]["custom_dir"] == str(REPO / "theme")
    assert config["theme"]["language"] == language.code
    assert config["plugins"] == []


def test_a_site_for_the_disk_is_written_so(tmp_path: Path) -> None:
    path = write_config(
        LANGUAGES[0], docs_dir=tmp_path / "docs", site_dir=tmp_path / "site", from_disk=True
    )
    assert path == tmp_path / "docs.mkdocs.yml"
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["use_directory_urls"] is False


def test_an_unchanged_configuration_is_not_written_again(tmp_path: Path) -> None:
    def write() -> Path:
        return write_config(LANGUAGES[1], docs_dir=tmp_path / "docs-es", site_dir=tmp_path)

    before = write().stat().st_mtime_ns
    assert write().stat().st_mtime_ns == before


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_the_written_configuration_is_what_mkdocs_inherit_made(tmp_path: Path, language) -> None:
    """The languages' files merged as MkDocs merged an `INHERIT`ed file
    (MkDocs' own loader reads a file that inherits mkdocs.yml), with only
    the build's folders, the theme's absolute path and the generator's
    hooks added."""
    inheriting = tmp_path / "inheriting.yml"
    own = "" if language.config_file == MKDOCS_FILE else language.config_file.read_text("utf-8")
    inheriting.write_text(f"INHERIT: {MKDOCS_FILE}\n{own}", encoding="utf-8")
    with inheriting.open("rb") as handle:
        expected = yaml_load(handle)
    expected["theme"]["custom_dir"] = str(REPO / "theme")
    expected["hooks"] = [
        str(REPO / "generator" / name) for name in ("html_blocks_hook.py", "unshare_hook.py")
    ]
    written = write_config(language, docs_dir=tmp_path / "docs", site_dir=tmp_path / "site")
    config = yaml.safe_load(written.read_text(encoding="utf-8"))
    for key in ("docs_dir", "site_dir", "use_directory_urls"):
        config.pop(key)
        expected.pop(key, None)
    assert config == expected


def test_folders_named_relative_to_where_the_build_is_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_cli
) -> None:
    """`build --docs build/docs --site site` from another folder: the
    engine, which runs in the project's folder, is given the configuration
    by its whole path."""
    monkeypatch.chdir(tmp_path)
    result = run_cli(
        "build", PLANS, "--docs", "work/docs", "--site", "out", "--today", "2026-11-23"
    )
    assert result.code == 0, result.err
    assert (tmp_path / "out" / "index.html").is_file()
    assert (tmp_path / "out" / "es" / "index.html").is_file()
    assert (tmp_path / "work" / "docs.mkdocs.yml").is_file()
