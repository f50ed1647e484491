"""Persian orthography, on text nodes only (never URLs, code or Markdown syntax).

Rules follow common Persian style guides (the Academy of Persian Language and
Literature; virastar and hazm implement the same rules for plain text, but run
over Markdown they break links and code, so the rules are applied here instead).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from doclocale.checks.entry import Entry
from doclocale.model import Finding, Severity
from doclocale.reading.inline import FOOTNOTE_REF, parse_inline

ZWNJ = "\u200c"
_PERSIAN = "\u0600-\u06ff"
_LETTER = f"[{_PERSIAN}]"

RULES: tuple[tuple[str, Severity, re.Pattern, str, str], ...] = (
    (
        "P701",
        Severity.ERROR,
        re.compile("[\u064a\u0649]"),
        "Arabic yeh (ي/ى) instead of Persian yeh (ی)",
        "type ی (U+06CC); a Persian keyboard layout does this",
    ),
    ("P702", Severity.ERROR, re.compile("\u0643"), "Arabic kaf (ك) instead of Persian kaf (ک)", "type ک (U+06A9)"),
    (
        "P703",
        Severity.ERROR,
        re.compile("[0-9\u0660-\u0669]"),
        "Latin or Arabic-Indic digits in Persian text",
        "use Persian digits ۰۱۲۳۴۵۶۷۸۹",
    ),
    (
        "P704",
        Severity.WARNING,
        re.compile(f"(?<={_LETTER})\\s*[,;?]|[,;?](?=\\s*{_LETTER})"),
        "Latin , ; or ? in Persian text",
        "use the Persian marks ، ؛ ؟",
    ),
    (
        "P705",
        Severity.WARNING,
        re.compile(f'"(?=\\s*{_LETTER})|(?<={_LETTER})\\s*"'),
        "straight quotes in Persian text",
        "use « and »",
    ),
    (
        "P706",
        Severity.WARNING,
        re.compile(f"(?<={_LETTER})\\s+[،؛؟!:.](?!\\.)"),
        "space before a punctuation mark",
        "remove the space before the mark",
    ),
    (
        "P707",
        Severity.WARNING,
        re.compile(f"[،؛؟](?={_LETTER})|(?<={_LETTER})[.!:](?={_LETTER})"),
        "no space after a punctuation mark",
        "add a space after the mark",
    ),
    (
        "P708",
        Severity.WARNING,
        re.compile(f"{ZWNJ}{{2,}}|\\s{ZWNJ}|{ZWNJ}\\s|^{ZWNJ}|{ZWNJ}$"),
        "doubled or misplaced zero-width non-joiner (ZWNJ)",
        "keep one ZWNJ, only between two parts of a word",
    ),
    (
        "P709",
        Severity.WARNING,
        re.compile(f"(?<![{_PERSIAN}{ZWNJ}])(ن?می) (?={_LETTER})"),
        "space instead of ZWNJ after the prefix می/نمی",
        "join with a ZWNJ: می‌کند, نمی‌شود",
    ),
    (
        "P710",
        Severity.WARNING,
        re.compile(f"(?<={_LETTER}) (ها|های|هایی|هایم|هایت|هایش|هایمان|هایتان|هایشان|تر|ترین)(?![{_PERSIAN}{ZWNJ}])"),
        "space instead of ZWNJ before the suffix ها/های/تر/ترین",
        "join with a ZWNJ: کتاب‌ها, کوچک‌تر",
    ),
    ("P711", Severity.WARNING, re.compile("\u0640"), "kashida (ـ) used to stretch letters", "remove it"),
    (
        "P712",
        Severity.ERROR,
        re.compile("[\ufb50-\ufdff\ufe70-\ufefe]"),
        "Arabic presentation-form letters (copied from a PDF?)",
        "retype the word with a Persian keyboard",
    ),
    (
        "P713",
        Severity.WARNING,
        re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]"),
        "invisible direction marks",
        "remove them; the site isolates English words by itself",
    ),
)


def check_persian(entry: Entry) -> Iterator[Finding]:
    if not entry.msgstr or entry.language != "fa":
        return
    for text in parse_inline(entry.msgstr).texts:
        text = FOOTNOTE_REF.sub(" ", text)  # a label stays as the English writes it: [^1], never [^۱]
        for code, severity, pattern, message, hint in RULES:
            match = pattern.search(text)
            if match is None:
                continue
            yield entry.finding(
                code, severity, f"{message}: …{text[max(0, match.start() - 12) : match.end() + 12].strip()}…", hint
            )
