"""A page's structure as the parity check compares it: headings, list items, tables, images, links
and front matter, read from markdown-it's tokens.

An English page's outline is read from the tokens ``page_parser`` already made (``SourcePage.outline``),
so a check parses each English page once.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from doclocale.model import Outline
from doclocale.reading.front_matter import load_yaml

_HEADING_ID = re.compile(r"\{[^{}]*#([\w-]+)[^{}]*\}\s*$")


def outline_of_tokens(tokens: list[Token]) -> Outline:
    """The structure of a page's tokens; a heading's id is its ``{#id}`` ("" when it has none)."""
    headings, tables, images, links = [], [], [], []
    items = 0
    front: dict = {}
    rows = cols = 0
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
    return Outline(tuple(headings), items, tuple(tables), tuple(images), tuple(links), front)
