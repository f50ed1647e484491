"""Consistency across all catalogs of a language."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator

from doclocale.checks.entry import Entry
from doclocale.model import Finding, Severity, excerpt


def _disagreements(
    entries: list[Entry], group_by: Callable[[Entry], tuple], differ: Callable[[Entry], str]
) -> Iterator[tuple[Entry, Entry]]:
    """(first, other) pairs: entries of one group whose ``differ`` value is not the first's."""
    groups: dict[tuple, list[Entry]] = defaultdict(list)
    for entry in entries:
        groups[group_by(entry)].append(entry)
    for group in groups.values():
        first = group[0]
        yield from ((first, other) for other in group[1:] if differ(other) != differ(first))


def quoted(text: str) -> str:
    """Text as a reader sees it, in the quotes of both languages (repr() would show \\u200c)."""
    return f"«{excerpt(text, 40)}»"


def check_consistency(entries: Iterable[Entry]) -> Iterator[Finding]:
    """K601: one English translated two ways on two pages, a warning the translator may settle in
    either file (two pages may need different words; on one page the English is one entry).
    K602: two English texts with one translation."""
    done = [entry for entry in entries if entry.msgstr and not entry.fuzzy]
    for first, other in _disagreements(done, lambda e: (e.language, e.msgid, e.context), lambda e: e.msgstr):
        yield other.finding(
            "K601",
            Severity.WARNING,
            f"same English translated differently at {first.location}: {quoted(first.msgstr)}",
            f"use one translation in both files (change this one or {first.location.path}),"
            " or keep both if each page needs its own words",
        )
    for first, other in _disagreements(done, lambda e: (e.language, e.msgstr), lambda e: e.msgid):
        yield other.finding(
            "K602",
            Severity.WARNING,
            f"same translation as a different English text at {first.location} ({quoted(first.msgid)})",
            "check that both really mean the same",
        )
