"""Search index with Persian normalisation (Pagefind), and the query rules the page uses.

Persian readers type Arabic-keyboard ي and ك, leave out the zero-width non-joiner,
and mix Latin, Persian and Arabic-Indic digits. Pagefind matches words exactly, so
both the indexed text and the query are folded to one form first: the same table
(``folding_rules``) is applied here and, in the browser, by search.js.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from html import escape
from importlib import metadata
from pathlib import Path

import lxml.html

from doclocale.errors import SiteError
from doclocale.model import Location
from doclocale.util.result_store import ResultStore, result_key, result_key_of

_PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
_LATIN_DIGITS = "0123456789"
# Harakat, tanvin, superscript alef, kashida, and the invisible joiners/marks.
_REMOVE = "[\u064b-\u065f\u0670\u0640\u200c\u200d\u200e\u200f]"


def folding_rules(language: str) -> dict:
    """Character replacements and removals for ``language`` (shared with search.js)."""
    letters = {"ي": "ی", "ى": "ی", "ك": "ک", "ۀ": "ه", "ة": "ه", "أ": "ا", "إ": "ا", "ٱ": "ا"}
    if language == "fa":
        digits = dict(zip(_LATIN_DIGITS + _ARABIC_DIGITS, _PERSIAN_DIGITS * 2, strict=True))
    else:
        digits = dict(zip(_PERSIAN_DIGITS + _ARABIC_DIGITS, _LATIN_DIGITS * 2, strict=True))
    return {"replace": {**letters, **digits}, "remove": _REMOVE}


@cache
def _folding(language: str) -> tuple[re.Pattern, dict[int, str]]:
    rules = folding_rules(language)
    return re.compile(rules["remove"]), str.maketrans(rules["replace"])


def fold_text(text: str, language: str) -> str:
    """Text as it is indexed and searched: one spelling for every keyboard habit. Character by
    character: a space is never removed nor added."""
    remove, table = _folding(language)
    return remove.sub("", text).translate(table)


@dataclass(frozen=True)
class SearchRecord:
    url: str
    language: str
    title: str  # folded: what the index matches
    content: str
    shown_title: str = ""  # the page's own spelling: what a reader sees in the results
    shown_content: str = ""


_LANG = re.compile(r'<html[^>]*\slang="([^"]*)"')


def page_record(html: bytes, url: str) -> SearchRecord | None:
    """The searchable text of one built page, or None for pages kept out of search.

    Only the page's <article> is parsed: the navigation around it is most of a
    page's bytes on a large site and holds nothing to index.
    """
    text = html.decode("utf-8", errors="replace")
    head_end = text.find("</head>")
    if 'name="doclocale-search" content="exclude"' in text[:head_end]:
        return None
    start = text.find('<article class="md-content__inner')
    end = text.find("</article>", start)
    if start < 0 or end < 0:
        return None
    article = lxml.html.fragment_fromstring(text[start : end + len("</article>")])
    # Leave out what every page repeats and what is not the guide's text: permalinks, the
    # translation notice, the print links and the paper-only head, the disclaimer and the review footer
    # (so a result's excerpt starts with the page's own words).
    repeated = " or ".join(
        f'contains(@class, "{name}")'
        for name in (
            "headerlink",
            "translation-notice",
            "guide-print",
            "handout-head",
            "guide-disclaimer",
            "review-status",
        )
    )
    for skip in article.xpath(f".//*[{repeated}]|.//script|.//style"):
        skip.drop_tree()
    language = page_language(html)
    title = (article.findtext(".//h1") or "").strip()
    content = " ".join(article.text_content().split())
    return SearchRecord(url, language, fold_text(title, language), fold_text(content, language), title, content)


def page_language(html: bytes) -> str:
    """The language a built page declares on its <html> element."""
    found = _LANG.search(html[: html.find(b"</head>")].decode("utf-8", errors="replace"))
    return found.group(1) if found else "en"


def search_records(site: Path, pages: Iterable[Path] | None = None) -> Iterator[SearchRecord]:
    """The searchable pages of a built site (or of some of its pages), read one at a time."""
    for path in sorted(site.rglob("index.html")) if pages is None else pages:
        relative = path.relative_to(site).as_posix()
        record = page_record(path.read_bytes(), "/" + relative[: -len("index.html")])
        if record is not None:
            yield record


#: Where a search document keeps the page's own spelling: the id of an empty element, which Pagefind
#: stores with the page (its "anchors") and does not index. Pagefind 1.5 indexes every
#: data-pagefind-meta value as searchable words, so a meta put each page's words in the index twice
#: (BENCHMARKS.md: 1,354,532 KB for Pagefind's run over the Persian pages of 10,000 guides).
#: Only the words that folding changed are kept, with their positions, and the last word (Pagefind
#: ends a block's text with a full stop): the stored text Pagefind returns gives the others.
SHOWN_PREFIX = "shown:"
#: Pagefind removes whitespace from an id: the fields are joined by U+2063 INVISIBLE SEPARATOR,
#: removed from the words first (it shows nothing).
FIELD_SEPARATOR = "\u2063"


def search_document(record: SearchRecord) -> str:
    """A minimal HTML page for Pagefind: the folded text is indexed, and the words that folding
    changed are stored with it, so that results show the page's own spelling. Folding changes
    words one character at a time, never a space; a word it would empty (a lone mark) is left out
    of both. Only Pagefind reads this page; it is never published."""
    language = record.language
    written = (record.shown_content or record.content).replace(FIELD_SEPARATOR, "").split()
    pairs = [
        (word, indexed)
        for word, indexed in zip(written, fold_text(" ".join(written), language).split(" "), strict=True)
        if indexed
    ]
    fields = [str(len(pairs))]
    for index, (word, indexed) in enumerate(pairs):
        if word != indexed or index == len(pairs) - 1:
            fields += [str(index), word]
    shown = escape(SHOWN_PREFIX + FIELD_SEPARATOR.join(fields))
    return (
        f'<!doctype html><html lang="{escape(language)}"><head><meta charset="utf-8">'
        f"<title>{escape(record.title)}</title></head><body><main data-pagefind-body>"
        f'<div data-pagefind-ignore><span data-pagefind-meta="title">{escape(record.shown_title or record.title)}</span></div>'
        f'<span id="{shown}"></span>'
        f"<p>{escape(' '.join(indexed for _, indexed in pairs))}</p>"
        # A page whose title matches ranks first; after the text, so word positions match the shown text.
        f'<h1 data-pagefind-weight="10">{escape(record.title)}</h1></main></body></html>'
    )


def write_search_index(site: Path, store: ResultStore | None = None) -> int:
    """Index every page of the built site into site/pagefind/; returns the page count.

    Pagefind indexes folded copies of the pages (written to a temporary folder with
    the same URLs), so the index holds one spelling per word while the site keeps
    the real text. Pagefind's command line is used: its Python service answers one
    record per ~100 ms, the command line indexes thousands of pages per second. One run per
    language: Pagefind indexes each language on its own anyway, one run holds every page it
    indexes in memory (1.9 GB for 20,404 pages, BENCHMARKS.md), and with a ``store`` a
    language whose pages did not change is copied, not indexed again (a translation changes one).
    One language's run goes on while the next language's documents are written (never two
    runs at once: each holds its language's index in memory).
    """
    output = site / "pagefind"
    shutil.rmtree(output, ignore_errors=True)
    languages: dict[str, dict] = {}
    entry: dict = {}
    total = 0

    def take(index: Path | None) -> None:
        """Move a fresh index (or nothing: a stored one was copied) into the site; count its pages."""
        nonlocal entry, total
        if index is not None:
            _move_into(index, output)
        total += int((output / PAGE_COUNT).read_text(encoding="utf-8"))
        (output / PAGE_COUNT).unlink()
        entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
        languages.update(entry["languages"])

    # One Pagefind run at a time (memory), each while the next language's documents are written.
    with tempfile.TemporaryDirectory() as folder, ThreadPoolExecutor(1) as indexer:
        running: tuple[Future, Path, str, int] | None = None

        def finish(future: Future, index: Path, key: str, count: int) -> None:
            future.result()  # Pagefind's error, if it failed
            (index / PAGE_COUNT).write_text(str(count), encoding="utf-8")
            if store is not None:
                store.put_tree(key, index)
            take(index)

        for language, (key, pages) in sorted(_languages(site).items()):
            # a stored index is copied straight into the site, over the files every run writes alike
            if store is not None and store.copy_tree_out(key, output):
                take(None)
                continue
            count = sum(_write_search_documents(search_records(site, pages), Path(folder)).values())
            if not count:
                continue  # nothing of this language is searched (its 404 page only)
            if running:
                finish(*running)
            index = Path(folder) / f"{language}.index"
            running = (indexer.submit(_run_pagefind, Path(folder) / language, index, site), index, key, count)
        if running:
            finish(*running)
    # Pagefind writes its language list in hash-map order; sort it so that two
    # builds of the same site are byte-identical.
    output.mkdir(exist_ok=True)
    # A new file renamed over the old one: the old one may share its bytes with a stored index.
    merged = output / "pagefind-entry.json.partial"
    merged.write_text(
        json.dumps({**entry, "languages": languages}, sort_keys=True, ensure_ascii=False, separators=(",", ":")),
        encoding="utf-8",
    )
    merged.replace(output / "pagefind-entry.json")
    return total


PAGE_COUNT = "pages.count"  # kept with a language's stored index, not published


def _languages(site: Path) -> dict[str, tuple[str, list[Path]]]:
    """Each language's key (Pagefind's version and its pages' names and bytes, read one at a time:
    a whole site's pages are never held at once) and its pages."""
    version = metadata.version("pagefind")
    digests: dict[str, list[bytes | str]] = {}
    pages: dict[str, list[Path]] = {}
    for path in sorted(site.rglob("index.html")):
        html = path.read_bytes()
        language = page_language(html)
        digests.setdefault(language, [version]).append(result_key(path.relative_to(site).as_posix(), html))
        pages.setdefault(language, []).append(path)
    return {language: (result_key_of(digests[language]), pages[language]) for language in digests}


def _move_into(source: Path, target: Path) -> None:
    """Move a folder's files into another (renamed on one disk; a file already there is replaced)."""
    for path in sorted(source.rglob("*")):
        if path.is_file():
            destination = target / path.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(path, destination)


#: Threads that create the search documents' folders and files while the next pages are read: on a
#: busy disk creating a file waits on the file system, not on Python.
DOCUMENT_WRITERS = 4


def _write_search_documents(records: Iterable[SearchRecord], folder: Path) -> dict[str, int]:
    """One search document per record, under folder/<language>/; the count per language."""
    counts: dict[str, int] = {}
    with ThreadPoolExecutor(DOCUMENT_WRITERS) as writers:
        written = []
        for record in records:
            counts[record.language] = counts.get(record.language, 0) + 1
            target = folder / record.language / record.url.lstrip("/") / "index.html"
            written.append(writers.submit(_write_document, target, search_document(record).encode("utf-8")))
        for done in written:
            done.result()  # an error writing a document is raised here
    return counts


def _write_document(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def _run_pagefind(documents: Path, index: Path, site: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(documents), "--output-path", str(index), "--silent"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SearchIndexError(
            Location(f"{site.name}/pagefind"),
            f"pagefind failed: {result.stderr.strip() or result.stdout.strip()}",
            "run 'make build' again; if it fails again, reinstall with 'make build' on a fresh clone",
        )


class SearchIndexError(SiteError):
    """Pagefind could not write the index."""
