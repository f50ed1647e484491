"""Parse MkDocs Markdown into translatable segments with exact source offsets.

The parser is markdown-it-py (CommonMark + tables + front matter + admonitions).
Every segment records the character span it came from, so a translation can be
written back in place and everything else (code, HTML, ids, URLs, markers)
stays byte-identical.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from html.parser import HTMLParser

import yaml
from markdown.extensions.toc import slugify, unique
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from .errors import SourceError
from .model import Heading, Location, Segment, SegmentKind, SourcePage, Wrap

#: Front-matter keys whose values readers see and translators translate.
TRANSLATABLE_FRONT_MATTER = {"title": SegmentKind.TITLE, "description": SegmentKind.DESCRIPTION}

# Python-Markdown's attr_list at the end of a heading: "## Title {#id .class}".
_HEADING_ATTRS = re.compile(r"\s*\{:?\s*([^{}]*)\}\s*$")
_FRONT_MATTER_KEY = re.compile(r"^([A-Za-z_][\w-]*):[ \t]*(.*?)[ \t]*$")
# An editor gives the next message a msgctxt when the same English needs different
# translations: <!-- i18n-context: button label -->
_CONTEXT_COMMENT = re.compile(r"^\s*<!--\s*i18n-context:\s*(.*?)\s*-->\s*$", re.S)


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ~10x faster


def load_yaml(text: str):
    """Safe YAML (front matter, glossary), with libyaml when PyYAML has it."""
    return yaml.load(text, Loader=_YAML_LOADER)


def make_parser() -> MarkdownIt:
    """The one Markdown parser the pipeline uses, configured like our MkDocs site."""
    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin).use(admon_plugin)


_PARSER = make_parser()


def parse_page(path: str, text: str) -> SourcePage:
    """Parse an English page into its segments, headings and front matter."""
    walker = _Walker(path, text)
    return walker.run()


def heading_anchor(inline_source: str) -> str:
    """The id Python-Markdown's toc extension gives a heading with this inline source."""
    rendered = _PARSER.renderInline(inline_source)
    return slugify(html.unescape(_strip_tags(rendered)), "-")


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


class _Walker:
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
        self.front_matter: dict = {}
        self.front_matter_end = 0
        self.heading_ids: set[str] = set()
        self.contexts: list[tuple[int, str]] = []  # (offset after an i18n-context comment, context)

    def line_text(self, index: int) -> str:
        return self.lines[index].rstrip("\r\n") if index < len(self.lines) else ""

    def where(self, line_index: int) -> Location:
        return Location(self.path, line_index + 1)

    def run(self) -> SourcePage:
        try:
            tokens = _PARSER.parse(self.text)
        except Exception as error:  # markdown-it raises only on bugs or absurd input
            raise SourceError(Location(self.path, 1), f"cannot parse Markdown: {error}") from error
        containers: list[str] = []
        row_cells: dict[int, list[tuple[int, int]]] = {}
        cell_index: dict[int, int] = {}
        for index, token in enumerate(tokens):
            if token.type == "front_matter":
                self.read_front_matter(token)
            elif token.type == "html_block" and token.map and _CONTEXT_COMMENT.match(token.content):
                self.contexts.append((self.offsets[token.map[1]], _CONTEXT_COMMENT.match(token.content).group(1)))
            elif token.type.endswith("_open") and token.nesting == 1:
                containers.append(token.type)
                if token.type == "admonition_open":
                    self.admonition_title(token, tokens[index + 2])
            elif token.nesting == -1 and containers:
                containers.pop()
            elif token.type == "inline" and token.map:
                opener = tokens[index - 1]
                if opener.type in ("th_open", "td_open"):
                    line = token.map[0]
                    spans = row_cells.setdefault(line, split_table_row(self.line_text(line)))
                    position = cell_index.get(line, 0)
                    cell_index[line] = position + 1
                    self.table_cell(token, opener.type, line, spans[position])
                elif opener.type == "heading_open":
                    self.heading(token, int(opener.tag[1:]))
                elif opener.type == "paragraph_open":
                    self.paragraph(token, containers)
        return SourcePage(
            path=self.path,
            text=self.text,
            segments=self.with_contexts(),
            headings=tuple(self.headings),
            front_matter=self.front_matter,
            front_matter_end=self.front_matter_end,
        )

    def with_contexts(self) -> tuple[Segment, ...]:
        """Give the first segment after each i18n-context comment its msgctxt."""
        segments = list(self.segments)
        for offset, context in self.contexts:
            index = next((i for i, segment in enumerate(segments) if segment.start >= offset), None)
            if index is not None:
                segments[index] = replace(segments[index], context=context)
        return tuple(segments)

    # -- front matter ---------------------------------------------------
    def read_front_matter(self, token: Token) -> None:
        first, last = token.map  # lines of the opening and closing '---'
        try:
            data = load_yaml(token.content) or {}
        except yaml.YAMLError as error:
            # The context mark is where the broken construct starts ("title: [..."),
            # the problem mark where the parser gave up (often the next line).
            mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
            line = first + 2 + (mark.line if mark else 0)
            raise SourceError(
                Location(self.path, line),
                f"front matter is not valid YAML: {getattr(error, 'problem', error)}",
                "front matter is 'key: value' lines between two '---' lines; quote values that contain ':'",
            ) from error
        if not isinstance(data, dict):
            raise SourceError(Location(self.path, first + 1), "front matter must be 'key: value' pairs")
        self.front_matter = data
        self.front_matter_end = self.offsets[last - 1]
        for line_index in range(first + 1, last):
            match = _FRONT_MATTER_KEY.match(self.line_text(line_index))
            if not match or match.group(1) not in TRANSLATABLE_FRONT_MATTER:
                continue
            value = data.get(match.group(1))
            if not isinstance(value, str) or not value.strip():
                raise SourceError(
                    self.where(line_index),
                    f"front-matter '{match.group(1)}' must be a one-line text",
                    "write it on one line, e.g. title: \"Micro-needling\"",
                )
            start = self.offsets[line_index] + match.start(2)
            self.segments.append(
                Segment(
                    kind=TRANSLATABLE_FRONT_MATTER[match.group(1)],
                    text=value.strip(),
                    location=self.where(line_index),
                    start=start,
                    end=start + len(match.group(2)),
                    wrap=Wrap.PLAIN,
                    yaml_value=True,
                )
            )

    # -- blocks ---------------------------------------------------------
    def admonition_title(self, opener: Token, title_inline: Token) -> None:
        line_index = opener.map[0]
        line = self.line_text(line_index)
        base = self.offsets[line_index]
        kind = opener.meta.get("tag", "note")
        quoted = re.search(r'"(.*)"\s*$', line)
        if quoted:
            if not quoted.group(1).strip():
                return  # an empty title means "no title bar": nothing to translate
            start, end = base + quoted.start(1), base + quoted.end(1)
            text = quoted.group(1)
        else:
            # No title given: the theme shows the type ("Warning") in English. Make it a
            # message so the Persian page gets an explicit, translated title.
            after_type = line.find(kind) + len(kind)
            start = end = base + after_type
            text = title_inline.content.strip() or kind.capitalize()
        self.segments.append(
            Segment(
                kind=SegmentKind.ADMONITION_TITLE,
                text=text,
                location=self.where(line_index),
                start=start,
                end=end,
                detail=f"({kind})",
                wrap=Wrap.PLAIN,
            )
        )

    def table_cell(self, token: Token, opener: str, line_index: int, span: tuple[int, int]) -> None:
        start, end = span
        raw = self.line_text(line_index)[start:end]
        if not raw.strip():
            return
        base = self.offsets[line_index]
        kind = SegmentKind.TABLE_HEADER if opener == "th_open" else SegmentKind.TABLE_CELL
        self.segments.append(
            Segment(kind, raw, self.where(line_index), base + start, base + end, detail="(keep \\| for a | sign)" if "\\|" in raw else "")
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
        if segment is None:
            return
        anchor = explicit_id or unique(heading_anchor(content), self.heading_ids)
        if explicit_id:
            self.heading_ids.add(explicit_id)
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
        children = [child for child in token.children or [] if child.type != "softbreak"]
        content = token.content
        if len(children) == 1 and children[0].type == "image" and content.startswith("![") and "](" in content:
            alt = content[2 : content.index("](")]
            if alt.strip():
                line_index = token.map[0]
                line = self.line_text(line_index)
                offset = self.offsets[line_index] + line.index("![") + 2
                src = children[0].attrs.get("src", "")
                self.segments.append(
                    Segment(SegmentKind.IMAGE_ALT, alt, self.where(line_index), offset, offset + len(alt), detail=f"for {src}", wrap=Wrap.PLAIN)
                )
            return
        if "list_item_open" in containers:
            kind = SegmentKind.LIST_ITEM
        elif "blockquote_open" in containers:
            kind = SegmentKind.QUOTE
        else:
            kind = SegmentKind.PARAGRAPH
        detail = "in a call-out box" if "admonition_open" in containers else ""
        self.inline_segment(token, kind, content, detail=detail)

    def inline_segment(self, token: Token, kind: SegmentKind, content: str, detail: str = "") -> Segment | None:
        """Locate ``content`` (the block's inline source) line by line in the page."""
        content_lines = content.split("\n")
        first_line = token.map[0]
        spans = []
        for number, piece in enumerate(content_lines):
            line_index = first_line + number
            line = self.line_text(line_index)
            piece = piece.strip()
            column = line.find(piece) if piece else len(line)
            if column < 0:
                raise SourceError(self.where(line_index), "cannot locate text in the source line (please report this page)")
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
        pieces = []
        for number, (line_index, column, end) in enumerate(spans):
            line = self.line_text(line_index)
            pieces.append(line[column:end])
            if number < len(spans) - 1:
                hard_break = line.endswith("  ") or line[:end].endswith("\\")
                pieces.append("\n" if hard_break else " ")
        segment = Segment(
            kind=kind,
            text="".join(pieces),
            location=self.where(first_index),
            start=self.offsets[first_index] + first_column,
            end=self.offsets[last_index] + last_end,
            detail=detail,
            continuation=continuation,
        )
        self.segments.append(segment)
        return segment
