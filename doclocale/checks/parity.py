"""Page parity: a generated page has the structure of its English page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from doclocale.model import Finding, Location, Severity, SourcePage
from doclocale.reading.page_parser import TRANSLATABLE_FRONT_MATTER, load_yaml, shared_parser
from doclocale.translating.substitute import MISSING_KEY, OUTDATED_KEY, STATUS_KEY, PageState, page_state

_HEADING_ID = re.compile(r"\{[^{}]*#([\w-]+)[^{}]*\}\s*$")
STATUS_KEYS = {STATUS_KEY, OUTDATED_KEY, MISSING_KEY}  # written by the generator


@dataclass(frozen=True)
class Outline:
    headings: tuple[tuple[int, str], ...]
    list_items: int
    tables: tuple[tuple[int, int], ...]
    images: tuple[str, ...]
    links: tuple[str, ...]
    front_matter: dict


def outline(text: str, anchors: tuple[str, ...] | None = None) -> Outline:
    """Structure of a page; heading ids come from ``{#id}`` or, for English, ``anchors``."""
    headings, tables, images, links = [], [], [], []
    items = 0
    front: dict = {}
    rows = cols = 0
    tokens = shared_parser().parse(text)
    for index, token in enumerate(tokens):
        if token.type == "front_matter":
            front = load_yaml(token.content) or {}
        elif token.type == "heading_open":
            match = _HEADING_ID.search(tokens[index + 1].content)
            headings.append((int(token.tag[1:]), match.group(1) if match else ""))
        elif token.type == "list_item_open":
            items += 1
        elif token.type == "table_open":
            rows = cols = 0
        elif token.type == "tr_open":
            rows += 1
            cols = 0
        elif token.type in ("th_open", "td_open"):
            cols += 1
        elif token.type == "table_close":
            tables.append((rows, cols))
        elif token.type == "inline":
            for child in token.children or []:
                if child.type == "image":
                    images.append(str(child.attrs.get("src", "")))
                elif child.type == "link_open":
                    links.append(str(child.attrs.get("href", "")))
    if anchors is not None:
        headings = [
            (level, anchor) for (level, _), anchor in zip(headings, anchors, strict=False)
        ]  # anchors may be fewer
    return Outline(tuple(headings), items, tuple(tables), tuple(images), tuple(links), front)


def check_page_parity(source: SourcePage, generated: str, path: str) -> Iterator[Finding]:
    english = outline(source.text, tuple(h.anchor for h in source.headings))
    other = outline(generated)
    where = Location(path)
    if english.headings != other.headings:
        yield Finding(
            where,
            "R801",
            Severity.ERROR,
            f"headings differ from {source.path}: {english.headings} vs {other.headings}",
            "regenerate with 'make build'; if it persists, report it",
        )
    english_fm = {k: v for k, v in english.front_matter.items() if k not in TRANSLATABLE_FRONT_MATTER}
    other_fm = {
        k: v for k, v in other.front_matter.items() if k not in TRANSLATABLE_FRONT_MATTER and k not in STATUS_KEYS
    }
    if page_state(other.front_matter) is PageState.UNTRANSLATED and "search" not in english_fm:
        other_fm.pop("search", None)  # a notice page is kept out of search by the generator
    if english_fm != other_fm:
        yield Finding(
            where,
            "R806",
            Severity.ERROR,
            "front-matter fields (dates, reviewer, sources) differ from the English page",
            "these fields are copied from docs/en/; regenerate with 'make build'",
        )
    if page_state(other.front_matter) is PageState.UNTRANSLATED:
        return  # a declared notice page: only headings and dates must match
    checks = (
        ("R802", "list items", english.list_items, other.list_items),
        ("R803", "table shapes", english.tables, other.tables),
        ("R804", "images", english.images, other.images),
        ("R805", "links", sorted(english.links), sorted(other.links)),
    )
    for code, what, a, b in checks:
        if a != b:
            yield Finding(
                where,
                code,
                Severity.ERROR,
                f"{what} differ from {source.path}: {a} vs {b}",
                "a translation added or removed Markdown structure; see the markup findings of its catalog",
            )
