"""The header entry (msgid ""): each field once, a language code Babel can read, the plural rule
of the language, and the fields Babel drops (a tool's X- lines, the translation check record),
kept apart so that they are written back."""

from __future__ import annotations

import re

from babel.messages.catalog import Catalog
from babel.messages.pofile import denormalize

from doclocale.errors import CatalogError
from doclocale.model import Location

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


def header_line(text: str, error: str) -> int:
    """The header line holding the value an error quotes, else the header's msgstr line."""
    start = text.find('\nmsgstr ""\n')
    quoted = re.search(r"'(.+?)'", error)
    if quoted and start >= 0:
        at = text.find(quoted.group(1).replace("\\\\", "\\"), start)
        if at >= 0:
            return text[:at].count("\n") + 1
    return text[: start + 1].count("\n") + 1 if start >= 0 else 1


#: A language code as Babel reads it in a PO header (fa, fa_IR, sr_Latn …).
_LANGUAGE_CODE = re.compile(r"^[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*(?:@[A-Za-z0-9]+)?$")


def check_header_fields(path: str, text: str) -> None:
    """Each header field on its own line, once, and a Language Babel can read: with two
    Content-Type lines msgfmt reads the first and Babel the last, so the site's compiled strings
    were written in a charset that cannot hold Persian; a line starting with a tab Babel folds
    into the field above."""
    start = text.find('\nmsgstr ""\n')
    if start < 0:
        return
    end = text.find("\n\n", start + 1)
    header = text[start : end if end >= 0 else len(text)]
    block = header.split("\n")
    for offset, (above, raw) in enumerate(zip(block, block[1:], strict=False), 1):
        if above.endswith('\\n"') and re.match(r'"(?:[ \t\v\f]|\\[tvf])', raw):
            raise CatalogError(
                Location(path, text[:start].count("\n") + 1 + offset),
                "a header field starts with a space or a tab: Babel reads it as part of the field above",
                "start the line with the field's name, as in Language: fa",
            )
    seen: set[str] = set()
    for match in re.finditer(r'^"([A-Za-z][\w-]*):', header, re.M):
        field = match.group(1).lower()
        if field in seen:
            line = text[: start + match.start()].count("\n") + 1
            raise CatalogError(
                Location(path, line),
                f"the header gives {match.group(1)} twice",
                'keep one line for each header field (the header is the first entry, msgid "")',
            )
        seen.add(field)
    language = re.search(r'^"Language:[ \t]*(.*?)\\n"$', header, re.M)
    if language and language.group(1).strip() and not _LANGUAGE_CODE.match(language.group(1).strip()):
        raise CatalogError(
            Location(path, text[: start + language.start()].count("\n") + 1),
            f"the header's Language is {language.group(1)!r}, not a language code",
            'write the language code of the catalog, as in "Language: fa\\n"',
        )


def check_plural_forms(path: str, text: str, catalog: Catalog) -> None:
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
