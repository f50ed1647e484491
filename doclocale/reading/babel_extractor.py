"""English pages -> translatable messages, and the Babel extraction method.

Registered as the ``markdown`` extractor (entry point ``babel.extractors``), so
``pybabel extract -F babel.cfg`` works with no PYTHONPATH tricks.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from doclocale.model import Segment, SourcePage
from doclocale.reading.page_parser import parse_page


def extract_segments(page: SourcePage) -> tuple[Segment, ...]:
    """Every message of a page, in source order (duplicates kept: they share one PO entry)."""
    return page.segments


def extract_markdown(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: dict[str, Any]
) -> Iterator[tuple[int, str | None, Any, list[str]]]:
    """Babel extraction method: yields ``(line, funcname, message, comments)``."""
    path = getattr(fileobj, "name", "<markdown>")
    text = fileobj.read().decode(options.get("encoding", "utf-8"))
    for segment in extract_segments(parse_page(str(path), text)):
        if segment.context is None:
            yield segment.location.line, None, segment.text, [segment.comment()]
        else:
            yield segment.location.line, "pgettext", (segment.context, segment.text), [segment.comment()]
