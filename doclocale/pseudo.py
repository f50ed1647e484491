"""Pseudo-localisation: accented, ~30 % longer, bracketed copies of every message.

A site built from pseudo catalogs shows at a glance any text that bypasses the
catalogs (it stays plain ASCII), and any layout that breaks with longer text.
"""

from __future__ import annotations

import re

from babel.messages.catalog import Catalog

from .catalogs import new_catalog
from .markdown_text import outside_code

_ACCENTS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "áƀçðéƒĝĥíĵķĺɱñóþǫŕšţúṽŵẋýžÁƁÇÐÉƑĜĤÍĴĶĹṀÑÓÞǪŔŠŢÚṼŴẊÝŽ",
)
# Parts of a message that must survive unchanged: code spans, link and image
# targets, reference labels, footnote references, raw HTML tags, entities,
# escapes, attribute lists, keys (++ctrl+c++), emoji shortcodes (:name:) and the
# %(name)s placeholders of site strings.
_PROTECTED = re.compile(
    r"%\(\w+\)[sd]|<(code|kbd|samp)\b[^<>]*>[^<]*</\1>|\]\([^()]*\)|\]\[[^\[\]]*\]|\[\^[^\[\]]*\]|<[^<>]+>|&#?\w+;|\\.|\{[^{}]*\}|\+\+[\w+-]+\+\+|:[\w+-]+:"
)
OPEN, CLOSE = "⟦", "⟧"


def pseudo_text(text: str) -> str:
    """The pseudo translation of one message (Markdown syntax kept)."""
    parts = []
    letters = 0
    for piece, code in outside_code(text):
        if code:
            parts.append(piece)
            continue
        cursor = 0
        for match in _PROTECTED.finditer(piece):
            chunk = piece[cursor : match.start()]
            letters += sum(c.isalpha() for c in chunk)
            parts.append(chunk.translate(_ACCENTS))
            parts.append(match.group())
            cursor = match.end()
        tail = piece[cursor:]
        letters += sum(c.isalpha() for c in tail)
        parts.append(tail.translate(_ACCENTS))
    padding = "·" * max(1, round(letters * 0.3))
    return f"{OPEN}{''.join(parts)} {padding}{CLOSE}"


def pseudo_catalog(template: Catalog, language: str) -> Catalog:
    catalog = new_catalog(template, language)
    for message in catalog:
        if message.id:
            message.string = pseudo_text(str(message.id))
    return catalog


def build_pseudo_site(settings, out, language: str) -> str | None:
    """Copy the project to ``out``, give ``language`` pseudo catalogs, build ``out/site``.

    Returns the build error, or None. The project itself is never touched.
    """
    import shutil
    from pathlib import Path

    from .atomic import write_bytes_atomic
    from .catalogs import render_catalog
    from .pipeline import build_templates, read_sources
    from .settings import load_settings
    from .site import build_site

    out = Path(out)
    for folder in (settings.source_dir, settings.templates_dir, settings.locale_dir):
        if folder.exists():
            shutil.copytree(folder, out / folder.relative_to(settings.root), dirs_exist_ok=True)
    shutil.copy2(settings.root / "mkdocs.yml", out / "mkdocs.yml")
    copy = load_settings(out / "mkdocs.yml")
    for domain, template in build_templates(copy, read_sources(copy)).items():
        write_bytes_atomic(
            copy.catalog_path(language, domain),
            render_catalog(pseudo_catalog(template, language), str(copy.catalog_path(language, domain))),
        )
    return build_site(copy)
