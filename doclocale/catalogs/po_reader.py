"""Reading PO files strictly: GNU msgfmt's verdict, with ``path:line`` and a hint for each problem.

Babel's reader is lenient: it merges duplicate msgids silently, ignores a BOM,
and reads ``#|`` previous-msgid lines as translator comments (which it would
then write back as ``# | msgid``). The strict parser here closes those gaps, and
``po_validate`` checks the grammar and each entry as msgfmt does, before any
catalog is used or rewritten.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, PoFileParser, _NormalizedString, denormalize

from doclocale.catalogs.locale_files import read_locale_bytes
from doclocale.catalogs.po_grammar import check_entries, check_lines
from doclocale.errors import CatalogError
from doclocale.model import Location
from doclocale.settings import SITE_DOMAIN

#: Largest catalog read: one page's catalog is some kilobytes; this stops a runaway file early.
MAX_CATALOG_BYTES = 20_000_000


#: A comment or previous msgid of an obsolete entry ("#~ #. …", "#~| msgid …"): msgfmt reads them
#: as comments, Babel as keywords. They are read as plain comments.
_OBSOLETE_COMMENT = re.compile(r"^[ \t]*#~[ \t]*[#|].*$", re.M)


# -- reading --------------------------------------------------------------------
class _StrictParser(PoFileParser):
    """Babel's parser plus: duplicate entries are errors; ``#|`` lines are previous msgids."""

    def __init__(self, catalog: Catalog, path: str) -> None:
        super().__init__(catalog, ignore_obsolete=False, abort_invalid=True)
        self.path = path
        self.previous: list[_NormalizedString] = []
        self.written_flags: dict[tuple[str, str | None], frozenset[str]] = {}
        self.previous_field = ""

    def _process_comment(self, line: str) -> None:
        if line.startswith("#|"):
            self._finish_current_message()
            keyword, _, arg = line[2:].strip().partition(" ")
            if keyword.startswith('"') and self.previous:
                if self.previous_field == "msgid":
                    self.previous[-1].append(keyword + (" " + arg if arg else ""))
                return
            self.previous_field = keyword
            if keyword == "msgid":
                self.previous.append(_NormalizedString(arg))
            return
        super()._process_comment(line)

    def _add_message(self) -> None:
        msgid = self.messages[0].denormalize()
        context = self.context.denormalize() if self.context else None
        key = (msgid, context)
        obsolete = self.obsolete
        line = self.offset + 1
        if obsolete:
            exists = self.catalog._key_for(msgid, context) in self.catalog.obsolete
        else:
            exists = self.catalog.get(msgid, context) is not None
        if not msgid and self.counter > 0:
            raise CatalogError(
                Location(self.path, line),
                "entry with an empty msgid after the header",
                "delete this entry: an empty msgid is reserved for the header",
            )
        if exists and msgid:
            raise CatalogError(
                Location(self.path, line),
                f"duplicate entry for msgid {msgid[:50]!r}" + (f" (msgctxt {context!r})" if context else ""),
                "keep one of the two entries (merge their translations) and delete the other",
            )
        previous = [p.denormalize() for p in self.previous]
        written_flags = frozenset(self.flags)  # Babel adds python-format by itself; msgfmt checks only these
        super()._add_message()
        message = None if obsolete else self.catalog.get(*key)
        if message is not None:
            self.written_flags[key] = written_flags
            if previous:
                message.previous_id = previous
        self.previous = []
        self.previous_field = ""


def parse_catalog(path: str, data: bytes, locale: str | None = None) -> Catalog:
    """Parse PO bytes strictly; any problem raises ``CatalogError`` with ``path:line``."""
    if len(data) > MAX_CATALOG_BYTES:
        raise CatalogError(
            Location(path),
            f"catalog is larger than {MAX_CATALOG_BYTES // 1_000_000} MB",
            "one catalog holds one page: split the page, or check that the file is a PO file",
        )
    if data.startswith(b"\xef\xbb\xbf"):
        raise CatalogError(
            Location(path, 1),
            "file starts with a byte-order mark (BOM)",
            "save the file as UTF-8 without BOM (Poedit does this by default)",
        )
    if b"\r" in data:
        line = data[: data.index(b"\r")].count(b"\n") + 1
        raise CatalogError(
            Location(path, line), "Windows (CRLF) line endings", "save the file with Unix (LF) line endings"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CatalogError(Location(path, line), "file is not valid UTF-8", "save the file as UTF-8") from error
    if "\0" in text:
        raise CatalogError(
            Location(path, text[: text.index("\0")].count("\n") + 1),
            "the file contains a NUL character",
            "delete it (it is invisible in most editors; retype the line)",
        )
    text = join_continued_lines(text)
    check_lines(path, text)
    _check_header_fields(path, text)
    charset = re.search(r'^"Content-Type: text/plain; charset=([^\\"]*)', text, re.M)
    if not charset:
        raise CatalogError(
            Location(path, 1),
            "the header has no 'Content-Type: text/plain; charset=UTF-8' line",
            'add it to the header entry (msgid "")',
        )
    if charset.group(1).strip().lower() not in ("utf-8", "utf8"):
        line = text[: charset.start()].count("\n") + 1
        raise CatalogError(
            Location(path, line),
            f"charset is {charset.group(1)!r}, expected UTF-8",
            "set 'charset=UTF-8' in the header and save as UTF-8",
        )
    catalog = Catalog(locale=locale, charset="utf-8")
    parser = _StrictParser(catalog, path)
    try:
        parser.parse(io.StringIO(_OBSOLETE_COMMENT.sub("#", text)))
    except PoFileError as error:
        raise CatalogError(
            Location(path, error.lineno + 1),
            f"PO syntax error: {error}",
            'compare the entry with the one above it: each needs msgid "…" then msgstr "…"',
        ) from error
    except (ValueError, IndexError) as error:
        raise CatalogError(
            Location(path, parser.offset + 1),
            f"PO syntax error: {error}",
            "check the quotes and backslashes of this entry",
        ) from error
    _check_plural_forms(path, text, catalog)
    check_entries(path, catalog, catalog.num_plurals if catalog.locale else 2, parser.written_flags)
    set_extra_headers(catalog, extra_headers(text))
    return catalog


#: Header fields Babel reads into a Catalog and writes back; any other field (a tool's
#: X-Generator, X-Poedit-…, the translation review record) it drops, so it is kept apart.
BABEL_HEADERS = frozenset(
    "project-id-version report-msgid-bugs-to pot-creation-date po-revision-date last-translator language"
    " language-team plural-forms mime-version content-type content-transfer-encoding generated-by".split()
)
_HEADER_ENTRY = re.compile(r'^msgid ""\nmsgstr ((?:"(?:[^"\\]|\\.)*"\n?)+)', re.M)


def extra_headers(text: str) -> list[tuple[str, str]]:
    """The header fields of a PO text that Babel does not keep, in their order."""
    match = _HEADER_ENTRY.search(text)
    if match is None:
        return []
    fields = []
    for line in denormalize(match.group(1).strip()).split("\n"):
        name, colon, value = line.partition(":")
        if colon and name.strip() and name.strip().lower() not in BABEL_HEADERS:
            fields.append((name.strip(), value.strip()))
    return fields


def get_extra_headers(catalog: Catalog) -> list[tuple[str, str]]:
    return list(getattr(catalog, "doclocale_extra_headers", []))


def set_extra_headers(catalog: Catalog, fields: list[tuple[str, str]]) -> None:
    """Header fields written after Babel's own (``po_writer.serialize``)."""
    setattr(catalog, "doclocale_extra_headers", list(fields))  # noqa: B010 (an attribute Babel does not have)


def join_continued_lines(text: str) -> str:
    """A backslash at the end of a line joins it to the next, as GNU gettext reads a PO file (a
    comment ending in \\ swallows the line after it). The joined line keeps its place and an
    empty line takes the next one's, so every later line keeps its number."""
    if "\\\n" not in text:
        return text
    lines, out, carried = text.split("\n"), [], 0
    pending = ""
    for line in lines:
        line = pending + line
        backslashes = len(line) - len(line.rstrip("\\"))
        if backslashes % 2:
            pending = line[:-1]
            carried += 1
            continue
        out.append(line)
        out.extend([""] * carried)
        pending, carried = "", 0
    if pending or carried:
        out.append(pending)
        out.extend([""] * (carried - 1))
    return "\n".join(out)


def _check_header_fields(path: str, text: str) -> None:
    """Each header field once: with two Content-Type lines msgfmt reads the first and Babel the
    last, so the site's compiled strings were written in a charset that cannot hold Persian."""
    start = text.find('\nmsgstr ""\n')
    end = text.find("\n\n", start + 1) if start >= 0 else -1
    if start < 0:
        return
    seen: set[str] = set()
    for match in re.finditer(r'^"([A-Za-z][\w-]*):', text[start : end if end >= 0 else len(text)], re.M):
        field = match.group(1).lower()
        if field in seen:
            line = text[: start + match.start()].count("\n") + 1
            raise CatalogError(
                Location(path, line),
                f"the header gives {match.group(1)} twice",
                'keep one line for each header field (the header is the first entry, msgid "")',
            )
        seen.add(field)


def _check_plural_forms(path: str, text: str, catalog: Catalog) -> None:
    found = re.search(r'^"Plural-Forms: (.*?)\\n"$', text, re.M)
    if not found or catalog.locale is None:
        return
    expected = Catalog(locale=catalog.locale).plural_forms
    if found.group(1).replace(" ", "") != expected.replace(" ", ""):
        line = text[: found.start()].count("\n") + 1
        raise CatalogError(
            Location(path, line),
            f"Plural-Forms is {found.group(1)!r}, expected {expected!r} for {catalog.locale}",
            f"set the header to 'Plural-Forms: {expected}'",
        )


def read_catalog(path: Path, display: str | None = None) -> Catalog:
    display = display or str(path)
    return catalog_of_file(path, display, read_catalog_bytes(path, display))


def read_catalog_bytes(path: Path, display: str) -> bytes:
    """A catalog file's bytes, read as data inside locale/ (size and kind checked first)."""
    try:
        return read_locale_bytes(
            path,
            display,
            MAX_CATALOG_BYTES,
            "catalog",
            "one catalog holds one page: split the page, or check that the file is a PO file",
        )
    except FileNotFoundError as error:
        raise CatalogError(Location(display), "catalog file is missing", "run 'make update' to create it") from error


def catalog_of_file(path: Path, display: str, data: bytes) -> Catalog:
    """The catalog in a file's bytes, with the language its folder names."""
    catalog = parse_catalog(display, data, _locale_from_path(path))
    if path.stem == SITE_DOMAIN:  # its %(name)s strings are formatted by the templates: python-format stays
        catalog.domain = SITE_DOMAIN
    return catalog


def _locale_from_path(path: Path) -> str | None:
    parts = path.parts
    if "LC_MESSAGES" in parts:
        return parts[parts.index("LC_MESSAGES") - 1]
    return None
