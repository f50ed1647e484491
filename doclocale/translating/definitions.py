"""Definitions a page makes for the whole page: abbreviations, footnotes, link references.

Python-Markdown reads ``*[term]: meaning``, ``[^label]: text`` and ``[label]: url``
anywhere in a page and applies them everywhere: an abbreviation puts a tooltip on
its term in every paragraph. A translation may translate a definition's text in
the definition's own entry, but never make a new one: a line break in another
entry followed by ``*[word]:`` would put a misleading meaning on a word elsewhere.
The patterns are Python-Markdown's own (``markdown.extensions.abbr``,
``footnotes``, ``blockprocessors.ReferenceProcessor``), read from the library, so
they match what the site's renderer reads.
"""

from __future__ import annotations

import re
from collections import Counter

from markdown.blockprocessors import ReferenceProcessor
from markdown.extensions.abbr import AbbrBlockprocessor
from markdown.extensions.footnotes import FootnoteBlockProcessor

_KINDS = (
    ("abbreviation", re.compile(AbbrBlockprocessor.RE.pattern, re.MULTILINE)),
    ("footnote", re.compile(FootnoteBlockProcessor.RE.pattern, re.MULTILINE)),
    ("link reference", re.compile(ReferenceProcessor.RE.pattern, re.MULTILINE)),
)


def definitions(markdown_text: str) -> Counter:
    """(kind, label) of every line that reads as a definition, counted."""
    found: Counter = Counter()
    for kind, pattern in _KINDS:
        for match in pattern.finditer(markdown_text):
            found[(kind, " ".join(match.group(1).split()).lower())] += 1
    return found


def abbreviation_meanings(markdown_text: str) -> frozenset[str]:
    """The meanings a page's abbreviation definitions give (the ``title`` of each ``<abbr>``)."""
    pattern = _KINDS[0][1]
    return frozenset(match.group("title").strip() for match in pattern.finditer(markdown_text))


def new_definitions(source_text: str, translated_text: str) -> list[str]:
    """What the translated page defines that the source page does not, in words."""
    added = definitions(translated_text) - definitions(source_text)
    return [
        f"adds a new {kind} definition ({label!r}): definitions come only from their own entries;"
        " do not start a line with *[…]:, [^…]: or […]: in a translation"
        for kind, label in sorted(added)
    ]
