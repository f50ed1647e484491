"""Inline Markdown of one message, parsed into the parts checks compare."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from doclocale.reading.page_parser import shared_parser

FOOTNOTE_REF = re.compile(r"\[\^[^\]]*\]")  # [^1] is a footnote label (markup), not a number or a word
_TAG_NAME = re.compile(r"</?\s*([A-Za-z][\w:-]*)")


@dataclass(frozen=True)
class InlineParts:
    """What a translation must keep from its source, and where text lives."""

    links: tuple[str, ...]
    images: tuple[str, ...]
    code: tuple[str, ...]
    html: tuple[str, ...]  # raw HTML tags, as written
    emphasis: int
    strong: int
    texts: tuple[str, ...]  # plain text runs (no URLs, code or markup)
    link_texts: tuple[str, ...]
    image_alts: tuple[str, ...]
    blocks: tuple[str, ...]  # block token types the text forms (paragraph only, normally)
    prose: str = ""  # the words as a reader reads them: text and code, line breaks as spaces, no markup

    def tag_names(self) -> Counter:
        return Counter(m.group(1).lower() for tag in self.html for m in [_TAG_NAME.match(tag)] if m)


@lru_cache(maxsize=131072)  # msgid and msgstr of every entry, parsed once per run
def parse_inline(text: str) -> InlineParts:
    tokens = shared_parser().parse(text)
    links, images, code, html, texts, link_texts, alts, blocks = [], [], [], [], [], [], [], []
    emphasis = strong = 0
    prose: list[str] = []
    for token in tokens:
        if token.type == "html_block":
            html.append(token.content.strip())
        if token.nesting == 1 and token.type != "paragraph_open":
            blocks.append(token.type)
        if token.type == "hr":
            blocks.append("hr")
        if token.type != "inline":
            continue
        link_depth = 0
        prose.append(" ")
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                prose.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                prose.append(" ")
            if child.type == "link_open":
                links.append(str(child.attrs.get("href", "")))
                link_depth += 1
                link_texts.append("")
            elif child.type == "link_close":
                link_depth -= 1
            elif child.type == "image":
                images.append(str(child.attrs.get("src", "")))
                alts.append(child.content)
            elif child.type == "code_inline":
                code.append(child.content)
            elif child.type == "html_inline":
                html.append(child.content)
            elif child.type == "em_open":
                emphasis += 1
            elif child.type == "strong_open":
                strong += 1
            elif child.type == "text":
                texts.append(child.content)
                if link_depth:
                    link_texts[-1] += child.content
    return InlineParts(
        tuple(links),
        tuple(images),
        tuple(code),
        tuple(html),
        emphasis,
        strong,
        tuple(texts),
        tuple(link_texts),
        tuple(alts),
        tuple(blocks),
        " ".join("".join(prose).split()),
    )
