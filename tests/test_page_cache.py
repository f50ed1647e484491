"""Parsed English pages are reused between runs only when the page and the code are the same."""

from __future__ import annotations

import pytest

import doclocale.reading.page_cache as page_cache
from doclocale.catalogs.templates import read_sources
from doclocale.errors import SourceError


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    seen: list[str] = []
    real = page_cache.parse_page

    def parse(display: str, text: str):
        seen.append(display)
        return real(display, text)

    monkeypatch.setattr(page_cache, "parse_page", parse)
    return seen


def test_an_unchanged_page_is_not_parsed_again(settings, parses) -> None:
    first = read_sources(settings)
    assert len(parses) == len(first) >= 4
    parses.clear()
    again = read_sources(settings)
    assert parses == []
    assert again == first, "the cached pages are the pages"

    guide = settings.source_dir / "guides/microneedling.md"
    guide.write_text(guide.read_text(encoding="utf-8").replace("Micro-needling", "Microneedling", 1), "utf-8")
    changed = read_sources(settings)
    assert parses == ["docs/en/guides/microneedling.md"]
    assert changed["guides/microneedling.md"].segments != first["guides/microneedling.md"].segments
    entries = list(settings.cache_dir("pages").iterdir())
    assert len(entries) == len(first), "the entry of the page's old text is removed"


def test_new_code_parses_again(settings, parses, monkeypatch) -> None:
    read_sources(settings)
    parses.clear()
    monkeypatch.setattr("doclocale.util.result_store.code_fingerprint", lambda: b"other code")
    read_sources(settings)
    assert len(parses) >= 4


def test_a_damaged_entry_is_parsed_again(settings, parses) -> None:
    first = read_sources(settings)
    for entry in settings.cache_dir("pages").iterdir():
        entry.write_bytes(entry.read_bytes()[:20])
    parses.clear()
    assert read_sources(settings) == first
    assert len(parses) == len(first)


def test_a_page_that_cannot_be_parsed_is_reported_every_time(settings, parses) -> None:
    page = settings.source_dir / "broken.md"
    page.write_text("Text " + "[" * 1001 + "\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(SourceError, match=r"\["):
            read_sources(settings)
    assert parses.count("docs/en/broken.md") == 2
