"""Built-site checks of the printable handouts: each fits on two A4 sides, and its font
can draw every character of the page (a missing glyph prints as an empty box)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from babel import Locale
from selectolax.lexbor import LexborHTMLParser

from doclocale.checks.entry import Entry
from doclocale.checks.site_model import PageScan, SiteModel
from doclocale.handouts.document import SCREEN_ONLY, missing_glyphs, visible_text
from doclocale.model import Finding, Location, Severity
from doclocale.reading.inline import parse_inline
from doclocale.settings import Settings

#: A patient's sheet: one A4 page printed on both sides.
MAX_SIDES = 2


@cache
def _coverage() -> frozenset[int]:
    from doclocale.handouts.pdf import font_coverage

    return frozenset(font_coverage())


def pdf_pages(data: bytes) -> int:
    from io import BytesIO

    from pypdf import PdfReader

    return len(PdfReader(BytesIO(data)).pages)


def _where(settings: Settings, page: PageScan) -> str:
    return f"{settings.relative(settings.site_dir)}/{page.path}"


def check_handouts(settings: Settings, model: SiteModel) -> Iterator[Finding]:
    for page in model.pages.values():
        html = page.file.read_text(encoding="utf-8")
        if "guide-print" not in html:
            continue
        tree = LexborHTMLParser(html)
        link = tree.css_first(".guide-print a[href]")
        article = tree.css_first("article")
        language = Locale.parse(page.lang or settings.source_language).get_display_name("en")
        if link is not None:
            pdf = page.file.parent / (link.attrs.get("href") or "")
            if pdf.is_file() and (sides := pdf_pages(pdf.read_bytes())) > MAX_SIDES:
                yield Finding(
                    Location(_where(settings, page)),
                    "L914",
                    Severity.WARNING,
                    f"the {language} handout {pdf.name} takes {sides} A4 sides (a handout is one sheet, {MAX_SIDES} sides)",
                    "shorten the guide, or split it into two guides",
                )
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
                    f"the {language} handout cannot print {shown}: its font has no such letter",
                    "write the usual Persian or Latin character, or add it to the subset in scripts/subset_vazirmatn.sh",
                )


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
