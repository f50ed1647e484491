"""Consistency across all catalogs of a language."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from ..model import Finding, Severity, excerpt
from .entry import Entry


def check_consistency(entries: Iterable[Entry]) -> Iterator[Finding]:
    by_source: dict[tuple, list[Entry]] = defaultdict(list)
    by_target: dict[tuple, list[Entry]] = defaultdict(list)
    for entry in entries:
        if entry.msgstr and not entry.fuzzy:
            by_source[(entry.language, entry.msgid, entry.context)].append(entry)
            by_target[(entry.language, entry.msgstr)].append(entry)
    for group in by_source.values():
        translations = {entry.msgstr for entry in group}
        if len(translations) > 1:
            first = group[0]
            for entry in group[1:]:
                if entry.msgstr != first.msgstr:
                    yield entry.finding("K601", Severity.ERROR, f"same English translated differently at {first.location}: {excerpt(first.msgstr, 40)!r}", "use one translation, or add a msgctxt in the source if the meanings differ")
    for group in by_target.values():
        sources = {entry.msgid for entry in group}
        if len(sources) > 1:
            first = group[0]
            for entry in group[1:]:
                if entry.msgid != first.msgid:
                    yield entry.finding("K602", Severity.WARNING, f"same translation as a different English text at {first.location} ({excerpt(first.msgid, 40)!r})", "check that both really mean the same")
