"""A new site shares the published site's files (hard links) and the build
finds any shared file that was written in place (generator/shared_files.py)."""

from __future__ import annotations

import time
from pathlib import Path

from generator.shared_files import sync_tree, written_through


def _published(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "agencies" / "a").mkdir(parents=True)
    (site / "agencies" / "a" / "index.html").write_text("published", encoding="utf-8")
    (site / "index.html").write_text("home", encoding="utf-8")
    return site


def test_shared_files_are_the_same_files(tmp_path: Path) -> None:
    site = _published(tmp_path)
    new = tmp_path / "new"
    sync_tree(site, new)
    for name in ("index.html", "agencies/a/index.html"):
        assert (new / name).stat().st_ino == (site / name).stat().st_ino
        assert (new / name).stat().st_mtime_ns == (site / name).stat().st_mtime_ns


def test_a_shared_file_written_in_place_is_found(tmp_path: Path) -> None:
    site = _published(tmp_path)
    new = tmp_path / "new"
    sync_tree(site, new)
    since = time.time_ns()
    (new / "agencies" / "a" / "index.html").write_text("new", encoding="utf-8")
    assert written_through(new, since) == ["agencies/a/index.html"]
    assert (site / "agencies" / "a" / "index.html").read_text(encoding="utf-8") == "new"


def test_a_file_replaced_by_a_new_one_is_not(tmp_path: Path) -> None:
    site = _published(tmp_path)
    new = tmp_path / "new"
    sync_tree(site, new)
    since = time.time_ns()
    page = new / "agencies" / "a" / "index.html"
    page.unlink()  # what the hook does before MkDocs writes
    page.write_text("new", encoding="utf-8")
    assert written_through(new, since) == []
    assert (site / "agencies" / "a" / "index.html").read_text(encoding="utf-8") == "published"


def _listing(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {
        path.relative_to(folder).as_posix(): (path.stat().st_ino, path.read_bytes())
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_a_spare_site_is_made_the_published_one(tmp_path: Path) -> None:
    """Whatever an earlier site left in the spare folder (a page since
    removed, a page since changed, a folder where a file now is, the other
    languages' folder), it ends with the published site's files, shared."""
    site = _published(tmp_path)
    spare = tmp_path / "spare"
    sync_tree(site, spare)
    (spare / "gone").mkdir()
    (spare / "gone" / "index.html").write_text("removed since", encoding="utf-8")
    (spare / "es").mkdir()
    (spare / "agencies" / "a" / "index.html").unlink()
    (spare / "agencies" / "a" / "index.html").write_text("an older page", encoding="utf-8")
    (site / "gone").write_text("now a file", encoding="utf-8")
    (site / "es").mkdir()
    (site / "es" / "index.html").write_text("inicio", encoding="utf-8")
    sync_tree(site, spare, skip={"es"})
    expected = {name: data for name, data in _listing(site).items() if not name.startswith("es/")}
    assert _listing(spare) == expected
    assert not (spare / "es").exists()
