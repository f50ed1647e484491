"""Markup parity: the translation keeps every link, image, code span and mark of the source."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from doclocale.checks.entry import Entry
from doclocale.model import Finding, Severity
from doclocale.reading.inline import parse_inline

_ATTR_ID = re.compile(r"\{[^{}]*#([\w-]+)[^{}]*\}")
_FOOTNOTE = re.compile(r"\[\^([^\]]+)\]")


def _differs(a, b) -> str:
    if a == b:
        return ""  # most entries: the same marks in the same order (counting them is most of this check's time)
    missing = list((Counter(a) - Counter(b)).elements())
    extra = list((Counter(b) - Counter(a)).elements())
    parts = []
    if missing:
        parts.append("missing " + ", ".join(map(repr, missing)))
    if extra:
        parts.append("added " + ", ".join(map(repr, extra)))
    return "; ".join(parts)


def check_markup(entry: Entry) -> Iterator[Finding]:
    if not entry.msgstr:
        return
    source, target = parse_inline(entry.msgid), parse_inline(entry.msgstr)
    pairs = (
        (
            "M201",
            Severity.ERROR,
            "link targets differ",
            source.links,
            target.links,
            "copy each (…) link target exactly from the English",
        ),
        (
            "M202",
            Severity.ERROR,
            "image paths differ",
            source.images,
            target.images,
            "copy each image path exactly from the English",
        ),
        (
            "M203",
            Severity.ERROR,
            "`code` spans differ",
            source.code,
            target.code,
            "copy the text between backticks exactly",
        ),
        (
            "M208",
            Severity.ERROR,
            "footnote references differ",
            _FOOTNOTE.findall(entry.msgid),
            _FOOTNOTE.findall(entry.msgstr),
            "keep each [^note] reference",
        ),
        (
            "M209",
            Severity.ERROR,
            "attribute ids differ",
            _ATTR_ID.findall(entry.msgid),
            _ATTR_ID.findall(entry.msgstr),
            "keep each {#id} unchanged",
        ),
    )
    for code, severity, what, a, b, hint in pairs:
        difference = _differs(a, b)
        if difference:
            yield entry.finding(code, severity, f"{what}: {difference}", hint)
    if source.emphasis != target.emphasis:
        yield entry.finding(
            "M204",
            Severity.ERROR,
            f"emphasis (*…*) used {target.emphasis} times, English has {source.emphasis}",
            "keep each *emphasised* phrase, with both * marks",
        )
    if source.strong != target.strong:
        yield entry.finding(
            "M205",
            Severity.ERROR,
            f"bold (**…**) used {target.strong} times, English has {source.strong}",
            "keep each **bold** phrase, with both ** marks",
        )
    if any(not text.strip() for text in target.link_texts) or any(
        not alt.strip() for alt in target.image_alts if source.image_alts
    ):
        yield entry.finding(
            "M206",
            Severity.ERROR,
            "a link or image has no text",
            "write the words readers click (or the image description) inside [ ]",
        )
    added = _differs(source.blocks, target.blocks)
    if added and "added" in added:
        yield entry.finding(
            "M207",
            Severity.ERROR,
            f"translation starts new Markdown blocks the English does not have ({', '.join(sorted(set(target.blocks) - set(source.blocks)) or target.blocks)})",
            "write one plain paragraph: no line starting with #, -, >, 1., |, !!! or a blank line",
        )
    elif "\n" in entry.msgstr and "\n" not in entry.msgid:
        yield entry.finding(
            "M207",
            Severity.ERROR,
            "translation contains a line break the English does not have",
            "join the lines into one",
        )
