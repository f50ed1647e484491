"""The link checks' reading of a built site: how a reference resolves, what a page scan keeps, where a finding points.

The site checks' own tests break the real site and look at the findings; these pin the parts underneath, so a
change that resolves a link to the wrong file or reports it at the wrong line fails here with the exact value.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from doclocale.checks.site_model import Resolver, page_url, read_site, scan_page
from doclocale.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = "https://guides.example.ir/clinic/"
FILES = frozenset(
    {
        "index.html",
        "about/index.html",
        "guides/a/index.html",
        "guides/b/index.html",
        "guides/b/photo.png",
        "fa/guides/a/index.html",
        "assets/site.css",
        "odd name.html",
    }
)

# (folder of the page, reference) -> (file of site/ it names or None when it is not ours to check, fragment)
RESOLVES = {
    "sibling folder": ("guides/a/", "../b/", ("guides/b/index.html", "")),
    "sibling with anchor": ("guides/a/", "../b/#care", ("guides/b/index.html", "care")),
    "folder without its slash": ("guides/a/", "../b", ("guides/b/index.html", "")),
    "file in the same folder": ("guides/b/", "photo.png", ("guides/b/photo.png", "")),
    "missing file stays missing": ("guides/b/", "gone.png", ("guides/b/gone.png", "")),
    "anchor on the page itself": ("guides/a/", "#care", ("guides/a/index.html", "care")),
    "empty reference is the page": ("guides/a/", "", ("guides/a/index.html", "")),
    "dot is the folder": ("guides/a/", ".", ("guides/a/index.html", "")),
    "dot-dot is the parent": ("guides/a/", "..", ("guides/index.html", "")),
    "ends in slash-dot": ("guides/", "a/.", ("guides/a/index.html", "")),
    "ends in slash-dot-dot": ("guides/", "a/..", ("guides/index.html", "")),
    "slash-dot of a missing folder": ("guides/", "x/.", ("guides/x/index.html", "")),
    "query left out": ("guides/a/", "../../about/?from=a#team", ("about/index.html", "team")),
    "root-relative": ("guides/a/", "/about/", ("about/index.html", "")),
    "root from the home page": ("", "./", ("index.html", "")),
    "three levels up to the root": ("fa/guides/a/", "../../../", ("index.html", "")),
    "above the site root": ("guides/", "../../x.html", ("../x.html", "")),
    "escaped space": ("", "odd%20name.html", ("odd name.html", "")),
    "own site, absolute": ("guides/a/", SITE_URL + "about/#team", ("about/index.html", "team")),
    "own site, scheme-relative": ("", "//guides.example.ir/clinic/assets/site.css", ("assets/site.css", "")),
    "own site, plain http": ("", "http://guides.example.ir/clinic/about/", ("about/index.html", "")),
    "own host, outside the site's path": ("", "https://guides.example.ir/other/", (None, "")),
    "another site": ("", "https://example.org/about/", (None, "")),
    "another site, scheme-relative": ("", "//cdn.example.net/clinic/x.js", (None, "")),
    "mail": ("", "mailto:clinic@example.ir", (None, "")),
    "phone": ("guides/a/", "tel:+982100000000", (None, "")),
    "script": ("", "javascript:void(0)", (None, "")),
    "colon after a slash is a path": ("guides/", "a/b:c.html", ("guides/a/b:c.html", "")),
    "colon after a hash is a fragment": ("guides/a/", "#note:1", ("guides/a/index.html", "note:1")),
    "colon after a query is not a scheme": ("", "about/?at=10:30", ("about/index.html", "")),
    "hash inside a query's fragment": ("", "about/#a#b", ("about/index.html", "a#b")),
    "up from the root": ("", "../", ("..", "")),
    "down and back up past a folder": ("guides/", "a/../../about/", ("about/index.html", "")),
    "inline data": ("", "data:image/gif;base64,R0lGOD", (None, "")),
    "a scheme starts with a letter": ("", "1:2.html", ("1:2.html", "")),
}


@pytest.mark.parametrize("case", sorted(RESOLVES))
def test_a_reference_resolves_to_one_file_of_the_site(case: str) -> None:
    folder, reference, expected = RESOLVES[case]
    resolver = Resolver(FILES, SITE_URL)
    assert resolver.resolve_in(folder, reference) == expected
    assert resolver.resolve_in(folder, reference) == expected, "a second lookup (from the cache) differs"
    assert resolver.resolve(folder + "index.html", reference) == expected, "from the page's own path"


def test_the_cache_keeps_answers_per_folder() -> None:
    resolver = Resolver(FILES, SITE_URL)
    assert resolver.resolve("guides/a/index.html", "photo.png") == ("guides/a/photo.png", "")
    assert resolver.resolve("guides/b/index.html", "photo.png") == ("guides/b/photo.png", "")
    assert resolver.resolve("about/index.html", "../guides/b/photo.png") == ("guides/b/photo.png", "")
    assert resolver.resolve("index.html", "guides/b/photo.png") == ("guides/b/photo.png", "")


def test_page_address() -> None:
    assert page_url("guides/a/index.html") == "guides/a/"
    assert page_url("index.html") == ""
    assert page_url("404.html") == "404.html"


PAGE = """<!doctype html>
<html lang='fa' dir=rtl class="no-js">
<head>
<link rel="stylesheet" href="../../assets/site.css">
<link rel="alternate" hreflang="en" href="https://guides.example.ir/clinic/guides/a/">
<link rel="canonical" href="https://guides.example.ir/clinic/fa/guides/a/">
<link rel="preload" as="font" href="https://fonts.example.com/v.woff2">
<link rel="alternate" type="application/rss+xml" href="https://feeds.example.com/rss.xml">
<script src="https://cdn.example.net/x.js"></script>
</head>
<body>
<h1 id="title">T</h1><h2 id="a&amp;b">x</h2><a name="old-name">n</a>
<a href="../b/">ok</a> <a href="../b/#care">anchor</a> <a href="../gone/">missing</a>
<a href="../b/photo.png#x">anchor on an image</a> <a href="../b/?a=1&amp;b=2#q">entity</a>
<a href="mailto:clinic@example.ir">m</a> <a href="https://example.org/care" target="_blank" rel="noopener">tab</a>
<a href="https://example.org/plain">plain</a> <a href="//example.org/scheme-relative">s</a>
<a class="md-select__link" href="../../../guides/a/" hreflang="en">English</a>
<a href="https://example.org/lang" hreflang="de">de</a>
<img alt="" src="missing.png" srcset="../b/photo.png 1x, https://img.example.org/a.png 2x">
<img alt="" src="data:image/gif;base64,R0lGOD"> <iframe src="https://video.example.org/v"></iframe>
<img alt="" src="../../../odd%20name.html#f">
</body></html>
"""


def test_a_page_scan_keeps_what_the_checks_need(tmp_path: Path) -> None:
    page = tmp_path / "fa/guides/a/index.html"
    page.parent.mkdir(parents=True)
    page.write_text(PAGE, encoding="utf-8")
    files = FILES | {"fa/guides/b/index.html", "fa/guides/b/photo.png"}
    scan = scan_page(tmp_path, "fa/guides/a/index.html", Resolver(files, SITE_URL))
    at = PAGE.index
    assert (scan.path, scan.url, scan.lang, scan.dir) == ("fa/guides/a/index.html", "fa/guides/a/", "fa", "rtl")
    assert scan.ids == {"title", "a&b", "old-name"}
    assert sorted(scan.broken) == [
        ("a", "href", "../gone/", -1, "fa/guides/gone/index.html"),
        ("img", "src", "missing.png", at('<img alt="" src="missing.png"'), "fa/guides/a/missing.png"),
        ("link", "href", "../../assets/site.css", at('<link rel="stylesheet"'), "fa/assets/site.css"),
    ]
    assert sorted(scan.anchors) == [
        ("a", "href", "../b/#care", -1, "fa/guides/b/index.html", "care"),
        ("a", "href", "../b/?a=1&b=2#q", -1, "fa/guides/b/index.html", "q"),
        ("img", "src", "../../../odd%20name.html#f", at('<img alt="" src="../../../odd'), "odd name.html", "f"),
    ], "an anchor on an image is not looked up; an entity in a link is read as the browser reads it"
    assert sorted(scan.foreign) == [
        ("iframe", "src", "https://video.example.org/v", at("<iframe"), "video.example.org"),
        ("img", "srcset", "https://img.example.org/a.png", at('<img alt="" src="missing.png"'), "img.example.org"),
        ("link", "href", "https://fonts.example.com/v.woff2", at('<link rel="preload"'), "fonts.example.com"),
        ("script", "src", "https://cdn.example.net/x.js", at("<script"), "cdn.example.net"),
    ], "a feed, the canonical address or a link the reader follows is not loaded by the browser"
    assert sorted(scan.external) == [
        ("https://example.org/care", at('<a href="https://example.org/care"'), "_blank", "noopener"),
        ("https://example.org/lang", at('<a href="https://example.org/lang"'), "", ""),
        ("https://example.org/plain", -1, "", ""),
    ]
    assert scan.hreflang == {"en": ("https://guides.example.ir/clinic/guides/a/", at('<link rel="alternate" h'))}
    assert scan.switch == {"en": ("../../../guides/a/", at('<a class="md-select__link"'))}


PLAIN_PAGE = """
<!doctype html>
<html class="no-js">
<a class="md-select__link" hreflang="fa">no address</a>
<a href="http://example.org/old" target="_blank">old</a>
<script src="http://cdn.example.net/y.js"></script>
<a href="https://guides.example.ir/clinic/nowhere/">gone</a>
"""


def test_what_a_page_leaves_out_is_read_as_empty(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text(PLAIN_PAGE, encoding="utf-8")
    scan = scan_page(tmp_path, "index.html", Resolver(FILES, SITE_URL))
    at = PLAIN_PAGE.index
    assert (scan.lang, scan.dir) == ("", "")
    assert scan.switch == {"fa": ("", at("<a class"))}
    assert sorted(scan.external) == [
        ("http://example.org/old", at('<a href="http://'), "_blank", ""),
        ("https://guides.example.ir/clinic/nowhere/", -1, "", ""),  # the checks leave out the site's own host
    ]
    assert scan.foreign == [("script", "src", "http://cdn.example.net/y.js", at("<script"), "cdn.example.net")]
    assert scan.broken == [("a", "href", "https://guides.example.ir/clinic/nowhere/", -1, "nowhere/index.html")]


def test_every_plain_link_is_looked_at(tmp_path: Path) -> None:
    """Links that are not ours to check (mail, phone) do not hide the ones after them."""
    page = tmp_path / "index.html"
    links = [f'<a href="mailto:n{n}@example.ir">m</a><a href="gone{n}/">g</a>' for n in range(20)]
    page.write_text("<html>" + "".join(links), encoding="utf-8")
    scan = scan_page(tmp_path, "index.html", Resolver(FILES, SITE_URL))
    assert sorted(b[2] for b in scan.broken) == sorted(f"gone{n}/" for n in range(20))


def test_a_page_that_is_not_utf8_is_still_scanned(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_bytes(b'<html lang="en">\xff<a href="gone/">x</a>\n<a href="missing.html">y</a>')
    scan = scan_page(tmp_path, "index.html", Resolver(FILES, SITE_URL))
    assert scan.lang == "en"
    assert sorted(b[2] for b in scan.broken) == ["gone/", "missing.html"]
    assert scan.line_of(-1, "missing.html") == 2


def test_a_finding_points_at_the_line_of_its_link(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    text = '<html>\n<p>\n<a href="a.html?x=1&amp;y=2">e</a>\n<a href="b.html">b</a>\n<a href="b.html">again</a>\n\xe9'
    page.write_text(text, encoding="utf-8")
    scan = scan_page(tmp_path, "index.html", Resolver(FILES, SITE_URL))
    assert scan.line_of(0) == 1
    assert scan.line_of(text.index("<p>")) == 2
    assert scan.line_of(text.index('<a href="b.html">')) == 4
    assert scan.line_of(-1, "b.html") == 4, "the first place the value is written"
    assert scan.line_of(-1, "a.html?x=1&y=2") == 3, "found with its & written &amp;"
    assert scan.line_of(-1, "nowhere.html") == 1, "a value not written in the page points at its top"
    assert scan.line_of(0, "b.html") == 1, "a known offset wins over the value"
    page.write_text('<a href="b.html">b</a>', encoding="utf-8")
    assert scan.line_of(-1, "b.html") == 1, "a value on the first line"
    page.write_text(
        '\n<p>\n<a href="c.html?x=1&y=2">raw</a>\n<a href="d?x=1&amp;y=2">\n<a href="d?x=1&amp;y=2">', "utf-8"
    )
    assert scan.line_of(-1, "c.html?x=1&y=2") == 3, "an & written as it is"
    assert scan.line_of(-1, "d?x=1&y=2") == 4, "the first of two"
    assert scan.line_of(-1, "nowhere.html") == 1, "the top, even when the page starts with a blank line"


def test_a_large_site_is_scanned_in_processes_with_the_same_result(tmp_path: Path, monkeypatch) -> None:
    import doclocale.checks.site_model as site_model

    site = tmp_path / "site"
    for n in range(12):
        page = site / f"p{n}/index.html"
        page.parent.mkdir(parents=True)
        page.write_text(f'<html lang="en"><h1 id="t{n}">t</h1><a href="../p{n + 1}/#t{n + 1}">next</a>', "utf-8")
    settings = dataclasses.replace(load_settings(ROOT / "mkdocs.yml"), site_dir=site, root=tmp_path)
    alone = read_site(settings, workers=1)
    monkeypatch.setattr(site_model, "PARALLEL_FROM", 5)
    shared = read_site(settings, workers=2)
    assert alone.pages.keys() == shared.pages.keys() == {f"p{n}/index.html" for n in range(12)}
    for name, scan in alone.pages.items():
        assert (scan.ids, scan.broken, scan.anchors) == (
            shared.pages[name].ids,
            shared.pages[name].broken,
            shared.pages[name].anchors,
        )
    assert alone.pages["p11/index.html"].broken == [("a", "href", "../p12/#t12", -1, "p12/index.html")]
    assert alone.pages["p3/index.html"].anchors == [("a", "href", "../p4/#t4", -1, "p4/index.html", "t4")]
    assert (alone.site_url, shared.site_url) == (settings.site_url, settings.site_url)
    assert alone.resolver.resolve("p1/index.html", settings.site_url + "p2/") == ("p2/index.html", "")
    assert "p0/index.html" in alone.files and "p0/index.html" in alone.resolver.files
