"""English page + catalog -> translated page (pure), and the atomic writer (I/O).

Translations are written back at the exact source offsets of their segments, so
code, raw HTML, URLs, image paths and Markdown structure are copied from the
English page unchanged. Headings get the English page's ids, so every
``page.md#anchor`` link works in every language.
"""

from __future__ import annotations

import enum
import json
import os
import re
import shutil
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Message

from doclocale.model import Heading, Segment, SegmentKind, SourcePage, Wrap
from doclocale.text_rules import has_words
from doclocale.util.atomic import replace_tree, staging_dir, write_files_atomic

Key = tuple[str, "str | None"]


#: Front-matter keys the generator writes on a translated page: its state and its counts.
STATUS_KEY, OUTDATED_KEY, MISSING_KEY = "i18n_status", "i18n_outdated", "i18n_missing"


def page_state(meta: dict) -> PageState:
    """A generated page's state, from its front matter (complete when it says nothing)."""
    return PageState(str(meta.get(STATUS_KEY) or PageState.COMPLETE.value))


class PageState(enum.Enum):
    COMPLETE = "complete"
    PARTIAL = "partial"  # some segments fall back to English or may be outdated
    UNTRANSLATED = "untranslated"  # nothing translated: a notice page is published


@dataclass(frozen=True)
class RenderedPage:
    page: str
    text: str
    translated: int
    outdated: int
    missing: int
    pending: tuple[tuple[str, str], ...] = ()  # ("fuzzy" | "untranslated", English text)

    @property
    def state(self) -> PageState:
        return state_of_counts(self.translated, self.outdated, self.missing)


def state_of_counts(translated: int, outdated: int, missing: int) -> PageState:
    """A page's state from the counts of its translated, outdated and missing segments."""
    if outdated == missing == 0:
        return PageState.COMPLETE
    return PageState.UNTRANSLATED if translated == 0 else PageState.PARTIAL


#: Attribute that marks the generator's own wrappers in the rendering the page
#: comparison looks at; its value is random per run, so a translator cannot forge it.
MARKER_ATTRIBUTE = "data-doclocale"


def fallback_inline(text: str, source_language: str, marker: str | None = None) -> str:
    """English text inside a translated page, isolated so bidi cannot reorder it."""
    mark = f' {MARKER_ATTRIBUTE}="{marker}"' if marker else ""
    return f'<span lang="{source_language}" dir="ltr"{mark}>{text}</span>'


def render_page(
    source: SourcePage,
    messages: Mapping[Key, Message],
    *,
    page: str,
    source_language: str = "en",
    pin_anchors: bool = True,
    refused: Collection[Key] = (),
    marker: str | None = None,
) -> RenderedPage:
    """The translated Markdown of one page. Pure: same inputs, same bytes.

    Translations whose key is in ``refused`` (the page comparison rejected them)
    are shown in English like missing ones. ``marker`` marks the English-text
    wrappers for the comparison (see ``MARKER_ATTRIBUTE``); published pages have none.
    """
    edits: list[tuple[int, int, str]] = []
    translated = outdated = missing = 0
    pending = []
    for segment in source.segments:
        message = messages.get(segment.key)
        if (
            message is not None
            and not message.fuzzy
            and has_words(segment.text, str(message.string or ""))
            and segment.key not in refused
        ):
            translated += 1
            replacement = str(message.string)
        else:
            if segment.key in refused:
                missing += 1
                pending.append(("refused", segment.text))
            elif message is not None and message.string and message.fuzzy:
                outdated += 1
                pending.append(("fuzzy", segment.text))
            else:
                missing += 1
                pending.append(("untranslated", segment.text))
            replacement = (
                segment.text if segment.wrap is Wrap.PLAIN else fallback_inline(segment.text, source_language, marker)
            )
        edits.append((segment.start, segment.end, _format(segment, source.text, replacement)))
    if pin_anchors:
        edits.extend(_anchor_edit(heading, source.text) for heading in source.headings)
    counts = (translated, outdated, missing, tuple(pending))
    state = state_of_counts(translated, outdated, missing)
    if state is PageState.UNTRANSLATED:
        return RenderedPage(page, _notice_page(source, edits, source_language), *counts)
    edits.append(_status_edit(source, state, outdated, missing))
    return RenderedPage(page, _apply(source.text, edits), *counts)


def _format(segment: Segment, text: str, replacement: str) -> str:
    if replacement == segment.text:
        return text[segment.start : segment.end]  # untouched: keeps the source bytes
    if segment.yaml_value:
        return json.dumps(replacement, ensure_ascii=False)
    if segment.start == segment.end:  # an admonition that had no explicit title
        return f' "{replacement}"'
    if segment.kind in (SegmentKind.TABLE_HEADER, SegmentKind.TABLE_CELL):
        return table_cell_text(replacement)
    return replacement.replace("\n", ("  " if segment.hard_breaks else "") + "\n" + segment.continuation)


_CODE_SPAN = re.compile(r"(?<!\\)(`+)(?!`).*?(?<!`)\1(?!`)")


def table_cell_text(text: str) -> str:
    """A translation inside a table row: its | are text, never a new cell (only a
    closed `code` span keeps its own), and a final backslash cannot join it to the next cell."""
    text = text.replace("\n", " ")
    code = [match.span() for match in _CODE_SPAN.finditer(text)]
    out, escaped = [], False
    for index, char in enumerate(text):
        if char == "|" and not escaped and not any(start <= index < end for start, end in code):
            out.append("\\")
        out.append(char)
        escaped = char == "\\" and not escaped
    return "".join(out) + (" " if escaped else "")


def _anchor_edit(heading: Heading, text: str) -> tuple[int, int, str]:
    if heading.attr_has_id:
        return (heading.attr_start, heading.attr_start, "")
    if heading.has_attr_list:
        brace = heading.attr_start + 1
        if text[brace : brace + 1] == ":":
            brace += 1
        return (brace, brace, f" #{_escaped(heading.anchor)} ")
    return (heading.attr_start, heading.attr_start, f" {{#{_escaped(heading.anchor)}}}")


def _escaped(anchor: str) -> str:
    """An id written into Markdown: inline syntax runs before attr_list, so ``__init__`` in an id
    would become bold; escaped, it reaches attr_list as written."""
    return re.sub(r"([_*])", r"\\\1", anchor)


def _status_edit(source: SourcePage, state: PageState, outdated: int, missing: int) -> tuple[int, int, str]:
    """Front-matter keys the theme reads to show the 'not fully translated' notice."""
    if state is PageState.COMPLETE:
        return (0, 0, "")
    keys = f"{STATUS_KEY}: {state.value}\n{OUTDATED_KEY}: {outdated}\n{MISSING_KEY}: {missing}\n"
    if source.front_matter_end:
        return (source.front_matter_end, source.front_matter_end, keys)
    return (0, 0, f"---\n{keys}---\n\n")


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    out = []
    cursor = 0
    for start, end, new in sorted(edits, key=lambda edit: (edit[0], edit[1])):
        out.append(text[cursor:start])
        out.append(new)
        cursor = max(cursor, end)
    out.append(text[cursor:])
    return "".join(out)


def _notice_page(source: SourcePage, edits: list[tuple[int, int, str]], source_language: str) -> str:
    """A page with nothing translated: front matter and the heading outline only.

    The theme shows a notice in the reader's language with a link to the English
    page; the outline keeps every heading id so links into this page still work.
    """
    status = f"{STATUS_KEY}: {PageState.UNTRANSLATED.value}\nsearch:\n  exclude: true\n---\n"
    if source.meta_style == "yaml":
        front = [edit for edit in edits if edit[1] <= source.front_matter_end]
        lines = [_apply(source.text[: source.front_matter_end], front) + status]
    else:  # no metadata, or MultiMarkdown lines: the notice page gets YAML front matter
        titles = [segment.text for segment in source.segments if segment.kind is SegmentKind.TITLE]
        lines = ["---\n" + (f"title: {json.dumps(titles[0], ensure_ascii=False)}\n" if titles else "") + status]
    for heading in source.headings:
        segment = source.segments[heading.segment_index]
        lines.append(
            f"\n{'#' * heading.level} {fallback_inline(segment.text, source_language)} {{#{heading.anchor}}}\n"
        )
    return "".join(lines)


# -- I/O ------------------------------------------------------------------------
def output_names(folder: Path) -> list[str]:
    """Every generated file of a folder, by its path inside it (its .gitignore left out)."""
    names: list[str] = []
    for place, _, files in os.walk(folder):  # strings: this runs before every live rebuild
        inside = os.path.relpath(place, folder).replace(os.sep, "/")
        prefix = "" if inside == "." else inside + "/"
        names.extend(prefix + name for name in files if os.path.isfile(os.path.join(place, name)))
    return sorted(name for name in names if name != ".gitignore")


GENERATED_NOTE = """# This folder is build output, generated from docs/en/ and the catalogs in locale/
# by `make build` (or plain `mkdocs build`). Do not edit it: translate in the .po files.
*
!.gitignore
"""


def _differs(path: Path, data: bytes) -> bool:
    return not path.is_file() or path.stat().st_size != len(data) or path.read_bytes() != data


#: A translator's save changes one page and the generator's record of inputs: at most this many
#: changed files, none removed, are renamed into place one by one instead of making a new tree.
IN_PLACE = 2


def write_pages(folder: Path, pages: Mapping[str, str]) -> list[str]:
    """Replace ``folder`` with exactly ``pages``, atomically; return the pages that changed.

    Nothing is written when nothing changed (``mkdocs serve`` would otherwise
    rebuild forever). Otherwise the new tree is written beside the old one and
    swapped in with two renames, so a crash leaves the previous pages intact.
    One page's bytes are held at a time: at 10,000 guides the pages and their
    copies on disk would otherwise be held all at once.

    A change of ``IN_PLACE`` files or fewer is written beside them and renamed over them in the
    order of ``pages`` (the generator gives its record of inputs last, so a crash between the
    renames leaves a record that asks for the page again): a live preview's save then costs two
    files, not a new tree of thousands of links.
    """
    gone = set(output_names(folder)) - pages.keys()
    changed = sorted(gone | {name for name, text in pages.items() if _differs(folder / name, text.encode("utf-8"))})
    if not changed:
        return []
    rewrite = set(changed)
    if not gone and len(changed) <= IN_PLACE and (folder / ".gitignore").is_file():
        write_files_atomic([(folder / name, text.encode("utf-8")) for name, text in pages.items() if name in rewrite])
        return changed
    staging = staging_dir(folder)
    try:
        for name, text in pages.items():
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if name in rewrite:
                target.write_bytes(text.encode("utf-8"))
            else:
                os.link(folder / name, target)  # unchanged: same file, same mtime
        (staging / ".gitignore").write_text(GENERATED_NOTE, encoding="utf-8")
        replace_tree(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return changed
