"""What GNU ``msgfmt --check`` rejects, our reader rejects too, with ``path:line`` and a hint.

Babel's PO parser is lenient (an unterminated string, an unknown escape or a
bare word after ``msgstr`` pass), so every line is checked here first against
the PO grammar, and each entry afterwards against msgfmt's checks: plural
forms, line-break consistency and format placeholders. The reader is stricter
than msgfmt in three places, on purpose: a NUL byte, Windows line endings and a
charset other than UTF-8 (see ``po_reader.parse_catalog``).
"""

from __future__ import annotations

import re
from collections import Counter

from babel.messages.catalog import Catalog

from .errors import CatalogError
from .model import Location

# A PO string: escapes as gettext knows them (\n \t \" \\ \a \b \f \v \r \? \' octal, hex).
_STRING = r'"(?:[^"\\\n]|\\(?:[ntbrfva"\\?\']|[0-7]{1,3}|x[0-9A-Fa-f]+))*"'
_LINE = re.compile(rf"^(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]+)?{_STRING}[ \t]*$")
_BAD_ESCAPE = re.compile(r'\\(?![ntbrfva"\\?\'0-7x])(.)')
_PYTHON_FORMAT = re.compile(r"%(?:\((\w+)\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[diouxXeEfFgGcrsa%]")
_BRACE_FORMAT = re.compile(r"\{([^{}]*)\}")
_HINT = 'compare the entry with the one above it: each needs msgid "…" then msgstr "…", every string in straight double quotes'


def check_lines(path: str, text: str) -> None:
    """Every line is a comment, blank, or a keyword and/or a well-formed string; an entry
    with msgid_plural has msgstr[n] and one without has plain msgstr."""
    plural = False
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        if line.startswith("#~"):
            line = line[2:].strip()
            if not line or line.startswith("#"):
                continue
        elif not line or line.startswith("#"):
            continue
        if _LINE.match(line):
            keyword = line.split(None, 1)[0]
            if keyword in ("msgid", "msgid_plural"):
                plural = keyword == "msgid_plural"
            elif keyword.startswith("msgstr") and plural != keyword.startswith("msgstr["):
                wanted = (
                    "msgstr[0] … (the entry has msgid_plural)" if plural else "msgstr (the entry has no msgid_plural)"
                )
                raise CatalogError(Location(path, number), f"PO syntax error: {keyword} here must be {wanted}", _HINT)
            continue
        bad_escape = _BAD_ESCAPE.search(line)
        if bad_escape:
            problem = f"unknown escape sequence \\{bad_escape.group(1)}"
            hint = 'write \\\\ for a backslash; known escapes are \\n, \\t and \\"'
        elif line.count('"') % 2 or (line.endswith('\\"') and not line.endswith('\\\\"')):
            problem, hint = (
                "string is not closed with a double quote on this line",
                'end the line with " (a long text continues on the next line in its own "…")',
            )
        else:
            problem, hint = f"not a PO line: {line[:40]!r}", _HINT
        raise CatalogError(Location(path, number), f"PO syntax error: {problem}", hint)


def check_entries(path: str, catalog: Catalog, nplurals: int, written_flags: dict) -> None:
    """msgfmt's per-entry checks: plural forms, line breaks at both ends, format placeholders."""
    for message in catalog:
        if not message.id:
            continue
        where = Location(path, message.lineno or 0)
        plural = isinstance(message.id, (list, tuple))
        strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        if plural and not isinstance(message.string, (list, tuple)):
            raise CatalogError(
                where,
                "a plural entry (msgid_plural) needs msgstr[0]…, not msgstr",
                f"write msgstr[0] … msgstr[{nplurals - 1}]",
            )
        if plural and len(strings) != nplurals:
            raise CatalogError(
                where,
                f"{len(strings)} plural forms, the header's Plural-Forms says {nplurals}",
                f"write exactly msgstr[0] … msgstr[{nplurals - 1}]",
            )
        if not plural and isinstance(message.string, (list, tuple)) and len(message.string) > 1:
            raise CatalogError(where, "msgstr[n] on an entry without msgid_plural", 'write msgstr "…"')
        source = str(message.id[0] if plural else message.id)
        flags = written_flags.get((source, message.context), frozenset())
        for value in strings:
            if not value:
                continue
            string = str(value)
            if source.startswith("\n") != string.startswith("\n") or source.endswith("\n") != string.endswith("\n"):
                raise CatalogError(
                    where,
                    "the translation and the English differ in a line break (\\n) at the start or the end",
                    "begin and end the translation like the English",
                )
            if "python-format" in flags and _names(_PYTHON_FORMAT, source) != _names(_PYTHON_FORMAT, string):
                raise CatalogError(
                    where,
                    "placeholders (%(name)s) differ from the English in a python-format entry",
                    "keep every %(…)s of the English, or write a percent sign as ٪",
                )
            if "python-brace-format" in flags and _names(_BRACE_FORMAT, source) != _names(_BRACE_FORMAT, string):
                raise CatalogError(
                    where,
                    "placeholders ({name}) differ from the English in a python-brace-format entry",
                    "keep every {…} of the English",
                )


def _names(pattern: re.Pattern, text: str) -> Counter:
    return Counter(match.group(1) or match.group(0) for match in pattern.finditer(text) if match.group(0) != "%%")
