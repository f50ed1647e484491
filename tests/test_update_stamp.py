"""A second `update` with nothing changed does no work, and any change of what it reads makes it work again."""

from __future__ import annotations

import pytest

import doclocale.catalogs.update as pipeline
from doclocale.catalogs.update import update_catalogs

from .conftest import counted_parses


@pytest.fixture
def reads(monkeypatch) -> list[int]:
    """Counts the runs that read the English pages (the work a stamp saves)."""
    runs: list[int] = []
    real = pipeline.each_source

    def each_source(settings, pages):
        runs.append(1)
        return real(settings, pages)

    monkeypatch.setattr(pipeline, "each_source", each_source)
    return runs


def settle(settings) -> None:
    """Update until a run writes nothing (the first may bring the bundled catalogs up to date)."""
    for _ in range(3):
        if not update_catalogs(settings).written:
            return
    raise AssertionError("update does not reach a fixed point")


def test_nothing_changed_nothing_read(settings, reads) -> None:
    settle(settings)
    reads.clear()
    assert update_catalogs(settings).written == []
    assert update_catalogs(settings, check=True).written == []
    assert reads == [], "an update of unchanged inputs reads no page"


@pytest.mark.parametrize(
    "edit",
    [
        "docs/en/guides/microneedling.md",
        "locale/fa/LC_MESSAGES/guides/microneedling.po",
        "locale/guides/microneedling.pot",
        "mkdocs.yml",
    ],
)
def test_any_edit_runs_the_update_again(settings, reads, edit) -> None:
    settle(settings)
    reads.clear()
    path = settings.root / edit
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    update_catalogs(settings, check=True)
    assert reads == [1]


def test_a_new_page_is_extracted(settings, reads) -> None:
    settle(settings)
    (settings.source_dir / "new.md").write_text("# A new page\n\nKeep the skin clean.\n", encoding="utf-8")
    result = update_catalogs(settings)
    assert "locale/fa/LC_MESSAGES/new.po" in result.created
    assert (settings.locale_dir / "fa/LC_MESSAGES/new.po").exists()


def test_orphaned_catalogs_are_reported_every_time(settings, reads) -> None:
    settle(settings)
    (settings.source_dir / "guides/microneedling.md").unlink()
    first = update_catalogs(settings)  # also takes the folder's title out of the site catalog
    settle(settings)
    assert set(first.orphaned) == {"locale/fa/LC_MESSAGES/guides/microneedling.po"}
    assert first.orphaned["locale/fa/LC_MESSAGES/guides/microneedling.po"] > 10
    reads.clear()
    again = update_catalogs(settings)
    assert reads == [], "the second run is answered from the stamp"
    assert again.orphaned == first.orphaned


def test_a_damaged_stamp_means_a_full_update(settings, reads) -> None:
    settle(settings)
    for stamp in settings.cache_dir("update").glob("*"):
        stamp.write_text("{not json", encoding="utf-8")
    reads.clear()
    assert update_catalogs(settings).written == []
    assert reads == [1]


def test_stale_catalogs_are_reported_by_every_check(settings, reads) -> None:
    settle(settings)
    guide = settings.source_dir / "guides/microneedling.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\nA new closing line.\n", encoding="utf-8")
    for _ in range(2):
        assert "locale/fa/LC_MESSAGES/guides/microneedling.po" in update_catalogs(settings, check=True).written


def test_a_full_update_parses_no_catalog_whose_bytes_were_parsed_before(settings, monkeypatch) -> None:
    """The catalogs a build (or an earlier update) parsed are taken from .cache/catalogs/: a first
    `update --check` after a build reads each catalog's bytes, and parses only what changed."""
    settle(settings)
    parsed: list[str] = []
    real = pipeline.catalog_of_file

    def catalog_of_file(path, display, data):
        parsed.append(display)
        return real(path, display, data)

    monkeypatch.setattr(pipeline, "catalog_of_file", catalog_of_file)
    (settings.cache_dir("update") / "update.json").unlink()  # no stamp: the whole update runs
    catalog = settings.catalog_path("fa", "about")
    catalog.write_bytes(catalog.read_bytes() + b"\n")
    assert update_catalogs(settings, check=True).written == []
    assert parsed == ["locale/fa/LC_MESSAGES/about.po"]


def test_an_update_after_an_english_edit_parses_no_catalog_file_again(settings, monkeypatch) -> None:
    """Templates (.pot) and catalogs (.po) whose bytes were parsed before come from the store: an
    editor's `make update` after changing one page compares every file without parsing it again."""
    settle(settings)
    parsed = counted_parses(monkeypatch)
    page = settings.root / "docs/en/about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA new sentence for the catalogs.\n", encoding="utf-8")
    result = update_catalogs(settings, check=True)
    assert "locale/about.pot" in result.written and "locale/fa/LC_MESSAGES/about.po" in result.written
    assert parsed == []


def test_the_stamp_answers_from_any_working_folder(settings, reads, monkeypatch) -> None:
    """A build's second process loads mkdocs.yml by its absolute path; `update --check` in the
    project folder loads it as `mkdocs.yml`: the same files, the same stamp."""
    from pathlib import Path

    from doclocale.settings import load_settings

    settle(settings)
    monkeypatch.chdir(settings.root)
    reads.clear()
    assert update_catalogs(load_settings(Path("mkdocs.yml")), check=True).written == []
    assert reads == [], "the stamp written with absolute paths was not recognised"


def test_a_run_during_which_a_file_changed_leaves_no_stamp(settings, monkeypatch) -> None:
    """The stamp's key is taken before the files are read: an edit during the run (a build's
    second process runs `update --check` for a while) must not be stamped with the old key."""
    settle(settings)
    (settings.cache_dir("update") / "update.json").unlink()
    real = pipeline.write_files_atomic

    def editing(writes):
        catalog = settings.catalog_path("fa", "about")
        catalog.write_bytes(catalog.read_bytes() + b"\n")
        return real(writes)

    monkeypatch.setattr(pipeline, "write_files_atomic", editing)
    update_catalogs(settings, check=True)
    assert not (settings.cache_dir("update") / "update.json").exists()
