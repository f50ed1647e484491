"""Built-site checks on deliberately broken copies of the real site."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from doclocale.checks.links import check_site
from doclocale.model import Severity
from doclocale.settings import load_settings

from .fixture_cases import FIXTURES, assert_report

ROOT = Path(__file__).resolve().parent.parent


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def three_sides(path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(3):
        writer.add_blank_page(595, 842)
    with path.open("wb") as out:
        writer.write(out)


GUIDE_EN = "guides/microneedling/index.html"
GUIDE_FA = "fa/guides/microneedling/index.html"

# case name -> (how to break the site, code expected, text the message must contain)
BREAKAGES = {
    "missing-page": (lambda s: shutil.rmtree(s / "about"), "L901", "about/"),
    "missing-anchor": (lambda s: edit(s / "index.html", "#who-should-not", "#nowhere"), "L902", "nowhere"),
    "missing-image": (lambda s: (s / "assets/microneedling-skin.svg").unlink(), "L901", "microneedling-skin.svg"),
    "missing-persian-page": (lambda s: shutil.rmtree(s / "fa/about"), "L907", "fa/about/index.html"),
    "not-found-page-switch-to-a-guide": (
        lambda s: edit(s / "fa/404.html", 'href="/" hreflang="en"', 'href="/guides/microneedling/" hreflang="en"'),
        "L908",
        "points to guides/microneedling/index.html, expected that language's home page (index.html)",
    ),
    "foreign-font": (
        lambda s: edit(
            s / GUIDE_FA,
            "</head>",
            '<link rel="preload" as="font" href="https://fonts.gstatic.com/s/vazir.woff2"></head>',
        ),
        "L903",
        "fonts.gstatic.com",
    ),
    "foreign-css-import": (
        lambda s: (s / "assets/extra.css").write_text('@import "https://fonts.googleapis.com/css?family=Vazirmatn";'),
        "L903",
        "fonts.googleapis.com",
    ),
    "http-content-link": (
        lambda s: edit(s / GUIDE_EN, "<p>", '<p><a href="http://example.org/">x</a>'),
        "L904",
        "http://example.org/",
    ),
    "http-link-after-a-link-to-this-site": (
        lambda s: edit(
            s / GUIDE_EN,
            "<p>",
            '<p><a href="https://guides.example-clinic.ir/about/" target="_blank">s</a><a href="http://example.org/">x</a>',
        ),
        "L904",
        "http://example.org/",
    ),
    "language-switch-without-english": (
        lambda s: edit(
            s / GUIDE_FA, '<a href="../../../guides/microneedling/" hreflang="en" class="md-select__link">', "<a>"
        ),
        "L908",
        "language switch has no link to en",
    ),
    "new-tab-without-noopener": (
        lambda s: edit(s / GUIDE_EN, "<p>", '<p><a href="https://example.org/" target="_blank">x</a>'),
        "L905",
        "noopener",
    ),
    "relative-hreflang": (
        lambda s: edit(
            s / GUIDE_FA,
            'hreflang="en" href="https://guides.example-clinic.ir/guides/microneedling/"',
            'hreflang="en" href="../../../guides/microneedling/"',
        ),
        "L909",
        "hreflang",
    ),
    "missing-hreflang": (
        lambda s: edit(
            s / GUIDE_EN,
            '<link rel="alternate " hreflang="fa" href="https://guides.example-clinic.ir/fa/guides/microneedling/">',
            "",
        ),
        "L909",
        "is 'missing'",
    ),
    "persian-page-without-english-and-wrong-hreflang": (
        lambda s: (
            shutil.rmtree(s / "about"),
            edit(
                s / "fa/about/index.html",
                'hreflang="fa" href="https://guides.example-clinic.ir/fa/about/"',
                'hreflang="fa" href="https://guides.example-clinic.ir/fa/"',
            ),
        ),
        "L909",
        "expected 'https://guides.example-clinic.ir/fa/about/'",
    ),
    "language-switch-to-itself-elsewhere": (
        lambda s: edit(s / GUIDE_FA, 'href="./" hreflang="fa"', 'href="../../" hreflang="fa"'),
        "L908",
        "language switch to fa",
    ),
    "no-x-default": (lambda s: edit(s / GUIDE_FA, 'hreflang="x-default"', 'hreflang="de"'), "L910", "x-default"),
    "rtl-on-body-only": (lambda s: edit(s / GUIDE_FA, '<html dir="rtl"', "<html"), "L911", "rtl"),
    "persian-page-says-english": (lambda s: edit(s / GUIDE_FA, 'lang="fa"', 'lang="en"'), "L906", "lang"),
    "language-switch-to-the-wrong-page": (
        lambda s: edit(
            s / GUIDE_FA, 'href="../../../guides/microneedling/" hreflang="en"', 'href="../../../" hreflang="en"'
        ),
        "L908",
        "language switch",
    ),
    "not-found-page-without-a-switch-to-persian": (
        lambda s: edit(s / "404.html", '<a href="/fa/" hreflang="fa" class="md-select__link">', "<a>"),
        "L908",
        "language switch to fa points to nothing",
    ),
    "not-found-page-switching-to-a-guide": (
        lambda s: edit(
            s / "fa/404.html",
            '<a href="/" hreflang="en" class="md-select__link">',
            '<a href="/guides/microneedling/" hreflang="en" class="md-select__link">',
        ),
        "L908",
        "language switch to en points to guides/microneedling/index.html",
    ),
    "page-missing-from-sitemap": (
        lambda s: edit(
            s / "sitemap.xml", "<loc>https://guides.example-clinic.ir/about/</loc>", "<loc>https://x.invalid/</loc>"
        ),
        "L912",
        "sitemap",
    ),
    "missing-sitemap": (lambda s: (s / "sitemap.xml").unlink(), "L912", "sitemap.xml is missing"),
    "script-from-a-cdn": (
        lambda s: edit(s / GUIDE_EN, "</body>", '<script src="//cdn.example.net/x.js"></script></body>'),
        "L903",
        "cdn.example.net",
    ),
    "image-srcset-from-elsewhere": (
        lambda s: edit(s / GUIDE_FA, "<p>", '<p><img alt="" src="x.png" srcset="https://img.example.org/a.png 2x">'),
        "L903",
        "img.example.org",
    ),
    "font-url-in-css": (
        lambda s: (s / "assets/extra.css").write_bytes(
            b"\n/* caf\xe9: saved as Latin-1 */\nbody { margin: 0 }\n@font-face{src:url('https://fonts.example.com/v.woff2')}\n"
            b".after { margin: 0 }\n"
        ),
        "L903",
        "fonts.example.com",
    ),
    "link-with-entity-and-anchor": (
        lambda s: edit(s / GUIDE_EN, "<p>", '<p><a href="../../about/?a=1&amp;b=2#nowhere">x</a>'),
        "L902",
        "nowhere",
    ),
    "anchor-on-an-image-page": (
        lambda s: edit(s / GUIDE_FA, "<p>", '<p><img alt="" src="../../../assets/missing.svg#x">'),
        "L901",
        "missing.svg",
    ),
    "handout-longer-than-a-sheet": (
        lambda s: three_sides(s / "guides/microneedling/microneedling-en.pdf"),
        "L914",
        "English handout microneedling-en.pdf takes 3 A4 sides",
    ),
    "handout-letter-its-font-lacks": (
        lambda s: edit(s / GUIDE_FA, "<h2", "<p>\u263a \u2615</p><h2"),
        "L915",
        "(U+263A)",
    ),
}


@pytest.fixture
def site_copy(built_site: Path, tmp_path: Path):
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    settings = dataclasses.replace(load_settings(built_site.parent / "mkdocs.yml"), site_dir=copy, root=tmp_path)
    return settings


def test_the_real_site_passes(site_copy) -> None:
    assert check_site(site_copy) == []


def test_addresses_a_browser_does_not_fetch_or_that_exist_pass(site_copy) -> None:
    """mailto:, tel:, javascript:, data:, a named anchor, a page with a query string, the site's own host."""
    links = (
        '<a href="mailto:clinic@example.ir">m</a> <a href="tel:+982100000000">t</a> <a name="named">n</a>'
        '<a href="#named">to the named anchor</a> <a href="../../about/?from=guide#medical-review">q</a>'
        '<img alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="> <a href="javascript:void(0)">j</a>'
        '<img alt="" src="https://guides.example-clinic.ir/assets/microneedling-skin.svg">'
        '<a href="https://example.org/care" target="_blank" rel="external noopener">new tab, safely</a>'
        '<a href="https://guides.example-clinic.ir/about/" target="_blank">this site, in a new tab</a>'
    )
    edit(site_copy.site_dir / GUIDE_EN, "<p>", f"<p>{links}")
    assert [f.format() for f in check_site(site_copy)] == []


@pytest.mark.parametrize("case", sorted(BREAKAGES))
def test_a_broken_site_fails_naming_page_and_link(site_copy, case: str) -> None:
    breaker, code, text = BREAKAGES[case]
    breaker(site_copy.site_dir)
    every = check_site(site_copy)
    findings = [f for f in every if f.code == code]
    assert findings, f"{case}: no {code} finding"
    assert any(text in f.message for f in findings), [f.format() for f in findings]
    assert all(f.location.path.startswith("site/") for f in findings)
    assert_report(FIXTURES / "site_breakages" / case, every)  # as `make check` prints them


def test_links_to_other_sites_are_listed(site_copy) -> None:
    from doclocale.checks.links import external_link_notes, read_site

    assert external_link_notes(site_copy, read_site(site_copy)) == []  # the real site links nowhere else
    edit(
        site_copy.site_dir / GUIDE_EN,
        "<p>",
        '<p><a href="https://example.org/care" rel="noopener">x</a><a href="https://guides.example-clinic.ir/about/">y</a>',
    )
    notes = external_link_notes(site_copy, read_site(site_copy))
    assert [(n.code, n.severity, n.location.path, n.message) for n in notes] == [
        ("L920", Severity.INFO, f"site/{GUIDE_EN}", "links to another site: https://example.org/care")
    ]


def test_online_check_uses_a_cache_and_reports_dead_links(tmp_path: Path) -> None:
    from doclocale.checks.online import check_online

    calls = []

    def fetch(url: str) -> int:
        calls.append(url)
        return {"https://ok.example/": 200, "https://gone.example/": 404}.get(url, 0)

    links = [
        ("site/index.html", "https://ok.example/"),
        ("site/index.html", "https://gone.example/"),
        ("site/fa/index.html", "https://down.example/"),
    ]
    cache = tmp_path / "links.json"
    findings = list(check_online(links, cache, fetch, now=1000.0))
    assert [(f.code, "404" in f.message or "cannot be reached" in f.message) for f in findings] == [
        ("L913", True),
        ("L913", True),
    ]
    assert len(calls) == 3
    list(check_online(links, cache, fetch, now=2000.0))
    assert len(calls) == 3, "a cached answer was fetched again"
    list(check_online(links, cache, fetch, now=1000.0 + 8 * 86400))
    assert len(calls) == 6, "an old answer was not refreshed"


def test_a_translation_that_pushes_the_sheet_past_two_sides_is_found_on_its_entry(built_site, tmp_path) -> None:
    """The Persian sheet no longer fits while the English does: the translator's to fix, on the PO
    entry whose translation grew the page most; an English sheet that does not fit is the editor's."""
    shutil.copytree(built_site.parent / "locale", tmp_path / "locale")
    shutil.copytree(built_site, tmp_path / "site")
    settings = dataclasses.replace(
        load_settings(built_site.parent / "mkdocs.yml"),
        site_dir=tmp_path / "site",
        root=tmp_path,
        locale_dir=tmp_path / "locale",
    )
    catalog = tmp_path / "locale/fa/LC_MESSAGES/guides/microneedling.po"
    text = catalog.read_text(encoding="utf-8")
    grown = 'msgstr "یک جلسه چگونه پیش می‌رود"'
    catalog.write_text(text.replace(grown, grown[:-1] + " بسیار" * 30 + '"'), encoding="utf-8")
    three_sides(tmp_path / "site/fa/guides/microneedling/microneedling-fa.pdf")

    [finding] = [f for f in check_site(settings) if f.code == "L914"]
    line = text[: text.index(grown)].count("\n")  # the msgid, on the line before the msgstr
    assert (finding.location.path, finding.location.line) == ("locale/fa/LC_MESSAGES/guides/microneedling.po", line)
    assert finding.excerpt == "How a session goes"
    assert finding.severity is Severity.ERROR and "the English 2" in finding.message, finding.format()

    three_sides(tmp_path / "site/guides/microneedling/microneedling-en.pdf")
    found = sorted((f.location.path, f.severity) for f in check_site(settings) if f.code == "L914")
    assert found == [
        ("site/fa/guides/microneedling/index.html", Severity.WARNING),
        ("site/guides/microneedling/index.html", Severity.WARNING),
    ]
