"""The extractor's handling of Python-Markdown extension blocks and raw HTML (a mixin of the walker).

Admonition, tab and code-block titles, abbreviation meanings, definitions whose
term markdown-it does not see, Markdown inside ``markdown`` HTML elements, and the
refusal of prose in raw HTML. Each method adds segments to ``self.segments``
through the walker's helpers (``line_text``, ``inline_segment``, ``walk``).
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token
from selectolax.lexbor import LexborHTMLParser

from doclocale.errors import SourceError
from doclocale.model import Location, Segment, SegmentKind, Wrap
from doclocale.reading.html_prose import html_texts
from doclocale.reading.text_spans import full_references, has_words

_ABBREVIATION = re.compile(r"^[ ]{0,3}\*\[([^\]]*)\][ ]?:[ ]*(.*)$")
_CODE_TITLE = re.compile(r'\btitle="([^"]*)"')
_DEFINITION_MARK = re.compile(r"^[ ]{0,3}:[ \t]+")
_MARKDOWN_ELEMENT = re.compile(r"^\s*<[A-Za-z][\w-]*\b[^>]*\smarkdown(?:=(\"[^\"]*\"|'[^']*'|[^\s>]+))?[\s>/]")
_CONTEXT_COMMENT = re.compile(r"^\s*<!--\s*i18n-context:\s*(.*?)\s*-->\s*$", re.S)


def _visible_text(markup: str) -> str:
    """The text a browser shows of an HTML fragment (scripts, styles and code left out)."""
    tree = LexborHTMLParser(markup)
    for node in tree.css("script, style, pre, code, template, textarea"):
        node.decompose()
    return tree.body.text() if tree.body is not None else ""


def _dedent(line: str) -> str:
    return line[1:] if line.startswith("\t") else line[4:] if line.startswith("    ") else line.lstrip(" ")


class ExtensionBlocks:
    """Methods of the walker for extension blocks; the walker provides the state."""

    lines: list[str]
    offsets: list[int]
    segments: list[Segment]
    contexts: list[tuple[int, str]]
    read_apart: list[tuple[int, int]]
    references: set[str]
    parser: MarkdownIt

    # Provided by the walker (markdown._Walker):
    def line_text(self, index: int) -> str:
        raise NotImplementedError

    def where(self, line_index: int) -> Location:
        raise NotImplementedError

    def walk(self, tokens: list[Token], first_line: int = 0, within: tuple[str, ...] = ()) -> None:
        raise NotImplementedError

    def inline_segment(self, token: Token, kind: SegmentKind, content: str, detail: str = "") -> Segment | None:
        raise NotImplementedError

    def html_block(self, token: Token) -> None:
        """Raw HTML: an i18n-context comment; Markdown inside a ``markdown`` element; or,
        if it holds words, a refusal (its text would stay English on a translated page)."""
        assert token.map is not None
        context = _CONTEXT_COMMENT.match(token.content)
        if context:
            self.contexts.append((self.offsets[token.map[1]], context.group(1)))
            return
        first, last = token.map
        element = _MARKDOWN_ELEMENT.match(self.line_text(first))
        if element and element.group(1) and element.group(1).strip("\"'") == "span" and last - first > 2:
            closing = last - 1 if self.line_text(last - 1).strip().startswith("</") else last
            inline = Token(
                "inline",
                "",
                0,
                map=[first + 1, closing],
                content="\n".join(self.line_text(i).strip() for i in range(first + 1, closing)),
            )
            self.inline_segment(inline, SegmentKind.PARAGRAPH, inline.content, detail="inside an HTML element")
            return
        comment_end = token.content.find("-->") if token.content.startswith("<!--") else -1
        if (
            comment_end >= 0
            and has_words(token.content[comment_end + 3 :])
            and "<" not in token.content[comment_end + 3 :]
        ):
            # "<!-- note --> Some text": the comment is raw HTML, the text after it a paragraph
            line = first + token.content.count("\n", 0, comment_end)
            rest = token.content[comment_end + 3 :].strip()
            inline = Token("inline", "", 0, map=[line, line + rest.count("\n") + 1], content=rest)
            self.inline_segment(inline, SegmentKind.PARAGRAPH, rest)
            return
        if element and last - first > 1:
            inner = "\n" * (first + 1) + "".join(self.lines[first + 1 : last])
            self.walk(self.parser.parse(inner), first + 1)  # same line numbers as the page
            return
        self.html_texts(first, last)

    def html_texts(self, first: int, last: int, attributes_only: bool = False) -> None:
        """Prose inside raw HTML: one message per run of text, one per human-text attribute."""
        base = self.offsets[first]
        block = "".join(self.lines[first:last])
        for found in html_texts(block):
            if attributes_only and found.attribute is None:
                continue
            line_index = first + block.count("\n", 0, found.start)
            kind = SegmentKind.HTML_TEXT if found.attribute is None else SegmentKind.HTML_ATTRIBUTE
            detail = f"({found.attribute} of <{found.tag}>)" if found.attribute else ""
            wrap = Wrap.INLINE if found.attribute is None else Wrap.PLAIN
            self.segments.append(
                Segment(
                    kind,
                    found.text,
                    self.where(line_index),
                    base + found.start,
                    base + found.end,
                    detail=detail,
                    wrap=wrap,
                )
            )

    def admonition_title(self, opener: Token) -> None:
        assert opener.map is not None
        line_index = opener.map[0]
        line = self.line_text(line_index)
        base = self.offsets[line_index]
        kind = opener.meta.get("tag", "note")
        quoted = re.search(r'"(.*)"\s*$', line)
        if quoted:
            if not quoted.group(1).strip():
                return  # an empty title means "no title bar": nothing to translate
            start, end = base + quoted.start(1), base + quoted.end(1)
            text = full_references(quoted.group(1), self.references)
        else:
            # No title given: the theme shows the type ("Warning") in English. Make it a
            # message so the Persian page gets an explicit, translated title.
            start = end = base + len(line.rstrip())  # after the type and any extra classes
            text = kind.capitalize()
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

    def definition_body(self, first: int) -> None:
        """A ':   definition' whose term markdown-it did not see (raw HTML, a comment):
        Python-Markdown still makes it a definition, whose body is Markdown indented by four."""
        self.indented_body(first, _DEFINITION_MARK, ())

    def unreferenced_footnotes(self, env: dict) -> None:
        """Footnote definitions no text refers to: markdown-it drops them, Python-Markdown shows them."""
        for key, value in env.get("footnotes", {}).get("refs", {}).items():
            if value != -1:
                continue
            mark = re.compile(rf"^[ ]{{0,3}}\[\^{re.escape(key[1:])}\]:[ \t]*")
            first = next(
                (i for i in range(len(self.lines) - 1, -1, -1) if mark.match(self.lines[i])), None
            )  # the last one wins
            if first is not None and not any(start <= first < end for start, end in self.read_apart):
                self.indented_body(first, mark, ("footnote_open",))

    def indented_body(self, first: int, mark: re.Pattern, within: tuple[str, ...]) -> None:
        """Markdown after ``mark`` on line ``first`` and on the lines indented by four below it."""
        last = first + 1
        while last < len(self.lines) and (
            not self.line_text(last).strip() or self.line_text(last).startswith(("    ", "\t"))
        ):
            last += 1
        while last > first + 1 and not self.line_text(last - 1).strip():
            last -= 1
        body = [mark.sub("", self.line_text(first), count=1)] + [
            _dedent(self.line_text(i)) for i in range(first + 1, last)
        ]
        self.walk(self.parser.parse("\n" * first + "\n".join(body) + "\n"), first, within)
        self.read_apart.append((first, last))

    def plain_segment(self, kind: SegmentKind, line_index: int, start: int, end: int, detail: str = "") -> None:
        """A plain-text value at columns ``start:end`` of one line (a title, an attribute)."""
        base = self.offsets[line_index]
        text = self.line_text(line_index)[start:end]
        if text.strip():
            self.segments.append(
                Segment(kind, text, self.where(line_index), base + start, base + end, detail=detail, wrap=Wrap.PLAIN)
            )

    def tab_title(self, opener: Token) -> None:
        assert opener.map is not None
        line_index = opener.map[0]
        line = self.line_text(line_index)
        start = line.index('"') + 1
        self.plain_segment(SegmentKind.TAB_TITLE, line_index, start, line.rindex('"'))

    def code_title(self, fence: Token) -> None:
        assert fence.map is not None
        line_index = fence.map[0]
        line = self.line_text(line_index)
        found = _CODE_TITLE.search(line)
        if found:
            self.plain_segment(SegmentKind.CODE_TITLE, line_index, found.start(1), found.end(1))

    def abbreviations(self, token: Token) -> None:
        """``*[HTML]: Hyper Text Markup Language`` lines: each meaning is a message."""
        assert token.map is not None
        for line_index in range(token.map[0], token.map[1]):
            line = self.line_text(line_index)
            found = _ABBREVIATION.match(line)
            if found is None:
                raise SourceError(
                    self.where(line_index),
                    "abbreviation definitions (*[ABBR]: meaning) must be a block of their own",
                    "put a blank line between the abbreviations and the text around them",
                )
            self.plain_segment(
                SegmentKind.ABBREVIATION, line_index, found.start(2), len(line.rstrip()), detail=f"for {found.group(1)}"
            )
