"""Who checked a page's translation, and whether what they checked is still what readers see.

A second translator's check (ISO 17100's revision) is recorded in the catalog's header, in fields
GNU gettext, translate-toolkit and ``make update`` keep::

    X-Translation-Checked-By: Name
    X-Translation-Checked-Date: 2026-12-01
    X-Translation-Checked-Digest: 3f2a…

The digest covers every current entry's English, context, translation and fuzzy flag, and nothing
else: a changed translation or a changed English makes the record stale; the order of entries,
comments and line wrapping do not.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
import re
from dataclasses import dataclass

from babel.messages.catalog import Catalog

from doclocale.catalogs.merge import is_translated, read_catalog, write_catalog
from doclocale.catalogs.po_header import get_extra_headers, set_extra_headers
from doclocale.errors import CatalogError
from doclocale.model import Location
from doclocale.settings import Settings

BY, DATE, DIGEST = "X-Translation-Checked-By", "X-Translation-Checked-Date", "X-Translation-Checked-Digest"


class CheckState(enum.Enum):
    NOT_CHECKED = "not checked"
    CHECKED = "checked"
    CHANGED = "changed since the check"


@dataclass(frozen=True)
class TranslationCheck:
    state: CheckState
    by: str = ""
    date: dt.date | None = None

    def describe(self) -> str:
        if self.state is CheckState.CHECKED and self.date:
            return f"checked by {self.by} on {self.date.isoformat()}"
        if self.state is CheckState.CHANGED and self.date:
            return f"changed since {self.by}'s check on {self.date.isoformat()}"
        return "not checked by a second translator"


def translation_digest(catalog: Catalog) -> str:
    """What a check vouches for: each current entry's (msgctxt, msgid, msgstr, fuzzy), in any order."""
    entries = sorted(
        json.dumps([m.context or "", m.id, m.string, m.fuzzy], ensure_ascii=False) for m in catalog if m.id
    )
    return hashlib.sha256("\n".join(entries).encode("utf-8")).hexdigest()[:32]


def translation_check(catalog: Catalog) -> TranslationCheck:
    fields = dict(get_extra_headers(catalog))
    by, date_text, digest = fields.get(BY, "").strip(), fields.get(DATE, "").strip(), fields.get(DIGEST, "").strip()
    try:
        date = dt.date.fromisoformat(date_text)
    except ValueError:
        date = None
    if not by or date is None or not digest:
        return TranslationCheck(CheckState.NOT_CHECKED)
    state = CheckState.CHECKED if digest == translation_digest(catalog) else CheckState.CHANGED
    return TranslationCheck(state, by, date)


def record_check(catalog: Catalog, by: str, date: dt.date) -> None:
    """Write the record (replacing an earlier one) for the catalog as it is now."""
    kept = [(name, value) for name, value in get_extra_headers(catalog) if name not in (BY, DATE, DIGEST)]
    set_extra_headers(catalog, [*kept, (BY, by), (DATE, date.isoformat()), (DIGEST, translation_digest(catalog))])


def incomplete(catalog: Catalog) -> list[str]:
    """The English of entries not translated yet or fuzzy (a check vouches for a whole page)."""
    return [str(m.id) for m in catalog if m.id and not is_translated(m)]


def record_page_check(settings: Settings, language: str, page: str, by: str, date: str | None) -> str:
    """``review-translation``: record a second translator's check of one page's catalog. Every input
    comes from a person (a terminal or the workflow's web form) and is checked before anything is
    written: a language of the site, a page with an English file and a catalog, a name on one line,
    a day not in the future, a page fully translated."""
    page = page.strip().removesuffix(".md")
    if language not in settings.languages:
        raise CatalogError(
            Location("mkdocs.yml"),
            f"{language!r} is not a language of this site",
            f"give one of: {', '.join(settings.languages)}",
        )
    path = settings.catalog_path(language, page)
    display = settings.relative(path)
    english = settings.source_dir / f"{page}.md"
    if not re.fullmatch(r"[\w-]+(/[\w-]+)*", page) or not english.is_file() or not path.is_file():
        raise CatalogError(
            Location(settings.relative(settings.source_dir)),
            f"{page!r} is not a translated page of this site",
            "give the page as its English file is named under docs/en/, without .md, e.g. guides/microneedling",
        )
    name = " ".join(by.split())
    if not name or len(name) > 100 or not name.isprintable():
        raise CatalogError(
            Location(display), "give the checking translator's name, on one line", 'e.g. --by "Sara Ahmadi"'
        )
    try:
        day = dt.date.fromisoformat(date) if date else dt.date.today()
    except ValueError as error:
        raise CatalogError(Location(display), f"--date {date!r} is not YYYY-MM-DD", "e.g. --date 2026-12-01") from error
    if day > dt.date.today():
        raise CatalogError(Location(display), f"--date {day.isoformat()} is in the future", "give the day of the check")
    catalog = read_catalog(path, display)
    if left := incomplete(catalog):
        raise CatalogError(
            Location(display),
            f"{len(left)} entries are not translated or still fuzzy (first: {left[0][:60]!r})",
            "a check vouches for the whole page: finish the translation, then record the check",
        )
    record_check(catalog, name, day)
    write_catalog(path, catalog)
    return f"{display}: translation checked by {name} on {day.isoformat()}"
