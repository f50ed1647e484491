"""Plain data shared by every stage: locations, segments, findings. No I/O here."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from doclocale.codes import CODES


@dataclass(frozen=True, order=True)
class Location:
    """A place in a file, shown to people as ``path:line`` (1-based)."""

    path: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


class SegmentKind(enum.Enum):
    """What a translatable segment is, in words a translator understands."""

    TITLE = "page title (front matter)"
    DESCRIPTION = "page description for search engines (front matter)"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list item"
    TABLE_HEADER = "table header cell"
    TABLE_CELL = "table cell"
    QUOTE = "block quote"
    ADMONITION_TITLE = "call-out box title"
    IMAGE_ALT = "image description (alt text)"
    TAB_TITLE = "tab title"
    TERM = "term of a definition list"
    DEFINITION = "definition in a definition list"
    FOOTNOTE = "footnote"
    ABBREVIATION = "meaning of an abbreviation (shown on hover)"
    CODE_TITLE = "title of a code block"
    HTML_TEXT = "text inside HTML; keep every <tag> and its attributes"
    HTML_ATTRIBUTE = "text of an HTML attribute"


class Wrap(enum.Enum):
    """How source text may be wrapped when a fallback (English) text is shown."""

    INLINE = "inline"  # Markdown inline content: may hold a <span lang> wrapper
    PLAIN = "plain"  # a quoted title, an alt text or a YAML value: plain text only


@dataclass(frozen=True)
class Segment:
    """One translatable message and where it sits in its source page.

    ``start``/``end`` are character offsets of the source text the translation
    replaces; ``continuation`` is the prefix written before each extra line of
    a multi-line translation (indentation, block-quote markers).
    """

    kind: SegmentKind
    text: str
    location: Location
    start: int
    end: int
    detail: str = ""
    continuation: str = ""
    wrap: Wrap = Wrap.INLINE
    yaml_value: bool = False
    context: str | None = None
    hard_breaks: bool = False  # the source ends lines with two spaces: each \n of a translation does too

    @property
    def key(self) -> tuple[str, str | None]:
        return (self.text, self.context)

    def comment(self) -> str:
        """The extracted comment a translator sees next to the message."""
        parts = [self.kind.value + (f" {self.detail}" if self.detail else "")]
        if "](" in self.text:
            parts.append("keep each link target in (…) unchanged")
        if "`" in self.text:
            parts.append("keep `code` exactly as it is")
        if "*" in self.text:
            parts.append("keep the * marks around emphasised or bold words")
        if "][" in self.text:
            parts.append("translate the link text in the first [ ]; keep the [label] after it")
        if self.hard_breaks:
            parts.append("keep each line break")
        return "; ".join(parts)


@dataclass(frozen=True)
class Heading:
    """A heading's level and the id its English page gives it."""

    level: int
    anchor: str
    segment_index: int
    attr_start: int  # offset where an id attribute is inserted or found
    has_attr_list: bool
    attr_has_id: bool


@dataclass(frozen=True)
class Outline:
    """A page's structure, as the parity check compares it (``reading.page_outline``)."""

    headings: tuple[tuple[int, str], ...]  # (level, the {#id} written, or "")
    list_items: int
    tables: tuple[tuple[int, int], ...]  # (rows, columns)
    images: tuple[str, ...]
    links: tuple[str, ...]
    front_matter: dict


@dataclass(frozen=True)
class SourcePage:
    """A parsed English page: its text, its segments and the headings' ids."""

    path: str
    text: str
    segments: tuple[Segment, ...]
    headings: tuple[Heading, ...]
    front_matter: dict = field(default_factory=dict)
    front_matter_end: int = 0  # where "key: value" lines may be added to the metadata (0: none)
    meta_style: str = ""  # "yaml" (--- front matter), "mmd" (MultiMarkdown lines) or ""
    outline: Outline | None = None  # read from the same parse; None: not read (a page made by hand)


class Severity(enum.IntEnum):
    INFO = 0
    WARNING = 1
    ERROR = 2

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, order=True)
class Finding:
    """One problem a check found, with a place, a code and a hint to fix it."""

    location: Location
    code: str
    severity: Severity
    message: str
    hint: str = ""
    excerpt: str = ""
    suppressed: bool = False

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"finding code {self.code} is not in doclocale/codes.py: add it there first")

    def format(self) -> str:
        text = f"{self.location}: {self.code} {self.severity}: {self.message}"
        if self.excerpt:
            text += f"\n    msgid: {self.excerpt}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


def excerpt(text: str, limit: int = 70) -> str:
    """A one-line, shortened copy of a message for reports."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
