"""A MkDocs hook (`hooks:` in each configuration the generator writes):
before MkDocs writes a file of the site, a name of it that the published
site shares (a hard link, generator/shared_files.py) is removed, so that
MkDocs writes a new file and the published one stays as it is.

MkDocs writes a page after its `post_page` event, one of its own pages
(404.html, sitemap.xml and sitemap.xml.gz) after `post_template`, and
copies a file of the docs or the theme when it is newer than its copy
(`File.is_modified`, the test of a dirty build). A file no one writes keeps
its shared name. Loaded by MkDocs from its path: it imports only the
standard library (MkDocs' types only for the type checker)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def _unshare(path: Path) -> None:
    try:
        if path.lstat().st_nlink > 1:
            path.unlink()
    except FileNotFoundError:
        pass


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in files:
        if not file.is_documentation_page() and file.is_modified():
            _unshare(Path(file.abs_dest_path))
    return files


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    _unshare(Path(page.file.abs_dest_path))
    return output


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    path = Path(config["site_dir"], template_name)
    _unshare(path)
    if template_name == "sitemap.xml":
        _unshare(path.with_name("sitemap.xml.gz"))
    return output_content
