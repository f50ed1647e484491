"""The unit most checks look at: one PO entry with its place and language."""

from __future__ import annotations

import re
from dataclasses import dataclass

from doclocale.model import Finding, Location, Severity, excerpt

#: Safety and structure findings (S…, M…) cannot be silenced from a catalog:
#: whoever can edit a PO file must not be able to waive what keeps the page safe.
UNWAIVABLE = ("S", "M")
_IGNORE = re.compile(r"qa-ignore:\s*([A-Z]\d{3}(?:[\s,]+[A-Z]\d{3})*)")


NO_CODES: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Entry:
    msgid: str
    msgstr: str
    location: Location
    language: str
    fuzzy: bool = False
    context: str | None = None
    ignored: frozenset[str] = NO_CODES  # codes a translator silenced with "# qa-ignore: CODE"

    def finding(self, code: str, severity: Severity, message: str, hint: str = "") -> Finding:
        return Finding(
            self.location,
            code,
            severity,
            message,
            hint,
            excerpt(self.msgid),
            code in self.ignored and not code.startswith(UNWAIVABLE),
        )


def ignored_codes(user_comments: list[str]) -> frozenset[str]:
    codes: set[str] = set()
    for comment in user_comments:
        for match in _IGNORE.finditer(comment):
            codes.update(re.split(r"[\s,]+", match.group(1)))
    return frozenset(codes) if codes else NO_CODES  # one empty set for the 300,000 entries of 10,000 guides
