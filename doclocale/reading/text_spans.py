"""Text-level helpers of the extractor: table cells, reference labels, words, ids.

Pure functions over one line or one message; the block walk is in ``markdown``.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Callable
from html.parser import HTMLParser

from markdown.extensions.toc import slugify


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_entityref(self, name: str) -> None:
        self.parts.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.parts.append(f"&#{name};")


def _strip_tags(markup: str) -> str:
    parser = _TextOnly()
    parser.feed(markup)
    return "".join(parser.parts)


def split_table_row(line: str) -> list[tuple[int, int]]:
    """Spans of the cells' stripped text in one GFM table row (escaped pipes stay)."""
    bounds = []
    cell_start = 0
    i = 0
    in_code = False
    while i < len(line):
        char = line[i]
        if char == "\\":
            i += 2
            continue
        if char == "`":
            in_code = not in_code
        elif char == "|" and not in_code:
            bounds.append((cell_start, i))
            cell_start = i + 1
        i += 1
    bounds.append((cell_start, len(line)))
    if line.lstrip().startswith("|"):
        bounds = bounds[1:]
    if line.rstrip().endswith("|") and bounds and not line[bounds[-1][0] :].strip():
        bounds = bounds[:-1]
    spans = []
    for start, end in bounds:
        raw = line[start:end]
        left = len(raw) - len(raw.lstrip())
        right = len(raw.rstrip())
        spans.append((start + left, start + max(left, right)))
    return spans


# [label] or [label][] that is not part of a full reference ([text] [label], with at
# most one space or line break between, as Python-Markdown allows) nor a definition.
_SHORT_REFERENCE = re.compile(r"(?<![\]\\])(?<!\]\s)(!?\[)((?:[^\[\]\\`]|\\.)+)\](\[\])?(?!\s?\[(?!\^)|\()")
_DEFINITION_AFTER = re.compile(r":\s*\S")
_SPACED_REFERENCE = re.compile(r"\]\s(\[((?:[^\[\]\\`]|\\.)+)\])")


def _label(text: str) -> str:
    return " ".join(text.split()).upper()  # markdown-it's normalised reference label


def _full(match: re.Match, chunk: str, references: set[str], at_start: bool) -> str:
    if _label(match.group(2)) not in references:
        return match.group(0)
    if at_start and match.start() == 0 and _DEFINITION_AFTER.match(chunk, match.end()):
        return match.group(0)  # "[label]: url" at the start is a definition, not a link
    return f"{match.group(1)}{match.group(2)}][{match.group(2)}]"


def _full_in(chunk: str, references: set[str], first: bool) -> Callable[[re.Match], str]:
    return lambda match: _full(match, chunk, references, first)


def full_references(text: str, references: set[str]) -> str:
    """``[Giscus]`` and ``[Giscus][]`` as ``[Giscus][Giscus]`` in a message, so the translated
    link text can change while the label still names its link definition."""
    if not references or "]" not in text:
        return text
    out = []
    for number, (piece, code) in enumerate(outside_code(text)):
        if code:
            out.append(piece)
            continue
        chunk = _SPACED_REFERENCE.sub(
            lambda m: "]" + m.group(1) if _label(m.group(2)) in references else m.group(0), piece
        )
        out.append(_SHORT_REFERENCE.sub(_full_in(chunk, references, number == 0), chunk))
    return "".join(out)


# What is not words in a message: code, HTML, link targets and labels, attribute
# lists, emoji shortcodes, keys, URLs and entities.
# (Every repeat stops at the next opening character, so the scan stays linear on any input.)
_NOT_WORDS = re.compile(
    r"<[^<>]*>|\]\([^()]*\)|\]\[[^\[\]]*\]|\{[^{}]*\}|:[\w+-]+:|\+\+[\w+-]+\+\+|https?://\S+|&#?\w+;"
)


def code_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the `code` of a message: a run of n backticks up to the next run of exactly n
    (CommonMark's rule). A backtick after a backslash is a literal backtick, never an opener
    (inside code a backslash is literal, so closers are never escaped). Runs are indexed by
    length, so the scan is O(n log n) on any input."""
    runs = [(match.start(), match.end()) for match in re.finditer(r"`+", text)]
    by_length: dict[int, list[int]] = {}
    for start, end in runs:
        by_length.setdefault(end - start, []).append(start)
    spans, cursor = [], 0
    for start, end in runs:
        if start < cursor:
            continue  # inside the span just found
        backslashes = len(text[:start]) - len(text[:start].rstrip("\\"))
        opener = start + (backslashes % 2)  # an escaped first backtick is text
        length = end - opener
        if length == 0:
            continue
        starts = by_length.get(length, [])
        found = bisect.bisect_right(starts, end - 1)
        while found < len(starts) and starts[found] < end:
            found += 1
        if found == len(starts):
            continue
        close = starts[found]
        spans.append((opener, close + length))
        cursor = close + length
    return spans


def outside_code(text: str) -> list[tuple[str, bool]]:
    """The message cut into (piece, is_code) in order."""
    pieces, cursor = [], 0
    for start, end in code_spans(text):
        pieces += [(text[cursor:start], False), (text[start:end], True)]
        cursor = end
    return pieces + [(text[cursor:], False)]


def has_words(text: str) -> bool:
    """Does a message hold anything to translate (a letter outside code and markup)?"""
    return any(
        not code and any(char.isalpha() for char in _NOT_WORDS.sub(" ", piece)) for piece, code in outside_code(text)
    )


def heading_anchor(inline_html: str) -> str:
    """The id Python-Markdown's toc extension gives a heading, from its inline HTML."""
    return slugify(html.unescape(_strip_tags(inline_html)), "-")
