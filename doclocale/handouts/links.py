"""What a guide page's template needs for its handouts: the links and the QR code."""

from __future__ import annotations

import segno
from babel import Locale
from markupsafe import Markup

from doclocale.handouts.document import handout_name, handout_names
from doclocale.util.result_store import ResultStore, result_key


def qr_svg(address: str, store: ResultStore | None = None) -> Markup:
    """A QR code of the page's web address, as inline SVG (printed, never shown on screen).

    Drawing one takes segno about 2.5 ms, and every guide draws the same one on every build
    (a quarter of a build with nothing new to do, profiled at 500 guides): kept in ``store``
    (``.cache/qr/``), keyed by the address, the code and segno's version."""
    key = result_key("qr", segno.__version__, address)
    kept = store.get(key) if store is not None else None
    if kept is not None:
        return Markup(kept.decode("utf-8"))
    code = segno.make(address, error="m")
    svg = code.svg_inline(scale=4, border=2, omitsize=True, svgclass="qr", lineclass=None)
    if store is not None:
        store.put(key, svg.encode("utf-8"))
    return Markup(svg)


def language_name(language: str, reader: str) -> str:
    """A language's name in the reader's language ("Persian" on an English page, «انگلیسی» on a Persian one)."""
    return Locale.parse(language).get_display_name(reader) or language


def handout_context(
    page_url: str,
    address: str,
    source_language: str,
    language: str,
    languages: tuple[str, ...],
    qr_store: ResultStore | None = None,
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
    return {"own": own, "two_languages": two, "qr": qr_svg(address, qr_store), "address": address}
