"""The real content builds into one bilingual site that a reader can use."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

from doclocale.cli import main

PAGES = ["index.html", "about/index.html", "guides/microneedling/index.html"]


def ids(html: str) -> list[str]:
    return [i for i in re.findall(r'<h[1-6][^>]* id="([^"]+)"', html)]


def test_both_languages_are_built_with_the_same_headings(built_site: Path) -> None:
    for page in PAGES:
        english = (built_site / page).read_text(encoding="utf-8")
        persian = (built_site / "fa" / page).read_text(encoding="utf-8")
        assert '<html dir="ltr" lang="en"' in english and '<html dir="rtl" lang="fa"' in persian
        assert ids(english) and ids(english) == ids(persian), page


def test_persian_guide_is_in_persian(built_site: Path) -> None:
    html = (built_site / "fa/guides/microneedling/index.html").read_text(encoding="utf-8")
    assert "میکرونیدلینگ" in html
    assert "۳۰ تا ۴۰ دقیقه" in html
    assert "translation-notice" not in html  # fully translated: no notice
    assert "Micro-needling uses very small needles" not in html


def test_nothing_is_loaded_from_another_host(built_site: Path) -> None:
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        loads = re.findall(r'<(?:script|img|iframe|source)[^>]*\ssrc="([^"]+)"', html)
        loads += re.findall(r'<link[^>]*\shref="([^"]+)"[^>]*>', html)
        foreign = [url for url in loads if re.match(r"(https?:)?//", url) and "guides.example-clinic.ir" not in url]
        assert not foreign, f"{path}: {foreign}"


def test_editing_a_msgstr_changes_the_page_with_plain_mkdocs_build(project: Path) -> None:
    po_path = project / "locale/fa/LC_MESSAGES/guides/microneedling.po"
    catalog = read_po(po_path.open("rb"))
    catalog["Pain"].string = "دردِ آزمایشی"
    with po_path.open("wb") as stream:
        write_po(stream, catalog, width=76)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project, check=True)
    html = (project / "site/fa/guides/microneedling/index.html").read_text(encoding="utf-8")
    assert "دردِ آزمایشی" in html


def test_a_broken_anchor_in_an_english_page_fails_the_build_naming_the_file(project: Path, capsys) -> None:
    page = project / "docs/en/index.md"
    page.write_text(page.read_text().replace("#who-should-not", "#no-such-section"))
    (project / "site").mkdir()
    (project / "site" / "keep.txt").write_text("previous site")
    code = main(["--config", str(project / "mkdocs.yml"), "build"])
    assert code == 1
    err = capsys.readouterr().err
    assert "index.md" in err and "no-such-section" in err
    assert (project / "site" / "keep.txt").read_text() == "previous site"  # previous site kept


def test_each_language_has_its_own_not_found_page(built_site: Path) -> None:
    """A reader with a dead link lands on a page in their language that leads back to the guides."""
    from selectolax.lexbor import LexborHTMLParser

    for path, language, direction, heading in (
        ("404.html", "en", "ltr", "Page not found"),
        ("fa/404.html", "fa", "rtl", "صفحه پیدا نشد"),
    ):
        tree = LexborHTMLParser((built_site / path).read_text(encoding="utf-8"))
        html = tree.css_first("html").attributes
        assert (html["lang"], html["dir"]) == (language, direction), path
        assert tree.css_first("article h1").text().strip() == heading
        links = {a.attributes["href"]: a.text().strip() for a in tree.css("article a")}
        home = "/" if language == "en" else f"/{language}/"
        guide = f"{home}guides/microneedling/"
        assert set(links) == {home, guide}, links
        assert links[guide] == ("Micro-needling" if language == "en" else "میکرونیدلینگ")
        assert (built_site / guide.strip("/") / "index.html").exists()
        body = tree.css_first("article").text()
        assert ("Page" in body) == (language == "en"), "the Persian 404 page has English text, or the reverse"
        assert ("guides" in body.lower()) == (language == "en")
        # The language switch of a page that does not exist leads to each language's home page.
        switch = [(a.attributes["hreflang"], a.attributes["href"]) for a in tree.css("a.md-select__link")]
        assert switch == [("en", "/"), ("fa", "/fa/")], path


def test_a_guides_search_text_starts_with_the_guides_own_words(built_site: Path) -> None:
    """Search excerpts begin with the page's text, not with its print links or notices."""
    from doclocale.website.search import page_record

    for path, first in (
        ("guides/microneedling/index.html", "Micro-needling"),
        ("fa/guides/microneedling/index.html", "میکرونیدلینگ"),
    ):
        record = page_record((built_site / path).read_bytes(), path)
        assert record is not None and record.shown_content.startswith(first), record.shown_content[:80]
        assert "PDF" not in record.shown_content


def test_a_page_nobody_translated_says_so_and_lists_its_sections(project: Path, monkeypatch) -> None:
    monkeypatch.setenv("DOCLOCALE_HANDOUTS", "false")
    (project / "docs/en/new.md").write_text("# New page\n\n## First part\n\nSome text nobody translated yet.\n")
    assert main(["--config", str(project / "mkdocs.yml"), "update"]) == 0
    assert main(["--config", str(project / "mkdocs.yml"), "build"]) == 0
    html = (project / "site/fa/new/index.html").read_text(encoding="utf-8")
    assert "این صفحه هنوز به فارسی ترجمه نشده است. عنوان بخش‌های آن در پایین به انگلیسی آمده‌اند." in html
    assert "Some text nobody translated yet." not in html and "First part" in html


def test_the_search_index_is_made_one_language_at_a_time(built_site: Path, tmp_path: Path, monkeypatch) -> None:
    """Pagefind holds every page it indexes in memory (1.9 GB for 20,404 pages in one run): each
    language gets a run of its own, and the one index lists every language with all of its pages."""
    import json
    import shutil

    import doclocale.website.search as search

    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    runs: list[list[str]] = []
    run = search._run_pagefind

    def spy(pages: Path, index: Path, where: Path) -> None:
        runs.append(
            sorted({re.search(r'lang="([^"]+)"', p.read_text(encoding="utf-8"))[1] for p in pages.rglob("*.html")})
        )
        run(pages, index, where)

    monkeypatch.setattr(search, "_run_pagefind", spy)
    assert search.write_search_index(site) == len(list(search.search_records(site)))
    assert runs == [["en"], ["fa"]]
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    per_language = {r.language: 0 for r in list(search.search_records(site))}
    for record in list(search.search_records(site)):
        per_language[record.language] += 1
    assert {language: found["page_count"] for language, found in entry["languages"].items()} == per_language
    assert all(
        (site / "pagefind" / f"pagefind.{found['hash']}.pf_meta").is_file() for found in entry["languages"].values()
    )


def test_the_search_index_holds_the_folded_words_once_and_the_page_keeps_its_spelling(tmp_path: Path) -> None:
    """Only the folded text is indexed: a word as written (with its ZWNJ, its Persian digits) is kept with
    the page for the excerpt, and is not a second word in the index (Pagefind 1.5 indexes meta values)."""
    import gzip
    import json

    from doclocale.website.search import write_search_index

    site = tmp_path / "site"
    page = site / "fa" / "guides" / "rest" / "index.html"
    page.parent.mkdir(parents=True)
    written = "پس از ۲۴ ساعت می‌توانید صورت را بشویید"
    page.write_text(
        '<!doctype html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>استراحت</title></head><body>'
        f'<article class="md-content__inner md-typeset"><h1>استراحت</h1>\n<p>{written}</p></article></body></html>',
        encoding="utf-8",
    )
    assert write_search_index(site) == 1
    unpack = lambda path: gzip.decompress(path.read_bytes())  # noqa: E731
    index = b"".join(unpack(path) for path in (site / "pagefind" / "index").glob("*.pf_index"))
    assert "میتوانید".encode() in index and "می\u200cتوانید".encode() not in index
    [fragment] = [unpack(path) for path in (site / "pagefind" / "fragment").glob("*.pf_fragment")]
    stored = json.loads(fragment[fragment.index(b"{") :])
    # the page's word count, then each word folding changed and the last one (Pagefind adds a full stop)
    fields = ["9", "5", "می\u200cتوانید", "8", "بشویید"]
    assert [a["id"] for a in stored["anchors"]] == ["shown:" + "\u2063".join(fields)]
    assert stored["content"].split()[:9] == [
        "استراحت", "پس", "از", "۲۴", "ساعت", "میتوانید", "صورت", "را", "بشویید."
    ]  # fmt: skip
    assert "shown" not in stored["meta"] and stored["meta"]["title"] == "استراحت"


def test_every_search_result_can_show_its_page_in_the_pages_own_words(built_site: Path) -> None:
    """What search.js does with a result, for every page of the built site: Pagefind's stored text,
    with the words folding changed put back, is the page's text as written, word for word."""
    import gzip
    import json

    from doclocale.website.search import FIELD_SEPARATOR, SHOWN_PREFIX, fold_text, search_records

    stored = {}
    for path in (built_site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        record = json.loads(data[data.index(b"{") :])
        stored[record["url"]] = record
    records = list(search_records(built_site))
    assert len(records) == len(stored) > 0
    for record in records:
        found = stored[record.url]
        [fields] = [a["id"][len(SHOWN_PREFIX) :].split(FIELD_SEPARATOR) for a in found["anchors"] if a["id"]]
        shown = found["content"].split()[: int(fields[0])]
        for position, word in zip(fields[1::2], fields[2::2], strict=True):
            shown[int(position)] = word
        written = [word for word in record.shown_content.split() if fold_text(word, record.language)]
        assert shown == written, record.url
