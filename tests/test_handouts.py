"""Printable handouts, read back as a patient's printer would get them: text, fonts, pages, QR code."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from doclocale.handouts.document import missing_glyphs, visible_text

TOOLS = ("pdftotext", "pdffonts", "pdftoppm", "zbarimg")
MISSING = [tool for tool in TOOLS if shutil.which(tool) is None]
# Locally a missing tool skips these tests; in CI (CI set) it is a failure: they must run.
if os.environ.get("CI") and MISSING:
    raise RuntimeError(f"CI is set but {MISSING} are missing: apt-get install poppler-utils zbar-tools")
needs_tools = pytest.mark.skipif(
    bool(MISSING), reason=f"{MISSING} not installed (apt-get install poppler-utils zbar-tools)"
)

#: What a reader does not see on paper (the site's print stylesheet hides it).
NOT_PRINTED = ".screen-only, a.headerlink, script"
GUIDE = {"en": "guides/microneedling/", "fa": "fa/guides/microneedling/"}
HANDOUT = {
    "en": "guides/microneedling/microneedling-en.pdf",
    "fa": "fa/guides/microneedling/microneedling-fa.pdf",
    "en-fa": "fa/guides/microneedling/microneedling-en-fa.pdf",
}
ADDRESS = {
    "en": "https://guides.example-clinic.ir/guides/microneedling/",
    "fa": "https://guides.example-clinic.ir/fa/guides/microneedling/",
}


def words(text: str) -> list[str]:
    """Words as a PDF text extractor can give them back: no ZWNJ or bidi marks (not kept by
    the extractor), no combining marks, lam-alef in one order (pdftotext reverses the ligature)."""
    text = text.replace("\u200c", "").replace("\u200d", "")
    text = "".join(" " if unicodedata.category(c) == "Cf" else c for c in text if unicodedata.category(c) != "Mn")
    return re.findall(r"[A-Za-z]+|[^\W\dA-Za-z_]+|\d+", text.replace("لا", "ال"))


def ordered(tokens: list[str], language: str) -> list[str]:
    """The words whose order an extractor keeps: in a right-to-left line, pdftotext may move a
    run of digits or Latin letters within the line, so for Persian only Persian words are compared."""
    if language == "en":
        return tokens
    return [t for t in tokens if not t.isdigit() and not re.search(r"[A-Za-z]", t)]


def printed_text(site: Path, language: str) -> str:
    tree = LexborHTMLParser((site / GUIDE[language] / "index.html").read_text(encoding="utf-8"))
    article = tree.css_first("article")
    for node in article.css(NOT_PRINTED):
        node.decompose()
    return visible_text(article.html or "")


def pdf_text(path: Path, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True).stdout


def in_order(expected: list[str], found: list[str]) -> bool:
    rest = iter(found)
    return all(word in rest for word in expected)


def test_every_guide_page_links_its_handouts_in_its_own_language(built_site: Path) -> None:
    for language, page in GUIDE.items():
        tree = LexborHTMLParser((built_site / page / "index.html").read_text(encoding="utf-8"))
        links = tree.css(".guide-print a")
        assert len(links) == 2, page  # its own language, and the two-language handout
        for link in links:
            assert link.attrs["type"] == "application/pdf"
            assert (built_site / page / link.attrs["href"]).is_file(), link.attrs["href"]
        label = links[0].text()
        assert ("نسخهٔ چاپی" in label) if language == "fa" else label.startswith("Print this guide"), label
    assert links[1].text().count("انگلیسی") == 1  # «دوزبانه: انگلیسی · فارسی»


@needs_tools
@pytest.mark.parametrize("language", ["en", "fa"])
def test_a_handout_has_every_word_of_the_printed_page_in_reading_order(built_site: Path, language: str) -> None:
    expected = words(printed_text(built_site, language))
    found = words(pdf_text(built_site / HANDOUT[language]))
    assert len(expected) > 400
    assert in_order(ordered(expected, language), ordered(found, language))
    assert not Counter(expected) - Counter(found), Counter(expected) - Counter(found)  # numbers and Latin too
    extra = set(found) - set(expected)
    assert all(word.isdigit() for word in extra), extra  # list and page numbers only


@needs_tools
def test_the_two_language_handout_has_the_english_page_then_the_persian_page(built_site: Path) -> None:
    for language, pages in (("en", ("1", "2")), ("fa", ("3", "4"))):
        found = words(pdf_text(built_site / HANDOUT["en-fa"], "-f", pages[0], "-l", pages[1]))
        assert in_order(ordered(words(printed_text(built_site, language)), language), ordered(found, language))
    english = (built_site / "guides/microneedling/microneedling-en-fa.pdf").read_bytes()
    assert english == (built_site / HANDOUT["en-fa"]).read_bytes()  # one file, linked from both pages


@needs_tools
@pytest.mark.parametrize("language", ["en", "fa"])
def test_a_handout_carries_the_clinic_the_review_and_when_to_get_help(built_site: Path, language: str) -> None:
    text = " ".join(words(pdf_text(built_site / HANDOUT[language])))
    wanted = {
        "en": [
            "Skin Clinic Patient Guides",
            "Medical review pending",
            "Page last updated December 5 2026",
            "When to get help",
        ],
        "fa": ["راهنمای بیماران کلینیک پوست", "آخرین به‌روزرسانی این صفحه", "۱۴ آذر ۱۴۰۵", "چه زمانی کمک بگیرید"],
    }[language]
    for phrase in wanted:
        assert " ".join(words(phrase)) in text, phrase


@needs_tools
@pytest.mark.parametrize("name", sorted(HANDOUT))
def test_a_handout_embeds_its_own_fonts_and_fits_its_sheets(built_site: Path, name: str) -> None:
    path = built_site / HANDOUT[name]
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(re.match(r"[A-Z]{6}\+Handout(-Bold)? .* yes yes yes", line) for line in fonts), fonts
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages == (4 if name == "en-fa" else 2), pages
    assert "595.276 x 841.89 pts (A4)" in info


@needs_tools
@pytest.mark.parametrize("language", ["en", "fa"])
def test_the_qr_code_on_a_handout_opens_its_page(built_site: Path, tmp_path: Path, language: str) -> None:
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "150",
            "-f",
            "1",
            "-l",
            "1",
            "-png",
            str(built_site / HANDOUT[language]),
            str(tmp_path / "p"),
        ],
        check=True,
    )
    image = next(tmp_path.glob("p*.png"))
    decoded = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True)
    assert decoded.stdout.split() == [ADDRESS[language]], decoded


def test_no_letter_of_the_real_guides_is_missing_from_the_handout_font(built_site: Path) -> None:
    from doclocale.handouts.pdf import font_coverage

    covered = font_coverage()
    for language in GUIDE:
        assert missing_glyphs(printed_text(built_site, language), covered) == [], language
    assert missing_glyphs("ok ☺ ڭ", covered) == ["ڭ", "☺"]  # what would print as an empty box


def test_a_rebuild_renders_only_the_handouts_whose_page_changed(project: Path) -> None:
    from babel.messages.pofile import read_po, write_po

    from doclocale.settings import load_settings
    from doclocale.website.build import build_site

    settings = load_settings(project / "mkdocs.yml")
    site, cache = project / "site", project / ".cache" / "handouts"

    def build() -> dict[str, bytes]:
        build_site(settings)
        return {name: (site / path).read_bytes() for name, path in HANDOUT.items()}

    first = build()
    cached = {path.name: path.stat().st_ino for path in cache.glob("*.pdf")}
    assert build() == first  # byte-identical
    assert len(cached) == 3 and {path.name: path.stat().st_ino for path in cache.glob("*.pdf")} == cached
    catalog_path = project / "locale/fa/LC_MESSAGES/guides/microneedling.po"
    with catalog_path.open("rb") as stream:
        catalog = read_po(stream)
    message = next(m for m in catalog if m.id == "Micro-needling is a skin treatment. It is not surgery.")
    message.string = "میکرونیدلینگ درمان پوست است، نه جراحی."
    with catalog_path.open("wb") as stream:
        write_po(stream, catalog, width=79)
    third = build()
    assert third["en"] == first["en"] and third["fa"] != first["fa"] and third["en-fa"] != first["en-fa"]
    now = {path.name: path.stat().st_ino for path in cache.glob("*.pdf")}
    assert len(now) == 3 and len(now.items() & cached.items()) == 1  # the English one was not rendered again


def test_paper_has_no_screen_controls_and_links_that_work_from_a_pdf() -> None:
    from doclocale.handouts.document import article_for_print

    page = (
        '<article><h1 id="t">T<a class="headerlink" href="#t">¶</a></h1><p class="screen-only">PDF</p>'
        '<p>See<sup id="fnref:1"><a href="#fn:1">1</a></sup> <a href="../about/">about</a>.</p>'
        '<p><img src="../img/a.svg" alt="a"></p>'
        '<ol><li id="fn:1">Note <a class="footnote-backref" href="#fnref:1">↩</a></li></ol></article>'
    )
    title, article = article_for_print(
        page, "https://x.example/fa/guides/a/", "file:///site/fa/guides/a/index.html", "fa"
    )
    assert title == "T"
    assert "¶" not in article and "↩" not in article and "PDF" not in article
    assert 'href="https://x.example/fa/guides/about/"' in article  # a PDF has no site around it
    assert 'href="#fa-fn:1"' in article and 'id="fa-fn:1"' in article  # ids of two languages never clash
    assert 'src="file:///site/fa/guides/img/a.svg"' in article


def test_a_qr_code_is_drawn_once_and_kept(tmp_path: Path, monkeypatch) -> None:
    from doclocale.handouts import links
    from doclocale.util.result_store import ResultStore

    address = "https://guides.example-clinic.ir/fa/guides/microneedling/"
    first = links.qr_svg(address, ResultStore(tmp_path))
    assert first.startswith("<svg") and len(list(tmp_path.iterdir())) == 1

    def never(*args, **kwargs):
        raise AssertionError("drawn again")

    monkeypatch.setattr(links.segno, "make", never)
    store = ResultStore(tmp_path)
    assert links.qr_svg(address, store) == first
    store.prune()
    assert len(list(tmp_path.iterdir())) == 1, "the code a build used is kept"
    ResultStore(tmp_path).prune()
    assert list(tmp_path.iterdir()) == [], "a code no page uses any more is removed"


def test_rendering_handouts_leaves_nothing_in_the_temporary_folder(tmp_path: Path) -> None:
    """WeasyPrint copies the fonts into a temporary folder for each document; a long-running
    `make serve` or a CI runner must not collect one per handout."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    program = (  # two handouts in two processes, as a build renders them
        "from pathlib import Path\n"
        "from doclocale.handouts.pdf import render_missing, stylesheet\n"
        "jobs = {word: f'<style>{stylesheet()}</style><p>{word}</p>' for word in ('Rest', 'استراحت')}\n"
        "render_missing(jobs, Path('.').resolve(), Path('cache'), workers=2)\n"
        "assert all(p.read_bytes().startswith(b'%PDF') for p in Path('cache').glob('*.pdf'))\n"
    )
    environment = {**os.environ, "TMPDIR": str(temporary)}
    subprocess.run([sys.executable, "-c", program], check=True, env=environment, cwd=tmp_path)
    assert sorted(p.name for p in temporary.iterdir()) == []
