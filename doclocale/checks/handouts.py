"""Checks of the printable handouts: each fits on two A4 sides, and its font can draw every
character of the page (a missing glyph prints as an empty box). The built-site checks read the
PDFs; the entry checks find, on the PO line, the translation that would break the sheet."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from io import BytesIO
from pathlib import Path

from babel import Locale
from selectolax.lexbor import LexborHTMLParser

from doclocale.catalogs.po_reader import read_catalog
from doclocale.checks.entry import Entry
from doclocale.checks.site_model import PageScan, SiteModel
from doclocale.errors import PipelineError
from doclocale.handouts.document import SCREEN_ONLY, missing_glyphs, visible_text
from doclocale.handouts.pdf import font_coverage
from doclocale.model import Finding, Location, Severity, excerpt
from doclocale.reading.inline import parse_inline
from doclocale.settings import Settings

#: A patient's sheet: one A4 page printed on both sides.
MAX_SIDES = 2
#: A translation longer than this many times its English (plus ``LENGTH_SLACK`` characters) is
#: out of proportion: no translation of ours comes near it, and the sheet would no longer fit.
LENGTH_FACTOR = 3
LENGTH_SLACK = 80


@cache
def _coverage() -> frozenset[int]:
    return frozenset(font_coverage())


def pdf_pages(data: bytes) -> int:
    from pypdf import PdfReader  # 0.1 s to import; only the sheet-length check reads PDFs

    return len(PdfReader(BytesIO(data)).pages)


def _where(settings: Settings, page: PageScan) -> str:
    return f"{settings.relative(settings.site_dir)}/{page.path}"


def handout_of(page_file: Path, html: str) -> Path | None:
    """The PDF a built guide page links to for printing (None on other pages)."""
    link = LexborHTMLParser(html).css_first(".guide-print a[href]") if "guide-print" in html else None
    return page_file.parent / (link.attrs.get("href") or "") if link is not None else None


def _domain_of(page_path: str, language: str) -> str:
    """The catalog domain of a built page: fa/guides/x/index.html -> guides/x (index.html -> index)."""
    inside = page_path.removeprefix(f"{language}/").removesuffix("index.html").removesuffix(".html").strip("/")
    return inside or "index"


def grown_most(settings: Settings, language: str, domain: str) -> tuple[Location, str] | None:
    """The catalog entry whose translation is longest beyond its English: where to look first when
    a translated handout no longer fits. None when the catalog cannot be read."""
    path = settings.catalog_path(language, domain)
    if not path.is_file():
        path = settings.catalog_path(language, f"{domain}/index")
    try:
        catalog = read_catalog(path, settings.relative(path))
    except PipelineError:
        return None
    growth = [(len(str(m.string)) - len(str(m.id)), m.lineno or 0, str(m.id)) for m in catalog if m.id and m.string]
    if not growth:
        return None
    _, line, msgid = max(growth)
    return Location(settings.relative(path), line), msgid


def oversized(settings: Settings, language: str, page_path: str, pdf: str, sides: int, english_sides: int) -> Finding:
    """L914. A translation that pushes the sheet past two sides while the English fits is the
    translator's to fix, on the entry that grew most; an English guide too long is the editor's."""
    name = Locale.parse(language).get_display_name("en")
    if language != settings.source_language and english_sides <= MAX_SIDES:
        grown = grown_most(settings, language, _domain_of(page_path, language))
        if grown is not None:
            return Finding(
                grown[0],
                "L914",
                Severity.ERROR,
                f"the {name} handout {pdf} takes {sides} A4 sides, the English {english_sides}"
                f" (a handout is one sheet, {MAX_SIDES} sides); this entry grew the page most",
                "shorten this translation to what the English says",
                excerpt(grown[1]),
            )
    return Finding(
        Location(f"{settings.relative(settings.site_dir)}/{page_path}"),
        "L914",
        Severity.WARNING,
        f"the {name} handout {pdf} takes {sides} A4 sides (a handout is one sheet, {MAX_SIDES} sides)",
        "shorten the guide, or split it into two guides",
    )


def check_handout_sides(settings: Settings, copies: list[tuple[str, str, Path]]) -> Iterator[Finding]:
    """L914 over one guide's built copies: (language, page path in site/, built file)."""
    sides = {}
    for language, page_path, file in copies:
        pdf = handout_of(file, file.read_text(encoding="utf-8"))
        if pdf is not None and pdf.is_file():
            sides[language] = (page_path, pdf.name, pdf_pages(pdf.read_bytes()))
    english = sides.get(settings.source_language, ("", "", 0))[2]
    for language, (page_path, pdf_name, count) in sides.items():
        if count > MAX_SIDES:
            yield oversized(settings, language, page_path, pdf_name, count, english)


def check_handouts(settings: Settings, model: SiteModel) -> Iterator[Finding]:
    guides: dict[str, list[tuple[str, str, Path]]] = {}
    for page in model.pages.values():
        html = page.file.read_text(encoding="utf-8")
        if "guide-print" not in html:
            continue
        language = page.lang or settings.source_language
        english_path = page.path.removeprefix(f"{language}/") if language != settings.source_language else page.path
        guides.setdefault(english_path, []).append((language, page.path, page.file))
        article = LexborHTMLParser(html).css_first("article")
        if article is not None:
            for node in article.css(SCREEN_ONLY):
                node.decompose()
            missing = missing_glyphs(visible_text(article.html or ""), set(_coverage()))
            if missing:
                shown = ", ".join(f"{char} (U+{ord(char):04X})" for char in missing)
                yield Finding(
                    Location(_where(settings, page)),
                    "L915",
                    Severity.ERROR,
                    f"the {Locale.parse(language).get_display_name('en')} handout cannot print {shown}:"
                    " its font has no such letter",
                    "write the usual Persian or Latin character, or add it to the subset in scripts/subset_vazirmatn.sh",
                )
    for copies in guides.values():
        yield from check_handout_sides(settings, copies)


def check_printable(entry: Entry) -> Iterator[Finding]:
    """L915 on the entry itself: a translation with a letter the handout font cannot draw."""
    if not entry.msgstr:
        return
    missing = missing_glyphs(" ".join(parse_inline(entry.msgstr).texts), set(_coverage()))
    if missing:
        shown = ", ".join(f"{char} (U+{ord(char):04X})" for char in missing)
        yield entry.finding(
            "L915",
            Severity.ERROR,
            f"the printed handout cannot show {shown}: its font has no such letter (it prints as an empty box)",
            "write the usual Persian or Latin character, or add it to the subset in scripts/subset_vazirmatn.sh",
        )


def check_length(entry: Entry) -> Iterator[Finding]:
    """L916 on the entry: a translation many times longer than its English (a pasted document,
    a repeated paragraph) would push the printed sheet onto more pages and bury the page."""
    english = len(" ".join(parse_inline(entry.msgid).texts))
    translated = len(" ".join(parse_inline(entry.msgstr).texts))
    if translated > LENGTH_FACTOR * english + LENGTH_SLACK:
        yield entry.finding(
            "L916",
            Severity.ERROR,
            f"the translation is {translated:,} characters long, its English {english:,}: out of proportion"
            " (the page and its printed sheet would grow by the difference)",
            "translate this entry's English only; text of its own belongs in the English page first",
        )
