"""The writer rewrites only files whose bytes changed, deletes what is no
longer rendered, and never cleans a folder it did not write."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import generator.write
from generator.cache import Store
from generator.errors import BuildError
from generator.write import MARKER, TreeWriter, version, write_tree


def test_only_changed_files_are_rewritten(tmp_path: Path) -> None:
    root = tmp_path / "docs"
    write_tree({"a.md": b"one", "sub/b.md": b"two"}, root)
    old = root / "a.md"
    os.utime(old, ns=(1, 1))
    stats = write_tree({"a.md": b"one", "sub/b.md": b"three"}, root)
    assert (stats.written, stats.unchanged, stats.deleted) == (1, 1, 0)
    assert old.stat().st_mtime_ns == 1
    assert (root / "sub" / "b.md").read_bytes() == b"three"


def test_stale_files_and_empty_folders_are_deleted(tmp_path: Path) -> None:
    root = tmp_path / "docs"
    write_tree({"a.md": b"one", "old/b.md": b"two"}, root)
    stats = write_tree({"a.md": b"one"}, root)
    assert stats.deleted == 1
    assert sorted(p.name for p in root.iterdir()) == sorted([MARKER, "a.md"])


def test_a_folder_it_did_not_write_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(BuildError, match="refusing"):
        write_tree({"a.md": b"one"}, tmp_path)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(
    "path", ["../escape.md", "/etc/x.md", "", ".", "./", "a/../../b.md", "a/./b.md", "a//b.md"]
)
def test_paths_stay_inside_the_tree(tmp_path: Path, path: str) -> None:
    with pytest.raises(BuildError):
        write_tree({path: b"x"}, tmp_path / "docs")
    assert not (tmp_path / "escape.md").exists()
    assert not (tmp_path / "b.md").exists()


def test_a_folder_where_a_file_goes_is_an_error_not_a_loss(tmp_path: Path) -> None:
    root = tmp_path / "docs"
    write_tree({"a/b.md": b"one"}, root)
    with pytest.raises(IsADirectoryError):
        write_tree({"a": b"two"}, root)
    assert (root / "a" / "b.md").read_bytes() == b"one"
    assert [p.name for p in root.iterdir() if p.name.startswith(".tmp-")] == []


def test_a_file_is_kept_unread_only_as_the_writer_left_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`keep` trusts the writer's record of a file (version, size, time)
    only while the file is as it was left, and the record is kept between
    writers through the build cache; without the cache nothing is kept."""
    monkeypatch.setenv("SERVICE_PLANS_CACHE", str(tmp_path / "cache"))
    records = Store("docs-trees")
    root = tmp_path / "docs"
    write_tree({"a.md": b"one", "b.md": b"two"}, root, records)
    writer = TreeWriter(root, records)
    assert writer.keep("a.md", version(b"one"))
    assert not writer.keep("b.md", version(b"other"))
    writer.write({"b.md": b"two"})
    assert writer.finish().deleted == 0
    (root / "a.md").write_bytes(b"uno")  # the same size, another time
    assert not TreeWriter(root, records).keep("a.md", version(b"one"))
    assert not TreeWriter(root).keep("b.md", version(b"two"))  # no records: nothing known


def test_a_tree_as_the_writer_left_it_is_cleaned_from_its_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While no file or folder was added to or removed from the tree since
    the last writer finished, what is no longer rendered is known from the
    writer's record, without walking the tree; anything added by hand, at
    any depth, or left by a writer that did not finish, makes the writer
    walk the tree again, so that it is deleted all the same."""
    monkeypatch.setenv("SERVICE_PLANS_CACHE", str(tmp_path / "cache"))
    records = Store("docs-trees")
    root = tmp_path / "docs"
    write_tree({"a.md": b"one", "old/deep/b.md": b"two", "c.md": b"three"}, root, records)
    walked: list[str] = []
    walk = generator.write._delete_stale

    def counted(where: Path, keep: set[str]) -> int:
        walked.append(str(where))
        return walk(where, keep)

    monkeypatch.setattr(generator.write, "_delete_stale", counted)
    stats = write_tree({"a.md": b"one"}, root, records)
    assert (stats.deleted, walked) == (2, [])
    assert sorted(p.name for p in root.iterdir()) == sorted([MARKER, "a.md"])
    (root / "new").mkdir()
    (root / "new" / "stray.md").write_bytes(b"by hand")
    assert write_tree({"a.md": b"one"}, root, records).deleted == 1
    assert walked == [str(root)]
    assert not (root / "new").exists()
    unfinished = TreeWriter(root, records)
    unfinished.write({"d.md": b"four"})  # and never finishes
    assert write_tree({"a.md": b"one"}, root, records).deleted == 1
    assert len(walked) == 2
    assert sorted(p.name for p in root.iterdir()) == sorted([MARKER, "a.md"])
