"""Safety: the publishing gate's verdicts as findings, the same codes the build uses.

S300: the translation changes the page's HTML (an element, attribute, id, URL,
comment or code text the English page does not have). S302: invisible
characters that reorder or hide text. S303: a plain-text value (title,
description, site string) with markup characters or other placeholders.
Translator comments cannot silence them (``entry.UNWAIVABLE``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from babel.messages.catalog import Message

from doclocale.checks.entry import Entry
from doclocale.model import Finding, Location, Severity
from doclocale.reading.page_parser import parse_page
from doclocale.translating.gate import gate_page
from doclocale.translating.generation import refusal_finding


def check_unit(entry: Entry, render_html: Callable[[str], str]) -> Iterator[Finding]:
    """One message on its own: the msgid as a one-block page, through the real gate."""
    if not entry.msgstr or entry.fuzzy:
        return
    source = parse_page(entry.location.path, entry.msgid + "\n")
    messages = {
        segment.key: Message(segment.text, entry.msgstr, lineno=entry.location.line)
        for segment in source.segments
        if segment.text == entry.msgid
    }
    if not messages:
        return
    gated = gate_page(source, messages, render_html, page=entry.location.path)
    for refusal in gated.refusals:
        yield refusal_finding(entry.location.path, refusal)


def check_published_in_english(records: list[dict]) -> Iterator[Finding]:
    """S304: pages the build's last comparison (after MkDocs rendered them) published in English.
    ``records`` is what the build wrote to .cache/build/published-in-english*.json."""
    for record in records:
        yield Finding(
            Location(str(record.get("page", "?"))),
            "S304",
            Severity.ERROR,
            f"published in English: the page MkDocs rendered differs from the English page ({record.get('difference', '')})",
            "every translation on this page passed the gate, so this is a defect of the site builder: please report it",
        )
