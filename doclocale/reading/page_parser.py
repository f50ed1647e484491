"""Parse MkDocs Markdown into translatable segments with exact source offsets.

The parser is markdown-it-py (CommonMark + tables + front matter + admonitions).
Every segment records the character span it came from, so a translation can be
written back in place and everything else (code, HTML, ids, URLs, markers)
stays byte-identical.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from markdown.extensions.toc import unique
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from doclocale.errors import SourceError
from doclocale.model import Heading, Location, Segment, SegmentKind, SourcePage, Wrap
from doclocale.reading.block_rules import containers_plugin, hash_heading_plugin, list_indent_plugin
from doclocale.reading.extension_blocks import _ABBREVIATION, ExtensionBlocks
from doclocale.reading.front_matter import TRANSLATABLE as TRANSLATABLE_FRONT_MATTER
from doclocale.reading.front_matter import load_yaml, read_metadata
from doclocale.reading.page_outline import outline_of_tokens
from doclocale.reading.text_spans import full_references, has_words, heading_anchor, split_table_row

__all__ = ["TRANSLATABLE_FRONT_MATTER", "load_yaml", "make_parser", "parse_page"]

# Python-Markdown's attr_list at the end of a heading: "## Title {#id .class}".
_HEADING_ATTRS = re.compile(r"\s*\{:?\s*([^{}]*)\}\s*$")
# An editor gives the next message a msgctxt when the same English needs different
# translations: <!-- i18n-context: button label -->
#: Most [ in one block: Python-Markdown's link search is quadratic in them (4,000 take 3 s).
MAX_BRACKETS = 1000
_DEFINITION = re.compile(r"^:[ \t]")
_TASK_MARKER = re.compile(r"^\[[ xX]\][ \t]+")
_MACRO = re.compile(r"^\{[*%!{]")
_BLOCK_ATTRIBUTES = re.compile(r"^[ ]*\{:?[ ]*[^\}\n ][^\n]*\}[ ]*$")


def make_parser() -> MarkdownIt:
    """The one Markdown parser the pipeline uses, configured like our MkDocs site."""
    parser = (
        MarkdownIt("commonmark")
        .enable("table")
        .use(front_matter_plugin)
        .use(containers_plugin)
        .use(deflist_plugin)
        .use(footnote_plugin)
        .use(list_indent_plugin)
        .use(hash_heading_plugin)
    )
    # markdown-it drops links and definitions to javascript:/data: URLs; Python-Markdown keeps
    # them, so the extractor must see them too (the page comparison judges what is published).
    setattr(parser, "validateLink", lambda url: True)  # noqa: B010 (a method replaced on purpose)
    return parser


@functools.cache
def shared_parser() -> MarkdownIt:
    """Made on first use, not at import: one parser for every page of a run."""
    return make_parser()


def parse_page(path: str, text: str) -> SourcePage:
    """Parse an English page into its segments, headings and front matter."""
    check_bracket_runs(path, text)
    walker = _Walker(path, text)
    return walker.run()


def check_bracket_runs(path: str, text: str) -> None:
    """Refuse, before any parser runs, a block with more [ than both parsers handle quickly."""
    if text.count("[") <= MAX_BRACKETS:
        return
    line = 1
    for block in re.split(r"(\n[ \t]*\n)", text):
        if block.count("[") > MAX_BRACKETS:
            raise SourceError(
                Location(path, line + (len(block) - len(block.lstrip("\n")))),
                f"more than {MAX_BRACKETS} [ in one block",
                "Python-Markdown's time grows with the square of that number: split the block or write the brackets as &#91;",
            )
        line += block.count("\n")


class _Walker(ExtensionBlocks):
    """Walks the token stream once and collects segments in source order."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        self.lines = text.splitlines(keepends=True)
        self.offsets = [0]
        for line in self.lines:
            self.offsets.append(self.offsets[-1] + len(line))
        self.segments: list[Segment] = []
        self.headings: list[Heading] = []
        self.heading_ids: set[str] = set()
        self.contexts: list[tuple[int, str]] = []  # (offset after an i18n-context comment, context)
        self.read_apart: list[tuple[int, int]] = []  # line ranges already walked from another parse
        self.parser = shared_parser()

    def line_text(self, index: int) -> str:
        return self.lines[index].rstrip("\r\n") if index < len(self.lines) else ""

    def where(self, line_index: int) -> Location:
        return Location(self.path, line_index + 1)

    def run(self) -> SourcePage:
        meta = read_metadata(self.path, self.text)
        self.segments.extend(meta.segments)
        try:
            env: dict = {}
            tokens = self.parser.parse(self.text, env)
        except Exception as error:  # markdown-it raises only on bugs or absurd input
            raise SourceError(Location(self.path, 1), f"cannot parse Markdown: {error}") from error
        self.references = set(env.get("references", {}))
        outline = outline_of_tokens(tokens)
        self.walk(tokens, meta.first_body_line)
        self.unreferenced_footnotes(env)
        self.segments.sort(key=lambda segment: segment.start)
        return SourcePage(
            path=self.path,
            text=self.text,
            segments=self.with_contexts(),
            headings=tuple(self.headings),
            front_matter=meta.data,
            front_matter_end=meta.insert_at,
            meta_style=meta.style,
            outline=outline,
        )

    def walk(self, tokens: list[Token], first_line: int = 0, within: tuple[str, ...] = ()) -> None:
        """Collect the segments of a token stream (a page, or the Markdown inside an HTML block)."""
        containers: list[str] = list(within)
        row_cells: dict[int, list[tuple[int, int]]] = {}
        cell_index: dict[int, int] = {}
        for index, token in enumerate(tokens):
            if token.map and token.map[0] < first_line:
                continue  # metadata, read apart
            if token.map and token.nesting != -1 and any(start <= token.map[0] < end for start, end in self.read_apart):
                if token.nesting == 1:
                    containers.append("read apart")
                continue
            if token.type == "html_block" and token.map:
                self.html_block(token)
            elif token.type == "fence" and token.map:
                self.code_title(token)
            elif token.type.endswith("_open") and token.nesting == 1:
                containers.append(token.type)
                if token.type == "admonition_open":
                    self.admonition_title(token)
                elif token.type == "tab_open":
                    self.tab_title(token)
            elif token.nesting == -1 and containers:
                containers.pop()
            elif token.type == "inline" and token.map:
                opener = tokens[index - 1]
                if opener.type in ("th_open", "td_open"):
                    line = token.map[0]
                    spans = row_cells.setdefault(line, split_table_row(self.line_text(line)))
                    position = cell_index.get(line, 0)
                    cell_index[line] = position + 1
                    if position < len(spans):  # a short row: the renderer adds empty cells
                        self.table_cell(token, opener.type, line, spans[position])
                elif opener.type == "heading_open":
                    self.heading(token, int(opener.tag[1:]))
                elif opener.type == "dt_open":
                    self.inline_segment(token, SegmentKind.TERM, token.content)
                elif opener.type == "paragraph_open":
                    self.paragraph(token, containers)

    def with_contexts(self) -> tuple[Segment, ...]:
        """Give the first segment after each i18n-context comment its msgctxt."""
        segments = list(self.segments)
        for offset, context in self.contexts:
            index = next((i for i, segment in enumerate(segments) if segment.start >= offset), None)
            if index is not None:
                segments[index] = replace(segments[index], context=context)
        return tuple(segments)

    # -- blocks ---------------------------------------------------------
    def table_cell(self, token: Token, opener: str, line_index: int, span: tuple[int, int]) -> None:
        start, end = span
        raw = self.line_text(line_index)[start:end]
        if not raw.strip():
            return
        base = self.offsets[line_index]
        kind = SegmentKind.TABLE_HEADER if opener == "th_open" else SegmentKind.TABLE_CELL
        self.segments.append(
            Segment(
                kind,
                raw,
                self.where(line_index),
                base + start,
                base + end,
                detail="(keep \\| for a | sign)" if "\\|" in raw else "",
            )
        )

    def heading(self, token: Token, level: int) -> None:
        content = token.content
        attrs = _HEADING_ATTRS.search(content)
        explicit_id = None
        if attrs:
            ids = [part[1:] for part in attrs.group(1).split() if part.startswith("#")]
            explicit_id = ids[0] if ids else None
            content = content[: attrs.start()]
        segment = self.inline_segment(token, SegmentKind.HEADING, content, detail=f"level {level}")
        anchor = explicit_id or unique(heading_anchor(self.parser.renderInline(content)), self.heading_ids)
        if explicit_id:
            self.heading_ids.add(explicit_id)
        if segment is None:
            return  # nothing to translate: the heading keeps its text, so its id too
        attr_start = segment.end
        if attrs:
            attr_start = self.text.index("{", segment.end)
        self.headings.append(
            Heading(
                level=level,
                anchor=anchor,
                segment_index=len(self.segments) - 1,
                attr_start=attr_start,
                has_attr_list=bool(attrs),
                attr_has_id=bool(explicit_id),
            )
        )

    def paragraph(self, token: Token, containers: list[str]) -> None:
        assert token.map is not None
        children = [child for child in token.children or [] if child.type != "softbreak"]
        content = token.content
        if _DEFINITION.match(content):
            self.definition_body(token.map[0])
            return
        if _MACRO.match(content):
            raise SourceError(
                self.where(token.map[0]),
                f"{content.split()[0]}…}} is not Markdown this site renders (an include or macro of another tool)",
                "paste the content it stands for into the page",
            )
        if len(children) == 1 and children[0].type == "image" and content.startswith("![") and "](" in content:
            alt = content[2 : content.index("](")]
            if alt.strip():
                line_index = token.map[0]
                line = self.line_text(line_index)
                offset = self.offsets[line_index] + line.index("![") + 2
                src = children[0].attrs.get("src", "")
                self.segments.append(
                    Segment(
                        SegmentKind.IMAGE_ALT,
                        alt,
                        self.where(line_index),
                        offset,
                        offset + len(alt),
                        detail=f"for {src}",
                        wrap=Wrap.PLAIN,
                    )
                )
            return
        if _ABBREVIATION.match(content.split("\n", 1)[0]):
            self.abbreviations(token)
            return
        if "footnote_open" in containers:
            kind = SegmentKind.FOOTNOTE
        elif "dd_open" in containers:
            kind = SegmentKind.DEFINITION
        elif "list_item_open" in containers:
            kind = SegmentKind.LIST_ITEM
            content = _TASK_MARKER.sub("", content, count=1)  # "[x] " is the checkbox, not text
        elif "blockquote_open" in containers:
            kind = SegmentKind.QUOTE
        else:
            kind = SegmentKind.PARAGRAPH
        detail = (
            "in a call-out box" if "admonition_open" in containers else "in a tab" if "tab_open" in containers else ""
        )
        self.inline_segment(token, kind, content, detail=detail)

    def inline_segment(self, token: Token, kind: SegmentKind, content: str, detail: str = "") -> Segment | None:
        """Locate ``content`` (the block's inline source) line by line in the page."""
        assert token.map is not None
        content_lines = content.split("\n")
        if len(content_lines) > 1 and _BLOCK_ATTRIBUTES.match(content_lines[-1]):
            content_lines.pop()  # "{: .class }" on the block's last line belongs to the block
        if not has_words("\n".join(content_lines)):
            if "<" in content:  # inline HTML alone: its alt, title, aria-label or placeholder
                self.html_texts(token.map[0], token.map[0] + len(content_lines), attributes_only=True)
            return None  # nothing to translate (code, a link target, a comment): the English stays
        first_line = token.map[0]
        spans = []
        for number, piece in enumerate(content_lines):
            line_index = first_line + number
            line = self.line_text(line_index)
            piece = piece.strip()
            column = line.find(piece) if piece else len(line)
            if column < 0:
                raise SourceError(
                    self.where(line_index), "cannot locate text in the source line (please report this page)"
                )
            spans.append((line_index, column, column + len(piece)))
        if not content.strip():
            return None
        first_index, first_column, _ = spans[0]
        last_index, _, last_end = spans[-1]
        prefix = self.line_text(first_index)[:first_column]
        if len(spans) > 1:
            continuation = self.line_text(spans[1][0])[: spans[1][1]]
        else:
            continuation = "".join(c if c == ">" else " " for c in prefix)
        pieces, hard_breaks = [], False
        for number, (line_index, column, end) in enumerate(spans):
            line = self.line_text(line_index)
            pieces.append(line[column:end])
            if number < len(spans) - 1:
                hard_break = line.endswith("  ")  # Python-Markdown's only hard break
                hard_breaks = hard_breaks or hard_break
                pieces.append("\n" if hard_break else " ")
        segment = Segment(
            kind=kind,
            text=full_references("".join(pieces), self.references),
            hard_breaks=hard_breaks,
            location=self.where(first_index),
            start=self.offsets[first_index] + first_column,
            end=self.offsets[last_index] + last_end,
            detail=detail,
            continuation=continuation,
        )
        self.segments.append(segment)
        return segment
