"""Completeness: untranslated, fuzzy, obsolete leftovers, text left in English."""

from __future__ import annotations

import re
from collections.abc import Iterator

from doclocale.catalogs.translation_review import CheckState, translation_check
from doclocale.checks.entry import Entry
from doclocale.model import Finding, Location, Severity
from doclocale.reading.inline import parse_inline
from doclocale.text_rules import has_words

_LETTERS = re.compile(r"[A-Za-z]{3,}")


def check_untranslated(entry: Entry, keep: frozenset[str] = frozenset()) -> Iterator[Finding]:
    if not entry.msgstr:
        yield entry.finding(
            "C101", Severity.WARNING, "not translated yet; readers see the English text", "translate the entry"
        )
    elif not has_words(entry.msgid, entry.msgstr):
        yield entry.finding(
            "C101",
            Severity.WARNING,
            "the translation has no letters or digits (only spaces, punctuation or invisible characters);"
            " readers see the English text",
            "write the translation, or leave the msgstr empty",
        )
    elif entry.fuzzy:
        yield entry.finding(
            "C102",
            Severity.WARNING,
            "marked fuzzy: the English changed, so this translation may be outdated; readers see the English text",
            "compare with the previous msgid (#| lines), fix the translation and remove the fuzzy flag",
        )
    elif (
        entry.msgstr == entry.msgid
        and _LETTERS.search(" ".join(parse_inline(entry.msgid).texts))
        and entry.msgid.strip() not in keep
    ):
        yield entry.finding(
            "C103",
            Severity.WARNING,
            "translation is identical to the English text",
            "translate it, or add the term to the glossary's do_not_translate list",
        )


def check_obsolete(path: str, obsolete_lines: list[int]) -> Iterator[Finding]:
    for line in obsolete_lines:
        yield Finding(
            Location(path, line),
            "C104",
            Severity.INFO,
            "obsolete entry (#~): its English text is gone",
            "reuse the translation if it helps, then delete the #~ lines",
        )


def check_changed_contexts(path: str, catalog, template) -> Iterator[Finding]:
    """C105: an entry whose msgctxt no English text has, while the same msgid has another one in
    the English: the context was edited. The page shows the English, and a release build stops."""
    wanted = {(str(m.id), m.context) for m in template if m.id}
    contexts: dict[str, list] = {}
    for msgid, context in wanted:
        contexts.setdefault(msgid, []).append(context)
    for message in catalog:
        key = (str(message.id), message.context)
        if not message.id or key in wanted or str(message.id) not in contexts:
            continue
        english = " or ".join(_context(c) for c in sorted(contexts[str(message.id)], key=str))
        yield Finding(
            Location(path, message.lineno or 0),
            "C105",
            Severity.ERROR,
            f"the msgctxt was changed: this entry has {_context(message.context)}, the English has {english}; "
            "this translation is not used and readers see the English",
            "put the msgctxt back as it was: it comes from the English page and is not translated",
        )


def _context(context: str | None) -> str:
    return f"msgctxt {context!r}" if context else "no msgctxt"


def check_translation_review(path: str, domain: str, catalog, entries: list[Entry]) -> Iterator[Finding]:
    """C106/C107 on a guide whose translation is complete: no second translator has checked it,
    or it changed after the check (readers are told it is not checked, either way)."""
    if not entries or any(not e.msgstr or e.fuzzy for e in entries):
        return
    check = translation_check(catalog)
    if check.state is CheckState.NOT_CHECKED:
        yield Finding(
            Location(path, 1),
            "C106",
            Severity.WARNING,
            "no second translator has checked this page's translation; readers are told so",
            "after a second translator has checked it, record the check:"
            f' .venv/bin/python -m doclocale review-translation {entries[0].language} {domain} --by "NAME"',
        )
    elif check.state is CheckState.CHANGED:
        yield Finding(
            Location(path, 1),
            "C107",
            Severity.WARNING,
            f"the translation or its English changed after {check.by}'s check on {check.date}; readers are told"
            " it is not checked",
            "have the changes checked, then record the check again (review-translation)",
        )
