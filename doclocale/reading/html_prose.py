"""Prose inside a raw HTML block: what a translator translates, and where it sits.

Pages written for MkDocs put prose in raw HTML (a ``<figure>`` caption, ``<div>``
text, a landing page, ``<p align="center">``); Python-Markdown passes that HTML
through untouched, so the extractor must find its words itself:

- one message per run of text between block-level tags (``<p>``, ``<div>``,
  ``<figcaption>``, ``<li>``, ``<td>`` …), with its inline tags (``<a>``, ``<em>``,
  ``<code>`` …) kept in the msgid as the source writes them; the publishing gate
  then verifies that a translation keeps every one of them;
- one message per human-text attribute (``alt``, ``title``, ``aria-label``,
  ``placeholder``) of a tag that is not inside such a run (inside a run it is part
  of the run's msgid);
- nothing from ``<script>``, ``<style>``, ``<pre>``, ``<textarea>``, ``<template>``,
  ``<svg>``, ``<math>`` or comments.

Positions come from the standard library's ``html.parser`` (it reports where each
tag starts; the HTML5 parsers at hand, lexbor and html5lib, report no source
positions). It only tokenises here: what the translated page means is judged by
the gate with the HTML5 parser, as every other message is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from doclocale.reading.text_spans import has_words

#: Tags that stay inside a message, as phrasing content does in HTML.
INLINE = frozenset(
    "a abbr b bdi bdo br cite code data del dfn em i img ins kbd label mark q s samp small span strong sub sup "
    "time u var wbr".split()
)
#: Tags whose content is code or data, never prose.
VERBATIM = frozenset({"script", "style", "pre", "textarea", "template", "svg", "math"})
#: Attributes whose value a reader sees or hears: messages here, and the only attributes whose
#: value a translation may change (``translating.html_rule`` compares every other one as written).
HUMAN_TEXT_ATTRIBUTES = frozenset({"alt", "title", "aria-label", "placeholder"})
HUMAN_ATTRIBUTES = tuple(sorted(HUMAN_TEXT_ATTRIBUTES))
_NEWLINE_SPACE = re.compile(r"[ \t]*\n\s*")


@dataclass(frozen=True)
class HtmlText:
    """A message inside an HTML block: ``text`` (what the translator sees) is ``source[start:end]``
    with its line breaks joined; ``attribute`` names the attribute, or is None for element text."""

    start: int
    end: int
    text: str
    attribute: str | None = None
    tag: str = ""


class _Scanner(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [i + 1 for i, char in enumerate(source) if char == "\n"]
        self.texts: list[HtmlText] = []
        self.attributes: list[HtmlText] = []
        self.verbatim: list[str] = []  # open verbatim elements
        self.run: tuple[int, int] | None = None  # the open run of inline content
        self.run_tags: list[str] = []  # tags seen in the open run

    def position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def extend(self, start: int, end: int) -> None:
        self.run = (self.run[0] if self.run else start, end)

    def flush(self) -> None:
        if self.run is not None:
            start, end = self.run
            raw = self.source[start:end]
            stripped = raw.strip()
            if has_words(_visible(stripped)):
                start += len(raw) - len(raw.lstrip())
                self.texts.append(HtmlText(start, start + len(stripped), _NEWLINE_SPACE.sub(" ", stripped)))
        self.run = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.open_tag(tag, attrs, closes=False)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.open_tag(tag, attrs, closes=True)

    def open_tag(self, tag: str, attrs: list, closes: bool) -> None:
        start = self.position()
        end = start + len(self.get_starttag_text() or "")
        if self.verbatim:
            if tag in VERBATIM and not closes:
                self.verbatim.append(tag)
            return
        if tag in VERBATIM:
            self.flush()
            if not closes:
                self.verbatim.append(tag)
            return
        self.find_attributes(start, end, tag)
        if tag in INLINE:
            self.extend(start, end)
        else:
            self.flush()

    def find_attributes(self, start: int, end: int, tag: str) -> None:
        text = self.source[start:end]
        for name in HUMAN_ATTRIBUTES:
            found = re.search(rf"""\s{name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", text, re.I)
            if found:
                group = next(g for g in (1, 2, 3) if found.group(g) is not None)
                value = found.group(group)
                if has_words(value):
                    self.attributes.append(
                        HtmlText(start + found.start(group), start + found.end(group), value, name, tag)
                    )

    def handle_endtag(self, tag: str) -> None:
        start = self.position()
        end = self.source.find(">", start) + 1 or len(self.source)
        if self.verbatim:
            if tag == self.verbatim[-1]:
                self.verbatim.pop()
            return
        if tag in INLINE:
            self.extend(start, end)
        else:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self.verbatim:
            start = self.position()
            self.extend(start, start + len(data))

    def handle_entityref(self, name: str) -> None:
        self.reference(f"&{name}")

    def handle_charref(self, name: str) -> None:
        self.reference(f"&#{name}")

    def reference(self, written: str) -> None:
        if not self.verbatim:
            start = self.position()
            length = len(written) + (self.source[start + len(written) : start + len(written) + 1] == ";")
            self.extend(start, start + length)

    def handle_comment(self, data: str) -> None:
        if not self.verbatim:
            self.flush()


def _visible(markup: str) -> str:
    """The words of a run: its text outside tags and code."""
    without_code = re.sub(r"<code\b.*?</code>", " ", markup, flags=re.S | re.I)
    return re.sub(r"<[^>]*>", " ", without_code)


def html_texts(source: str) -> list[HtmlText]:
    """The messages of a raw HTML block, in source order; runs' own attributes stay in the runs."""
    scanner = _Scanner(source)
    scanner.feed(source)
    scanner.close()
    scanner.flush()
    runs = scanner.texts
    outside = [a for a in scanner.attributes if not any(r.start <= a.start < r.end for r in runs)]
    return sorted(runs + outside, key=lambda text: text.start)
