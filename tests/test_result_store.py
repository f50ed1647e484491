"""Results kept between builds: reused only for the very inputs they were computed from, pruned
to what the last run used; a warm build with nothing new neither compares pages again nor runs
Pagefind, and publishes the same bytes."""

from __future__ import annotations

import shutil
from pathlib import Path

import doclocale.website.rendered_check as rendered_check
import doclocale.website.search as search
from doclocale.cli import main
from doclocale.util.result_store import ResultStore, result_key

from .conftest import counted_parses


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_key_changes_with_any_input_and_nothing_else() -> None:
    assert result_key("a", b"b") == result_key("a", b"b")
    assert result_key("a", b"b") != result_key("a", b"c") != result_key("ab")
    assert result_key("ab", "") != result_key("a", "b")  # parts are delimited


def test_the_store_keeps_what_a_run_used_and_nothing_else(tmp_path: Path) -> None:
    first = ResultStore(tmp_path / "store")
    first.put("old", b"1")
    first.put("kept", b"2")
    (tmp_path / "tree").mkdir()
    (tmp_path / "tree" / "file").write_text("x")
    first.put_tree("folder", tmp_path / "tree")
    second = ResultStore(tmp_path / "store")
    assert second.get("kept") == b"2" and second.get("missing") is None
    assert second.copy_tree_out("folder", tmp_path / "out") and (tmp_path / "out" / "file").read_text() == "x"
    second.prune()
    assert sorted(p.name for p in (tmp_path / "store").iterdir()) == ["folder", "kept"]
    stored = tmp_path / "store" / "folder" / "file"
    assert stored.stat().st_ino == (tmp_path / "tree" / "file").stat().st_ino, "a stored folder links, not copies"
    (tmp_path / "tree" / "file").unlink()  # the folder it came from is removed: the store keeps its files
    assert stored.read_text() == "x"


def test_a_warm_build_reuses_verdicts_and_the_search_index(project: Path, monkeypatch) -> None:
    monkeypatch.setenv("DOCLOCALE_HANDOUTS", "false")
    config = ["--config", str(project / "mkdocs.yml"), "build"]
    assert main(config) == 0
    first = project.parent / "first-site"
    shutil.copytree(project / "site", first)
    calls = {"compare": 0, "pagefind": 0}
    real_compare, real_run = rendered_check.compare_published, search.subprocess.run

    def compare(*args):
        calls["compare"] += 1
        return real_compare(*args)

    def run(*args, **kwargs):
        calls["pagefind"] += 1
        return real_run(*args, **kwargs)

    monkeypatch.setattr(rendered_check, "compare_published", compare)
    monkeypatch.setattr(search.subprocess, "run", run)
    assert main(config) == 0
    assert calls == {"compare": 0, "pagefind": 0}
    assert files(first) == files(project / "site")

    about = project / "locale/fa/LC_MESSAGES/about.po"  # one page changes: compared, and indexed, again
    about.write_text(about.read_text(encoding="utf-8").replace("درباره", "دربارهٔ", 1), encoding="utf-8")
    assert main(config) == 0
    assert calls == {"compare": 1, "pagefind": 1}  # the Persian index made again, the English one copied
    fresh = project.parent / "fresh-site"
    shutil.copytree(project / "site", fresh)
    shutil.rmtree(fresh / "pagefind")
    search.write_search_index(fresh)  # no store: both languages indexed from nothing
    assert files(fresh / "pagefind") == files(project / "site" / "pagefind")


def test_a_check_after_the_build_parses_no_catalog_the_build_parsed(project: Path, monkeypatch, capsys) -> None:
    from doclocale.settings import load_settings
    from doclocale.translating.generation import generate_all

    settings = load_settings(project / "mkdocs.yml")
    shutil.rmtree(settings.cache_dir("catalogs"), ignore_errors=True)
    generate_all(settings)  # the build's generation reads every page's catalog
    parsed = counted_parses(monkeypatch)
    assert main(["--config", str(project / "mkdocs.yml"), "check", "--no-site"]) == 0
    assert set(parsed) == {"locale/fa/LC_MESSAGES/_site.po"}  # no page reads the site strings


def test_a_check_after_a_check_parses_only_the_catalogs_that_changed(project: Path, monkeypatch, capsys) -> None:
    config = ["--config", str(project / "mkdocs.yml"), "check", "--no-site"]
    assert main(config) == 0
    first = capsys.readouterr().out
    parsed = counted_parses(monkeypatch)
    assert main(config) == 0 and capsys.readouterr().out == first
    assert parsed == [], "nothing changed: the whole answer is kept (runner.content_findings)"
    about = project / "locale/fa/LC_MESSAGES/about.po"
    about.write_text(about.read_text(encoding="utf-8").replace("درباره", "دربارهٔ", 1), encoding="utf-8")
    parsed.clear()
    main(config)
    assert sorted(parsed) == ["locale/fa/LC_MESSAGES/_site.po", "locale/fa/LC_MESSAGES/about.po"]


def test_a_stored_search_index_stays_what_pagefind_wrote(tmp_path: Path) -> None:
    """The store keeps an index by hard links to the files put into the site: a file of the site's
    index written in place would change the stored one. Index both languages, change the English
    pages only (Persian reused from the store), then build again with nothing changed: every
    language the index lists has its files."""
    import json

    from doclocale.website.search import write_search_index

    site, store = tmp_path / "site", tmp_path / "store"

    def pages(english: str) -> None:
        for language, folder, words in (("en", "", english), ("fa", "fa/", "سلام متن فارسی")):
            for number in range(3):
                page = site / folder / f"p{number}" / "index.html"
                page.parent.mkdir(parents=True, exist_ok=True)
                page.write_text(
                    f'<html lang="{language}"><head><title>T{number}</title></head><body><article '
                    f'class="md-content__inner md-typeset"><h1>T{number}</h1><p>{words} {number}</p></article>'
                    "</body></html>",
                    encoding="utf-8",
                )

    def indexed() -> dict[str, bool]:
        kept = ResultStore(store)
        write_search_index(site, kept)
        kept.prune()
        entry = json.loads((site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
        return {
            language: (site / "pagefind" / f"pagefind.{found['hash']}.pf_meta").is_file()
            for language, found in entry["languages"].items()
        }

    pages("hello world")
    assert indexed() == {"en": True, "fa": True}
    pages("other English words")
    assert indexed() == {"en": True, "fa": True}
    assert indexed() == {"en": True, "fa": True}, "a stored index was changed by the build that stored it"
