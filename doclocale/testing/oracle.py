"""The transform oracle: does a page survive translation with its structure intact?

Every message of the page is translated by the pseudo-locale transform (every
letter changed, markup kept), the page goes through the publishing gate, and the
published rendering must have the English page's element structure, with no
translation refused and no English prose left outside code. Used by the test
suite on real pages written by others, and by ``scripts/corpus_report.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from babel.messages.catalog import Message
from selectolax.lexbor import LexborHTMLParser

from doclocale.errors import PipelineError
from doclocale.reading.page_parser import parse_page
from doclocale.translating.gate import gate_page
from doclocale.translating.html_rule import VERBATIM, compare_shapes, html_shape, in_page_context
from doclocale.translating.pseudo import pseudo_text

_ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
#: Kept as written by design: addresses, paths to files (a link target or a snippet directive shown
#: as text), emoji shortcodes (:name:) and keys (++ctrl++).
# ("][label]": the label of a reference this site does not define, shown as written, such as the
# cross-references another site's plugin resolves: a label, which translators keep, not prose.)
_NOT_PROSE = re.compile(
    r"\w+://\S+|[\w.-]*/[\w./-]*\.\w+|\S+@\S+\.\w+|:[\w+-]+:|\+\+[\w+-]+\+\+|\{[^{}]*\}|\]\[[^\[\]]*\]"
)


_REFERENCE_LABEL = re.compile(r"\]\[([^\[\]]+)\]")
_DEFINITION = re.compile(r"^ {0,3}\[([^\]]+)\]:", re.MULTILINE)


def undefined_labels(text: str) -> list[str]:
    """Labels of ``[text][label]`` references the page does not define: the site shows them as
    written (cross-references another site's plugin resolves), and a translator keeps them, so
    their words are not English prose left. ``__x__`` in a label turns bold, splitting its text
    across elements, so the words are taken from the Markdown."""
    defined = {label.strip().lower() for label in _DEFINITION.findall(text)}
    return [label for label in _REFERENCE_LABEL.findall(text) if label.strip().lower() not in defined]


@dataclass(frozen=True)
class Verdict:
    page: str
    outcome: str  # "passed", "refused" (the extractor names an unsupported construct), "broken"
    problems: tuple[str, ...] = ()
    messages: int = 0


def fallback_span(tag: str, attributes: dict) -> bool:
    return tag == "span" and attributes == {"lang": "en", "dir": "ltr"}


def english_prose(html: str) -> list[str]:
    """Latin words in running text (code, English-marked spans and link-only text left out)."""
    words: list[str] = []
    body = LexborHTMLParser(html).body
    if body is None:
        return words
    for node in body.traverse(include_text=True):
        if node.tag != "-text":
            continue
        parent, skip = node.parent, False
        while parent is not None and not skip:
            skip = parent.tag in VERBATIM or parent.attributes.get("lang") == "en"
            parent = parent.parent
        if not skip:
            text = _NOT_PROSE.sub(" ", node.text_content or "")
            words.extend(_ENGLISH_WORD.findall(text))
    return words


def judge(path: str, text: str, render_html: Callable[[str], str], segments=None) -> Verdict:
    """The oracle's verdict on one page (``segments`` may alter the extraction, for tests)."""
    try:
        page = parse_page(path, text)
    except PipelineError as error:
        return Verdict(path, "refused", (error.format(),))
    if segments is not None:
        page = replace(page, segments=segments(page.segments))
    messages = {segment.key: Message(segment.text, pseudo_text(segment.text)) for segment in page.segments}
    gated = gate_page(page, messages, render_html, page=path)
    problems = [
        f"{path}:{r.segment.location.line}: refused {r.segment.text[:60]!r}: {'; '.join(r.problems)}"
        for r in gated.refusals
    ]
    problems += list(gated.page_problems)
    published = render_html(gated.page.text)
    problems += compare_shapes(
        html_shape(in_page_context(render_html(text))), html_shape(in_page_context(published), fallback_span)
    )
    shown_as_written = set(_ENGLISH_WORD.findall(" ".join(undefined_labels(text)).replace("_", " ")))
    left = [word for word in english_prose(published) if word not in shown_as_written]
    if left:
        problems.append(f"English prose left: {' '.join(left[:8])}")
    return Verdict(path, "broken" if problems else "passed", tuple(problems), len(messages))
