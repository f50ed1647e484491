"""A page's metadata, as MkDocs reads it: YAML front matter or MultiMarkdown-style lines.

Only the values of the configured keys (``TRANSLATABLE``) become messages; each
is located by its YAML node's exact span (plain, quoted, folded ``>`` or literal
``|``), so the generator replaces the value and nothing else: keys, order,
comments, lists and the other values keep their bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from doclocale.errors import SourceError
from doclocale.model import Location, Segment, SegmentKind, Wrap

#: Front-matter keys whose values readers see and translators translate.
TRANSLATABLE = {"title": SegmentKind.TITLE, "description": SegmentKind.DESCRIPTION}
#: Largest front matter read (a YAML alias bomb or a runaway block stops here).
MAX_FRONT_MATTER = 64 * 1024

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ~10x faster
_YAML_START = re.compile(r"\A---[ \t]*\r?\n")
_YAML_END = re.compile(r"^(---|\.\.\.)[ \t]*$", re.M)
# MkDocs' MultiMarkdown meta: "key: value" lines at the very top, up to a blank line.
# (the same patterns as mkdocs.utils.meta, so the split is the one MkDocs makes)
_MMD_KEY = re.compile(r"^[ ]{0,3}([A-Za-z0-9_-]+):\s*(.*?)\s*$")
_MMD_CONTINUATION = re.compile(r"^(?:[ ]{4}|\t)\s*(.*?)\s*$")


class AliasNotAllowed(yaml.YAMLError):
    """YAML aliases (*name) can multiply a small file into an enormous value: refused."""

    def __init__(self, mark) -> None:
        super().__init__("YAML aliases (*name) are not allowed here")
        self.problem = "YAML aliases (*name) are not allowed here; write each value out"
        self.problem_mark = mark


def load_yaml(text: str):
    """Safe YAML (front matter, glossary), with libyaml when PyYAML has it, and no aliases."""
    if "*" in text:
        for event in yaml.parse(text, Loader=_YAML_LOADER):
            if isinstance(event, yaml.AliasEvent):
                raise AliasNotAllowed(event.start_mark)
    return yaml.load(text, Loader=_YAML_LOADER)


@dataclass
class Metadata:
    data: dict = field(default_factory=dict)
    segments: list[Segment] = field(default_factory=list)
    insert_at: int = 0  # where the generator may add "key: value" lines (0: no metadata)
    body_start: int = 0  # first character after the metadata
    first_body_line: int = 0  # 0-based line index where the Markdown body starts
    style: str = ""  # "yaml", "mmd" or "" (none)


def read_metadata(path: str, text: str) -> Metadata:
    if _YAML_START.match(text):
        return _yaml_metadata(path, text)
    return _mmd_metadata(path, text)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _yaml_metadata(path: str, text: str) -> Metadata:
    opening = _YAML_START.match(text)
    assert opening is not None
    closing = _YAML_END.search(text, opening.end())
    if closing is None:
        return Metadata()  # no closing line: MkDocs reads the whole page as Markdown
    content_start, content_end = opening.end(), closing.start()
    if content_end - content_start > MAX_FRONT_MATTER:
        raise SourceError(
            Location(path, 1),
            f"front matter is larger than {MAX_FRONT_MATTER // 1024} KB",
            "keep the front matter to a few lines of page settings",
        )
    content = text[content_start:content_end]
    try:
        data = load_yaml(content) or {}
        node = yaml.compose(content, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        raise SourceError(
            Location(path, _line_of(text, content_start) + (mark.line if mark else 0)),
            f"front matter is not valid YAML: {getattr(error, 'problem', error)}",
            "front matter is 'key: value' lines between two '---' lines; quote values that contain ':'",
        ) from error
    if not isinstance(data, dict):
        raise SourceError(Location(path, 1), "front matter must be 'key: value' pairs")
    after = closing.end() + (1 if text[closing.end() : closing.end() + 1] == "\n" else 0)
    meta = Metadata(data, [], content_end, after, _line_of(text, after) - 1, "yaml")
    for key_node, value_node in getattr(node, "value", None) or []:
        kind = TRANSLATABLE.get(str(getattr(key_node, "value", "")))
        if kind is None:
            continue
        value = data.get(key_node.value)
        location = Location(path, _line_of(text, content_start + key_node.start_mark.index))
        if not isinstance(value_node, yaml.ScalarNode) or not isinstance(value, str):
            raise SourceError(
                location,
                f"front-matter '{key_node.value}' must be text",
                'write it as text, e.g. title: "Micro-needling"',
            )
        if not value.strip():
            continue
        start = content_start + value_node.start_mark.index
        raw = text[start : content_start + value_node.end_mark.index]
        end = start + len(raw.rstrip())
        meta.segments.append(
            Segment(
                kind=kind, text=value.strip(), location=location, start=start, end=end, wrap=Wrap.PLAIN, yaml_value=True
            )
        )
    return meta


def _mmd_metadata(path: str, text: str) -> Metadata:
    """MultiMarkdown meta lines, read the way MkDocs' ``meta.get_data`` reads them."""
    lines = text.splitlines(keepends=True)
    if not lines or not _MMD_KEY.match(lines[0].rstrip("\r\n")):
        return Metadata()
    meta = Metadata(style="mmd")
    offset, key = 0, None
    for index, raw in enumerate(lines):
        line = raw.rstrip("\r\n")
        if not line.strip():
            meta.body_start, meta.first_body_line = offset + len(raw), index + 1
            break
        match = _MMD_KEY.match(line)
        continuation = _MMD_CONTINUATION.match(line)
        if match:
            key = match.group(1).lower()
            value = match.group(2)
            meta.data[key] = f"{meta.data[key]} {value}" if key in meta.data else value
            kind = TRANSLATABLE.get(key)
            if kind is not None and value:
                start = offset + match.start(2)
                meta.segments.append(
                    Segment(
                        kind=kind,
                        text=value,
                        location=Location(path, index + 1),
                        start=start,
                        end=start + len(value),
                        wrap=Wrap.PLAIN,
                    )
                )
        elif continuation and key is not None:
            if key in TRANSLATABLE:
                raise SourceError(
                    Location(path, index + 1),
                    f"'{key}' continues on a second line",
                    f"write the page's {key} on one line",
                )
            meta.data[key] = f"{meta.data[key]} {continuation.group(1)}".strip()
        else:  # MkDocs keeps what it read so far; the body starts here
            meta.body_start, meta.first_body_line = offset, index
            break
        offset += len(raw)
        meta.insert_at = offset
    else:
        meta.body_start, meta.first_body_line = offset, len(lines)
    return meta
