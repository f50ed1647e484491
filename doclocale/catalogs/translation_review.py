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
from dataclasses import dataclass

from babel.messages.catalog import Catalog

from doclocale.catalogs.merge import is_translated
from doclocale.catalogs.po_header import get_extra_headers, set_extra_headers

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
