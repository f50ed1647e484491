"""PO and POT files through Babel: build templates, read safely, merge, write, count.

Babel's reader is lenient: it merges duplicate msgids silently, ignores a BOM,
and reads ``#|`` previous-msgid lines as translator comments (which it would
then write back as ``# | msgid``). ``read_catalog`` closes those gaps before
any catalog is rewritten, so a bad file stops with ``path:line`` and is never
changed.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, PoFileParser, _NormalizedString, write_po

from .atomic import write_bytes_atomic
from .errors import CatalogError
from .model import Location, Segment

#: Width Babel wraps at; fixed so a one-word change touches one entry only.
WRAP_WIDTH = 76
PROJECT = "Clinic patient guides"
_DATE_HEADER = re.compile(rb'^"(POT-Creation-Date|PO-Revision-Date): .*\\n"$', re.M)


@dataclass(frozen=True)
class Counts:
    """Progress of one catalog: messages and English words per state."""

    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    words_translated: int = 0
    words_fuzzy: int = 0
    words_untranslated: int = 0

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def words_total(self) -> int:
        return self.words_translated + self.words_fuzzy + self.words_untranslated

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(self.astuple(), other.astuple())))

    def astuple(self) -> tuple[int, ...]:
        return (self.translated, self.fuzzy, self.untranslated, self.words_translated, self.words_fuzzy, self.words_untranslated)


# -- pure ---------------------------------------------------------------------
def build_template(domain: str, segments: Iterable[Segment]) -> Catalog:
    """A POT catalog for one page (or the site strings), in source order."""
    template = Catalog(project=PROJECT, domain=domain, charset="utf-8", fuzzy=False)
    for segment in segments:
        add_template_message(template, segment.text, segment.context, segment.location, segment.comment())
    return template


def add_template_message(template: Catalog, text: str, context: str | None, location: Location, comment: str) -> None:
    existing = template.get(text, context)
    if existing is None:
        template.add(text, None, [(location.path, location.line)], auto_comments=[comment], context=context)
    else:
        existing.locations.append((location.path, location.line))
        if comment not in existing.auto_comments:
            existing.auto_comments.append(comment)


def new_catalog(template: Catalog, locale: str) -> Catalog:
    """An empty translation catalog for ``locale`` with correct headers."""
    catalog = Catalog(locale=locale, domain=template.domain, project=PROJECT, charset="utf-8", fuzzy=False)
    catalog.language_team = f"{Locale.parse(locale).english_name} <{locale}@li.org>"
    catalog.update(template, update_creation_date=True)
    return catalog


def merge_catalog(catalog: Catalog, template: Catalog) -> Catalog:
    """Babel's merge: fuzzy matches keep the old translation and its previous msgid;
    strings gone from the source become obsolete (``#~``), never deleted."""
    still_pending = {(str(m.id), m.context): m.previous_id for m in catalog if m.id and m.fuzzy and m.previous_id}
    # POT-Creation-Date is left alone so that a one-word change touches one entry only.
    catalog.update(template, no_fuzzy_matching=False, update_header_comment=False, keep_user_comments=True, update_creation_date=False)
    for key, previous in still_pending.items():
        message = catalog.get(*key)
        # Babel drops "#| msgid" when an entry that is still fuzzy matches exactly;
        # gettext's msgmerge keeps it, and translators need it until they fix the entry.
        if message is not None and message.fuzzy and not message.previous_id:
            message.previous_id = previous
    return catalog


def is_translated(message: Message) -> bool:
    return bool(message.id) and bool(message.string) and not message.fuzzy


def count_messages(catalog: Catalog) -> Counts:
    counts = [0] * 6
    for message in catalog:
        if not message.id:
            continue
        words = len(str(message.id).split())
        state = 0 if is_translated(message) else 1 if message.fuzzy else 2
        counts[state] += 1
        counts[3 + state] += words
    return Counts(*counts)


def translations(catalog: Catalog) -> dict[tuple[str, str | None], Message]:
    """Message by (msgid, msgctxt), the header left out."""
    return {(str(m.id), m.context): m for m in catalog if m.id}


def render_catalog(catalog: Catalog) -> bytes:
    """The exact bytes a catalog is written as (stable wrapping, previous msgids kept)."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WRAP_WIDTH, include_previous=True, sort_output=False)
    return buffer.getvalue()


def same_content(old: bytes, new: bytes) -> bool:
    """True when two renderings differ at most in their date headers."""
    return _DATE_HEADER.sub(b"", old) == _DATE_HEADER.sub(b"", new)


# -- reading --------------------------------------------------------------------
class _StrictParser(PoFileParser):
    """Babel's parser plus: duplicate entries are errors; ``#|`` lines are previous msgids."""

    def __init__(self, catalog: Catalog, path: str) -> None:
        super().__init__(catalog, ignore_obsolete=False, abort_invalid=True)
        self.path = path
        self.previous: list[_NormalizedString] = []
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
            raise CatalogError(Location(self.path, line), "entry with an empty msgid after the header", "delete this entry: an empty msgid is reserved for the header")
        if exists and msgid:
            raise CatalogError(
                Location(self.path, line),
                f"duplicate entry for msgid {msgid[:50]!r}" + (f" (msgctxt {context!r})" if context else ""),
                "keep one of the two entries (merge their translations) and delete the other",
            )
        previous = [p.denormalize() for p in self.previous]
        super()._add_message()
        if previous and not obsolete:
            message = self.catalog.get(*key)
            if message is not None:
                message.previous_id = previous
        self.previous = []
        self.previous_field = ""


def parse_catalog(path: str, data: bytes, locale: str | None = None) -> Catalog:
    """Parse PO bytes strictly; any problem raises ``CatalogError`` with ``path:line``."""
    if data.startswith(b"\xef\xbb\xbf"):
        raise CatalogError(Location(path, 1), "file starts with a byte-order mark (BOM)", "save the file as UTF-8 without BOM (Poedit does this by default)")
    if b"\r" in data:
        line = data[: data.index(b"\r")].count(b"\n") + 1
        raise CatalogError(Location(path, line), "Windows (CRLF) line endings", "save the file with Unix (LF) line endings")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CatalogError(Location(path, line), "file is not valid UTF-8", "save the file as UTF-8") from error
    charset = re.search(r'^"Content-Type: text/plain; charset=([^\\"]*)', text, re.M)
    if not charset:
        raise CatalogError(Location(path, 1), "the header has no 'Content-Type: text/plain; charset=UTF-8' line", "add it to the header entry (msgid \"\")")
    if charset.group(1).strip().lower() not in ("utf-8", "utf8"):
        line = text[: charset.start()].count("\n") + 1
        raise CatalogError(Location(path, line), f"charset is {charset.group(1)!r}, expected UTF-8", "set 'charset=UTF-8' in the header and save as UTF-8")
    catalog = Catalog(locale=locale, charset="utf-8")
    parser = _StrictParser(catalog, path)
    try:
        parser.parse(io.StringIO(text))
    except PoFileError as error:
        raise CatalogError(Location(path, error.lineno + 1), f"PO syntax error: {error}", "compare the entry with the one above it: each needs msgid \"…\" then msgstr \"…\"") from error
    except (ValueError, IndexError) as error:
        raise CatalogError(Location(path, parser.offset + 1), f"PO syntax error: {error}", "check the quotes and backslashes of this entry") from error
    _check_plural_forms(path, text, catalog)
    return catalog


def _check_plural_forms(path: str, text: str, catalog: Catalog) -> None:
    found = re.search(r'^"Plural-Forms: (.*?)\\n"$', text, re.M)
    if not found or catalog.locale is None:
        return
    expected = Catalog(locale=catalog.locale).plural_forms
    if found.group(1).replace(" ", "") != expected.replace(" ", ""):
        line = text[: found.start()].count("\n") + 1
        raise CatalogError(Location(path, line), f"Plural-Forms is {found.group(1)!r}, expected {expected!r} for {catalog.locale}", f"set the header to 'Plural-Forms: {expected}'")


# -- file I/O -------------------------------------------------------------------
def read_catalog(path: Path, display: str | None = None) -> Catalog:
    display = display or str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise CatalogError(Location(display), "catalog file is missing", "run 'make update' to create it") from error
    locale = _locale_from_path(path)
    return parse_catalog(display, data, locale)


def _locale_from_path(path: Path) -> str | None:
    parts = path.parts
    if "LC_MESSAGES" in parts:
        return parts[parts.index("LC_MESSAGES") - 1]
    return None


def write_catalog(path: Path, catalog: Catalog) -> bool:
    """Write atomically; leave the file alone if only its dates would change."""
    data = render_catalog(catalog)
    if path.exists() and same_content(path.read_bytes(), data):
        return False
    write_bytes_atomic(path, data)
    return True
