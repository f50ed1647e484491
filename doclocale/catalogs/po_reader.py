"""Reading PO files strictly: GNU msgfmt's verdict, with ``path:line`` and a hint for each problem.

Babel's reader is lenient: it merges duplicate msgids silently, ignores a BOM,
and reads ``#|`` previous-msgid lines as translator comments (which it would
then write back as ``# | msgid``). The strict parser here closes those gaps;
``po_grammar`` and ``po_header`` check the lines, the header and each entry as msgfmt does,
before any catalog is used or rewritten.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, PoFileParser, _NormalizedString

from doclocale.catalogs.locale_files import read_locale_bytes
from doclocale.catalogs.po_grammar import check_entries, check_lines
from doclocale.catalogs.po_header import (
    check_header_fields,
    check_plural_forms,
    extra_headers,
    header_line,
    set_extra_headers,
)
from doclocale.errors import CatalogError
from doclocale.model import Location
from doclocale.settings import SITE_DOMAIN

#: Largest catalog read: one page's catalog is some kilobytes; this stops a runaway file early.
MAX_CATALOG_BYTES = 20_000_000


#: A comment or previous msgid of an obsolete entry ("#~ #. …", "#~| msgid …"): msgfmt reads them
#: as comments, Babel as keywords. They are read as plain comments.
_OBSOLETE_COMMENT = re.compile(r"^[ \t]*#~[ \t]*[#|].*$", re.M)
#: "#~ #~ …": obsolete once, as msgfmt reads it; Babel would read the second #~ as a comment.
_REPEATED_OBSOLETE = re.compile(r"^([ \t]*#~)(?:[ \t]*#~)+", re.M)
#: A keyword followed by a tab: msgfmt reads it, Babel only after a space.
_KEYWORD_TAB = re.compile(
    r"^([ \t]*(?:#~[ \t]*)?(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?))[ \t]*\t[ \t]*", re.M
)


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


def _for_babel(text: str) -> str:
    """The text with what msgfmt reads and Babel misreads written as Babel reads it; every line
    keeps its number."""
    text = _REPEATED_OBSOLETE.sub(r"\1", text)
    return _KEYWORD_TAB.sub(r"\1 ", _OBSOLETE_COMMENT.sub("#", text))


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
    check_header_fields(path, text)
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
        try:
            parser.parse(io.StringIO(_for_babel(text)))
        except (PoFileError, ValueError, AttributeError, TypeError) as error:
            cause = error.__context__ if isinstance(error, PoFileError) else error
            if parser.counter == 0 and isinstance(cause, (ValueError, AttributeError, TypeError)):
                # Babel reads the header's values as it adds the header, the first entry
                raise CatalogError(
                    Location(path, header_line(text, str(cause))),
                    f"a value in the header cannot be read: {cause}",
                    "write it as a translation tool writes it, e.g. POT-Creation-Date: 2026-11-24 10:31+0000",
                ) from error
            raise
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
    check_plural_forms(path, text, catalog)
    check_entries(path, catalog, catalog.num_plurals if catalog.locale else 2, parser.written_flags)
    set_extra_headers(catalog, extra_headers(text))
    return catalog


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
