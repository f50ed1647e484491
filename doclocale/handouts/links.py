"""What a guide page's template needs for its handouts: the links and the QR code."""

from __future__ import annotations

import segno
from babel import Locale
from markupsafe import Markup

from doclocale.handouts.document import handout_name, handout_names


def qr_svg(address: str) -> Markup:
    """A QR code of the page's web address, as inline SVG (printed, never shown on screen)."""
    code = segno.make(address, error="m")
    return Markup(code.svg_inline(scale=4, border=2, omitsize=True, svgclass="qr", lineclass=None))


def language_name(language: str, reader: str) -> str:
    """A language's name in the reader's language ("Persian" on an English page, «انگلیسی» on a Persian one)."""
    return Locale.parse(language).get_display_name(reader) or language


def handout_context(
    page_url: str, address: str, source_language: str, language: str, languages: tuple[str, ...]
) -> dict:
    """The page's own handout, and the two-language ones: on a translated page the one with
    the source language; on a source-language page one per translation."""
    own, both = handout_names(page_url, source_language, language)
    others = [both] if both else [handout_name(page_url, (source_language, other)) for other in languages]
    pairs = [language] if both else list(languages)
    two = [
        (name, f"{language_name(source_language, language)} · {language_name(other, language)}")
        for name, other in zip(others, pairs, strict=True)
    ]
    return {"own": own, "two_languages": two, "qr": qr_svg(address), "address": address}
