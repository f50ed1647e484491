"""The last checks, after MkDocs rendered a page, never take the site down.

The gate judges every translation before the pages are written. Two checks run
again on what MkDocs itself made: the page's content against the English page's,
and the whole page as browsers parse it (the content ends inside the elements the
template opened around it). When either fires, that one page is published in
English with the usual notice, the console names it and calls it a defect,
``make check`` reports S304, and a release build fails naming the page.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

import doclocale.website.rendered_check as rendered_check
from doclocale.catalogs.merge import read_catalog, write_catalog
from doclocale.cli import main
from doclocale.translating.html_rule import CONTENT_ANCESTORS

GUIDE = "locale/fa/LC_MESSAGES/guides/microneedling.po"
CODE = "S304"  # make check's finding for a page published in English


def build(root: Path, *args: str) -> int:
    return main(["--config", str(root / "mkdocs.yml"), "build", *args])


def page(root: Path, path: str) -> LexborHTMLParser:
    return LexborHTMLParser((root / "site" / path).read_text(encoding="utf-8"))


def persian_words_in(tree: LexborHTMLParser) -> bool:
    return any("\u0600" <= char <= "\u06ff" for char in tree.css_first("article").text())


@pytest.fixture
def quick(project: Path, monkeypatch) -> Path:
    monkeypatch.setenv("DOCLOCALE_HANDOUTS", "false")
    return project


def test_a_page_the_comparison_stops_is_published_in_english_and_every_other_page_as_usual(
    quick: Path, monkeypatch, capsys, caplog
) -> None:
    real = rendered_check.compare_published

    def fires_on_about(english: str, translated: str, name: str, language: str) -> list[str]:
        return (
            ["has <em> where the English has <strong> (a test)"]
            if name == "about.md"
            else real(english, translated, name, language)
        )

    monkeypatch.setattr(rendered_check, "compare_published", fires_on_about)
    (quick / "site").mkdir()
    (quick / "site" / "keep.txt").write_text("previous site")
    assert build(quick, "--strict") == 1
    report = capsys.readouterr()
    assert "docs/fa/about.md: the page MkDocs rendered differs from the English page: has <em>" in report.err
    assert (quick / "site" / "keep.txt").exists()  # a failed release build keeps the previous site

    caplog.set_level(logging.INFO)
    assert build(quick) == 0
    assert "docs/fa/about.md: published in English" in caplog.text and "defect" in caplog.text
    about = page(quick, "fa/about/index.html")
    assert about.css_first("aside.translation-notice") is not None
    assert about.css_first('article div[lang="en"][dir="ltr"] h1') is not None
    assert about.css_first("html").attributes["lang"] == "fa"  # still the Persian page, in its place
    for other in ("fa/index.html", "fa/guides/microneedling/index.html"):
        assert persian_words_in(page(quick, other)), other

    assert main(["--config", str(quick / "mkdocs.yml"), "check"]) == 1
    out = capsys.readouterr().out
    assert f"docs/fa/about.md: {CODE} error: published in English" in out


def test_the_whole_page_is_checked_even_when_the_gate_judges_content_alone(quick: Path, monkeypatch, caplog) -> None:
    """The old gate (content parsed alone) lets a stray end tag through; the check of the page as
    browsers parse it still publishes the page in English instead of a broken one."""
    monkeypatch.setattr("doclocale.translating.gate.in_page_context", lambda html: html)
    monkeypatch.setattr("doclocale.translating.html_rule.in_page_context", lambda html: html)
    catalog = read_catalog(quick / GUIDE)
    catalog.get("small wrinkles").string = "چین و چروک‌های ریز</div></div>"
    write_catalog(quick / GUIDE, catalog)
    caplog.set_level(logging.INFO)
    assert build(quick) == 0
    assert "docs/fa/guides/microneedling.md: published in English" in caplog.text
    guide = page(quick, "fa/guides/microneedling/index.html")
    assert "</div></div>" not in (quick / "site/fa/guides/microneedling/index.html").read_text(encoding="utf-8")
    assert guide.css_first("article footer.review-status") is not None  # the article is whole
    assert guide.css_first('article div[lang="en"] h2#who-should-not') is not None


def test_the_content_sits_where_the_gate_judges_it(built_site: Path) -> None:
    for path in sorted(built_site.rglob("index.html")):
        heading = LexborHTMLParser(path.read_text(encoding="utf-8")).css_first("article h1")
        if heading is None:
            continue
        chain, node = [], heading.parent
        while node is not None and node.tag not in ("body", "html"):
            chain.append(node.tag)
            node = node.parent
        assert tuple(reversed(chain)) == CONTENT_ANCESTORS, path
