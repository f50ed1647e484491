"""markdown-it block rules for Python-Markdown's container blocks, read the way Python-Markdown reads them.

Admonitions (``!!! note "Title"``), collapsible details (``??? note``,
``???+ note``) and content tabs (``=== "Title"``) are a marker line and a body
indented four spaces. mdit_py_plugins' admonition rule ends a block at two blank
lines, where Python-Markdown goes on while the body stays indented, and there is
no markdown-it rule for tabs at all; so the extractor uses this one rule for all
three, modelled on mdit_py_plugins' admonition rule (MIT).

Tokens: ``admonition_open`` (meta ``tag``, info = the text after the marker) and
``tab_open`` (info = the quoted title), each with its ``_close``.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

_ADMONITION = re.compile(r'^(!!!|\?\?\?\+?)[ \t]*([\w-]+(?:[ \t]+[\w-]+)*)?(?:[ \t]+"(.*)")?[ \t]*$')
_TAB = re.compile(r'^(===[!+]{0,2})[ \t]+"(.*)"[ \t]*$')


def _container(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False  # indented code
    start = state.bMarks[start_line] + state.tShift[start_line]
    line = state.src[start : state.eMarks[start_line]]
    if line[:3] not in ("!!!", "???", "==="):
        return False
    admonition = _ADMONITION.match(line)
    tab = None if admonition else _TAB.match(line)
    if admonition is None and tab is None or admonition is not None and not admonition.group(2):
        return False
    if silent:
        return True
    old_parent, old_line_max, old_indent = state.parentType, state.lineMax, state.blkIndent
    state.parentType = "container"
    state.blkIndent = state.sCount[start_line] + 4
    next_line = start_line + 1
    last_content = start_line
    while next_line < end_line:
        if state.isEmpty(next_line):
            next_line += 1
            continue
        if state.sCount[next_line] < state.blkIndent:
            break  # Python-Markdown: the body is every following line indented four spaces
        last_content = next_line
        next_line += 1
    next_line = last_content + 1
    state.lineMax = next_line
    if admonition is not None:
        token = state.push("admonition_open", "div", 1)
        token.meta = {"tag": admonition.group(2).split()[0].lower()}
        token.info = line
    else:
        assert tab is not None
        token = state.push("tab_open", "div", 1)
        token.info = tab.group(2)
    token.markup = (admonition or tab).group(1)  # type: ignore[union-attr]
    token.block = True
    token.map = [start_line, next_line]
    state.md.block.tokenize(state, start_line + 1, next_line)
    token = state.push("admonition_close" if admonition is not None else "tab_close", "div", -1)
    token.block = True
    state.parentType, state.lineMax, state.blkIndent = old_parent, old_line_max, old_indent
    state.line = next_line
    return True


#: Python-Markdown's HashHeaderProcessor pattern, on one line: no space is needed after the
#: hashes ("#Title" and "###\u00a0Title" are headings), a closing run of hashes always goes.
_HASH_HEADING = re.compile(r"(?P<level>#{1,6})(?P<header>(?:\\.|[^\\])*?)#*")


def _hash_heading(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """An ATX heading as Python-Markdown reads it: hashes at the very start of the line (of the
    container's body, or of the page: a line at column 0 ends a list item's text), then any
    text; two spaces before them make it part of a paragraph."""
    if state.sCount[start_line] not in (state.blkIndent, 0):
        return False
    start = state.bMarks[start_line] + state.tShift[start_line]
    line = state.src[start : state.eMarks[start_line]]
    match = _HASH_HEADING.fullmatch(line) if line.startswith("#") else None
    if match is None:
        return False
    if silent:
        return True
    level = len(match.group("level"))
    state.line = start_line + 1
    token = state.push("heading_open", f"h{level}", 1)
    token.markup = match.group("level")
    token.map = [start_line, state.line]
    token = state.push("inline", "", 0)
    token.content = match.group("header").strip()
    token.map = [start_line, state.line]
    token.children = []
    token = state.push("heading_close", f"h{level}", -1)
    token.markup = match.group("level")
    return True


def hash_heading_plugin(md: MarkdownIt) -> None:
    md.block.ruler.at("heading", _hash_heading, {"alt": ["paragraph", "reference", "blockquote"]})


def list_indent_plugin(md: MarkdownIt) -> None:
    """A list item's body as Python-Markdown reads it: indented four spaces from where the list
    starts, whatever the marker's width. CommonMark puts the body where the item's text starts
    (two columns after ``*``, three after ``1.``), so a line indented six under ``* item`` is
    code to markdown-it and a nested list to Python-Markdown. markdown-it's list rule parses each
    item's body with ``md.block.tokenize`` while ``parentType`` is ``"list"``; this widens the
    item's indentation there to four (the rule itself restores both values after the call)."""
    tokenize = md.block.tokenize

    def item_body(state: StateBlock, start_line: int, end_line: int) -> None:
        widen = state.listIndent + 4 - state.blkIndent if state.parentType == "list" else 0
        if widen > 0:
            state.blkIndent += widen
            state.sCount[start_line] += widen
        tokenize(state, start_line, end_line)

    setattr(md.block, "tokenize", item_body)  # noqa: B010 (a method replaced on purpose)


def containers_plugin(md: MarkdownIt) -> None:
    md.block.ruler.before("fence", "container", _container, {"alt": ["paragraph", "reference", "blockquote", "list"]})
