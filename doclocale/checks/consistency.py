"""Consistency across all catalogs of a language."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from doclocale.checks.entry import Entry
from doclocale.model import Finding, Location, Severity, excerpt


def quoted(text: str) -> str:
    """Text as a reader sees it, in the quotes of both languages (repr() would show \\u200c)."""
    return f"«{excerpt(text, 40)}»"


def _differently(msgstr: str, place: Location) -> tuple[str, str]:
    return (
        f"same English translated differently at {place}: {quoted(msgstr)}",
        f"use one translation in both files (change this one or {place.path}),"
        " or keep both if each page needs its own words",
    )


def _same_words(msgid: str, place: Location) -> tuple[str, str]:
    return (
        f"same translation as a different English text at {place} ({quoted(msgid)})",
        "check that both really mean the same",
    )


@dataclass(frozen=True)
class Rule:
    code: str
    group_of: Callable[[Entry], tuple]  # the entries that must agree
    text_of: Callable[[Entry], str]  # on this
    says: Callable[[str, Location], tuple[str, str]]  # the message and hint, from the group's first text and place


#: K601: one English translated two ways. K602: two English texts with one translation.
RULES = (
    Rule("K601", lambda e: (e.language, e.msgid, e.context), lambda e: e.msgstr, _differently),
    Rule("K602", lambda e: (e.language, e.msgstr), lambda e: e.msgid, _same_words),
)


class Consistency:
    """K601 and K602 over every catalog of a language, given a batch of entries at a time. Only
    the first entry of each group is kept, as (text, place): at 10,000 guides, holding every
    entry until the end took 290 MB. The findings come in the order of the groups' first
    entries, rule by rule, however the entries were split into batches."""

    def __init__(self) -> None:
        self._firsts: list[dict[tuple, tuple[int, str, Location]]] = [{} for _ in RULES]
        self._found: list[tuple[int, int, int, Finding]] = []  # (rule, group's first, entry, finding)
        self._counted = 0

    def add(self, entries: Iterable[Entry]) -> None:
        for entry in entries:
            if not entry.msgstr or entry.fuzzy:  # a fuzzy entry is not a translation yet
                continue
            self._counted += 1
            for number, (rule, firsts) in enumerate(zip(RULES, self._firsts, strict=True)):
                first, text, place = firsts.setdefault(
                    rule.group_of(entry), (self._counted, rule.text_of(entry), entry.location)
                )
                if first != self._counted and text != rule.text_of(entry):
                    finding = entry.finding(rule.code, Severity.WARNING, *rule.says(text, place))
                    self._found.append((number, first, self._counted, finding))

    def findings(self) -> list[Finding]:
        return [finding for *_, finding in sorted(self._found, key=lambda found: found[:3])]


def check_consistency(entries: Iterable[Entry]) -> list[Finding]:
    """K601: one English translated two ways on two pages, a warning the translator may settle in
    either file (two pages may need different words; on one page the English is one entry).
    K602: two English texts with one translation."""
    consistency = Consistency()
    consistency.add(entries)
    return consistency.findings()
