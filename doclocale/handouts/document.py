"""Printable handouts: the published guide pages, laid out for A4 paper.

A handout is made from the built page, never written by hand: its ``<article>`` (the
guide, the review footer, the clinic's name and the QR code the page template prints)
goes into a small document with the handout stylesheet and the embedded fonts. One
handout per guide and language, and one per guide and other language that puts the
source-language page and the translated page together for families who read both.

Pure functions: HTML in, HTML out. ``handout_build`` does the rendering and the files.
"""

from __future__ import annotations

import posixpath
import unicodedata
from dataclasses import dataclass
from html import escape
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

#: What the page shows only on screen (links to the PDF, permalink marks, page actions).
SCREEN_ONLY = ".screen-only, a.headerlink, a.footnote-backref, .md-content__button, script, .md-source-file"


@dataclass(frozen=True)
class HandoutSection:
    """One language's page inside a handout."""

    language: str
    direction: str
    title: str
    article: str  # the page's <article> content, prepared by ``article_for_print``


@dataclass(frozen=True)
class Handout:
    """One PDF: the file name next to the page, and the pages it holds."""

    name: str
    sections: tuple[HandoutSection, ...]


def handout_name(page_url: str, languages: tuple[str, ...]) -> str:
    """``guides/microneedling/`` in Persian → ``microneedling-fa.pdf`` (saved under that name)."""
    slug = posixpath.basename(page_url.rstrip("/")) or "home"
    return f"{slug}-{'-'.join(languages)}.pdf"


def handout_names(page_url: str, source_language: str, language: str) -> tuple[str, str | None]:
    """The page's own handout and, for a translated page, the two-language one."""
    own = handout_name(page_url, (language,))
    return own, None if language == source_language else handout_name(page_url, (source_language, language))


def article_for_print(page_html: str, page_address: str, page_file: str, prefix: str) -> tuple[str, str]:
    """The page's title and article, ready for paper: screen-only parts removed, links made
    absolute (a PDF has no site around it), images read from the built page's own folder
    (``page_file``, a file: URI), ids prefixed so two languages can share one file."""
    tree = LexborHTMLParser(page_html)
    article = tree.css_first("article")
    if article is None:
        raise ValueError("no <article> in the page")
    for node in article.css(SCREEN_ONLY):
        node.decompose()
    for node in article.css("[id]"):
        node.attrs["id"] = f"{prefix}-{node.attrs['id']}"
    for node in article.css("a[href]"):
        href = node.attrs["href"] or ""
        if href.startswith("#"):
            node.attrs["href"] = f"#{prefix}-{href[1:]}"
        elif not urlsplit(href).scheme:
            node.attrs["href"] = urljoin(page_address, href)
    for node in article.css("img[src]"):
        src = node.attrs["src"] or ""
        if not urlsplit(src).scheme:
            node.attrs["src"] = urljoin(page_file, src)
    heading = article.css_first("h1")
    title = heading.text(strip=True) if heading is not None else ""
    return title, article.inner_html or ""


def handout_document(handout: Handout, stylesheet: str) -> str:
    """The HTML WeasyPrint lays out: each section in its own language and direction."""
    first = handout.sections[0]
    title = " / ".join(section.title for section in handout.sections)
    body = "\n".join(
        f'<section class="handout" lang="{section.language}" dir="{section.direction}">\n{section.article}\n</section>'
        for section in handout.sections
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{first.language}" dir="{first.direction}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>\n{stylesheet}\n</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def visible_text(article: str) -> str:
    """The words a reader sees in an article (for the glyph check and the read-back tests)."""
    tree = LexborHTMLParser(f"<body>{article}</body>")
    for node in tree.css("style, script, svg"):
        node.decompose()
    return tree.body.text(separator=" ") if tree.body is not None else ""


def missing_glyphs(text: str, covered: set[int]) -> list[str]:
    """Characters the handout font cannot draw (they would print as empty boxes)."""
    missing = {
        char
        for char in text
        if ord(char) not in covered and not char.isspace() and unicodedata.category(char) not in ("Cf", "Cc")
    }
    return sorted(missing)
