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


def check_consistency(entries: Iterable[Entry]) -> Iterator[Finding]:
    done = [entry for entry in entries if entry.msgstr and not entry.fuzzy]
    for first, other in _disagreements(done, lambda e: (e.language, e.msgid, e.context), lambda e: e.msgstr):
        yield other.finding(
            "K601",
            Severity.ERROR,
            f"same English translated differently at {first.location}: {excerpt(first.msgstr, 40)!r}",
            "use one translation, or add a msgctxt in the source if the meanings differ",
        )
    for first, other in _disagreements(done, lambda e: (e.language, e.msgstr), lambda e: e.msgid):
        yield other.finding(
            "K602",
            Severity.WARNING,
            f"same translation as a different English text at {first.location} ({excerpt(first.msgid, 40)!r})",
            "check that both really mean the same",
        )
