"""English words inside right-to-left text, isolated in the rendered HTML.

A Latin-script run inside Persian ("میکرونیدلینگ (Microneedling)") is wrapped in
``<bdi>`` so it keeps its own direction and does not drag the punctuation
around it across the line. This runs on the HTML after the page comparison,
and only ever splits a text node: it cannot touch a link label, an attribute,
code, or an English passage the page already marks as English (``dir``). The
Markdown and the English page's bytes are never changed.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9'’.+-]*(?:[ ][A-Za-z][A-Za-z0-9'’.+-]*)*")
#: Elements whose text is never isolated: code, scripts, and already-isolated text.
_SKIP = frozenset({"code", "pre", "kbd", "samp", "script", "style", "textarea", "svg", "math", "bdi", "bdo", "title"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)


class _TextRanges(HTMLParser):
    """Offsets of the text runs that may be isolated."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.line_starts = [0]
        for line in html.splitlines(keepends=True):
            self.line_starts.append(self.line_starts[-1] + len(line))
        self.open: list[bool] = []  # per open element: is its text skipped?
        self.ranges: list[tuple[int, int]] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs) -> None:
        if tag in _VOID:
            return
        skipped = (self.open and self.open[-1]) or tag in _SKIP or any(name == "dir" for name, _ in attrs)
        self.open.append(bool(skipped))

    def handle_startendtag(self, tag, attrs) -> None:
        return

    def handle_endtag(self, tag) -> None:
        if tag not in _VOID and self.open:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if not (self.open and self.open[-1]):
            start = self._offset()
            self.ranges.append((start, start + len(data)))


def isolate_latin(html: str) -> str:
    """``html`` with each Latin-script run of its running text wrapped in <bdi>."""
    parser = _TextRanges(html)
    parser.feed(html)
    parser.close()
    out, cursor = [], 0
    for start, end in parser.ranges:
        out.append(html[cursor:start])
        out.append(_LATIN_RUN.sub(lambda m: f"<bdi>{m.group()}</bdi>", html[start:end]))
        cursor = end
    out.append(html[cursor:])
    return "".join(out)
