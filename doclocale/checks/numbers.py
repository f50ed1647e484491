"""Numbers: every number of the source appears in the translation, whatever its digits."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from doclocale.checks.entry import Entry
from doclocale.model import Finding, Severity
from doclocale.reading.inline import FOOTNOTE_REF, parse_inline

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
# A number: digits, optional thousands groups (, or ٬) and one decimal part (. or ٫).
_NUMBER = re.compile(r"\d+(?:[,٬]\d{3})*(?:[.٫]\d+)?")


def numbers_in(text: str) -> Counter:
    """Numeric values in the prose of a message (not in URLs or code), digits unified."""
    prose = FOOTNOTE_REF.sub(" ", " ".join(parse_inline(text).texts)).translate(_DIGITS)
    values: Counter = Counter()
    for match in _NUMBER.finditer(prose):
        raw = match.group().replace(",", "").replace("٬", "").replace("٫", ".")
        values[float(raw)] += 1
    return values


def _show(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def check_numbers(entry: Entry) -> Iterator[Finding]:
    if not entry.msgstr:
        return
    source, target = numbers_in(entry.msgid), numbers_in(entry.msgstr)
    for value in sorted((source - target).elements()):
        yield entry.finding(
            "N401",
            Severity.ERROR,
            f"number {_show(value)} of the English is missing from the translation",
            "write the same number, in Persian digits (۲۰ for 20)",
        )
    for value in sorted((target - source).elements()):
        yield entry.finding(
            "N402",
            Severity.ERROR,
            f"translation has number {_show(value)}, which the English does not",
            "check the number against the English text",
        )
