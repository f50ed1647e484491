"""Pseudo-localisation: accented, ~30 % longer, bracketed copies of every message.

A site built from pseudo catalogs shows at a glance any text that bypasses the
catalogs (it stays plain ASCII), and any layout that breaks with longer text.
"""

from __future__ import annotations

import re

from babel.messages.catalog import Catalog

from doclocale.catalogs.merge import new_catalog
from doclocale.reading.text_spans import outside_code

_ACCENTS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "áƀçðéƒĝĥíĵķĺɱñóþǫŕšţúṽŵẋýžÁƁÇÐÉƑĜĤÍĴĶĹṀÑÓÞǪŔŠŢÚṼŴẊÝŽ",
)
# Parts of a message that must survive unchanged: code spans and raw code elements
# (with any tags inside them), link and image targets (one level of parentheses
# inside, as in Wikipedia addresses), reference labels, footnote references, raw HTML tags, entities,
# escapes, attribute lists, keys (++ctrl+c++), emoji shortcodes (:name:) and the
# %(name)s placeholders of site strings.
_PROTECTED = re.compile(
    r"%\(\w+\)[sd]|<(code|kbd|samp|pre)\b[^<>]*>.*?</\1>|\]\((?:[^()]|\([^()]*\))*\)|\]\[[^\[\]]*\]|\[\^[^\[\]]*\]|<[^<>]+>|&#?\w+;|\\.|\{[^{}]*\}|\+\+[\w+-]+\+\+|:[\w+-]+:"
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
