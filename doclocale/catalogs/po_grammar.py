"""What GNU ``msgfmt --check`` rejects, our reader rejects too, with ``path:line`` and a hint.

Babel's PO parser is lenient (an unterminated string, an unknown escape or a
bare word after ``msgstr`` pass), so every line is checked here first against
the PO grammar, and each entry afterwards against msgfmt's checks: plural
forms, line-break consistency and format placeholders. The reader is stricter
than msgfmt in a few places, on purpose: a NUL byte, Windows line endings and a
charset other than UTF-8 (see ``po_reader.parse_catalog``); two keywords, or a string and a
comment, on one line (msgfmt reads words, Babel and every editor read lines).
"""

from __future__ import annotations

import re
from collections import Counter

from babel.messages.catalog import Catalog

from doclocale.errors import CatalogError
from doclocale.model import Location

# A PO string: escapes as gettext knows them (\n \t \" \\ \a \b \f \v \r \? \' octal, hex).
_STRING = r'"(?:[^"\\\n]|\\(?:[ntbrfva"\\?\']|[0-7]{1,3}|x[0-9A-Fa-f]+))*"'
_STRINGS = re.compile(rf"^(?:{_STRING}[ \t]*)+$")  # adjacent strings are joined, as in C
_STRINGS_THEN = re.compile(rf"^(?:{_STRING}[ \t]*)+(?=\S)")  # strings, then something else on the line
_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)[ \t]+(.*)$")
_BAD_ESCAPE = re.compile(r'\\(?![ntbrfva"\\?\'0-7x])(.)')
_PYTHON_FORMAT = re.compile(r"%(?:\((\w+)\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[diouxXeEfFgGcrsa%]")
_BRACE_FORMAT = re.compile(r"\{([^{}]*)\}")
_HINT = 'compare the entry with the one above it: each needs msgid "…" then msgstr "…", every string in straight double quotes'
#: What a PO file counts as blank around tokens (str.strip() would also drop U+2028, U+00A0 …,
#: which GNU msgfmt reads as characters).
_BLANK = " \t\f\v\r"
#: What may come next in an entry, by what came last (gettext's PO grammar).
_NEXT = {
    "": {"msgctxt", "msgid"},  # between entries
    "msgctxt": {"msgid"},
    "msgid": {"msgid_plural", "msgstr"},
    "msgid_plural": {"msgstr[]"},
    "msgstr": {"msgctxt", "msgid"},
    "msgstr[]": {"msgstr[]", "msgctxt", "msgid"},
}
_PREVIOUS_ORDER = ("msgctxt", "msgid", "msgid_plural")


class _Grammar:
    """One pass over the lines, as msgfmt reads them: entries in order, obsolete (#~) entries
    marked on every line, previous (#|) fields in gettext's order."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.last = ""  # keyword of the current entry so far ("" between entries)
        self.obsolete = False  # the current entry's lines start with #~
        self.plural_index = -1
        self.previous = -1  # the last #| field of the comment block, as an index of _PREVIOUS_ORDER
        self.entry_line = 0
        self.entries = 0  # entries begun; the first is the header (msgid "")
        self.header_id = False

    def fail(self, number: int, problem: str, hint: str = _HINT) -> None:
        raise CatalogError(Location(self.path, number), f"PO syntax error: {problem}", hint)

    def line(self, number: int, raw: str) -> None:
        line = raw.strip(_BLANK)
        obsolete = line.startswith("#~")
        while line.startswith("#~"):  # "#~ #~ …" is obsolete once, as msgfmt reads it
            line = line[2:].strip(_BLANK)
        if obsolete:
            if line.startswith("|"):
                self.previous_line(number, line[1:].strip(_BLANK))  # "#~| msgid": an obsolete entry's previous msgid
                return
            if not line:
                return  # a bare #~: msgfmt skips it
            if line.startswith("#"):
                self.comment(number)  # an obsolete entry's comment: it ends an entry as any comment does
                return
        elif not line:
            return
        elif line.startswith("#|"):
            self.previous_line(number, line[2:].strip(_BLANK))
            return
        elif line.startswith("#"):
            if self.previous >= 0:
                self.fail(number, "a comment after the #| lines", "the #| lines come last, right above the msgid")
            self.comment(number)
            return
        self.end_previous(number)
        keyword = _KEYWORD.match(line)
        if keyword:
            self.keyword(number, keyword.group(1), keyword.group(2), obsolete)
            line = keyword.group(3).strip(_BLANK)
        elif self.last == "":
            self.fail(
                number,
                f"a string outside any entry: {line[:40]!r}"
                if line.startswith('"')
                else f"not a PO line: {line[:40]!r}",
            )
        elif obsolete != self.obsolete:
            self.fail(number, "inconsistent use of #~: every line of an obsolete entry starts with #~", _HINT)
        self.strings(number, line)
        if self.entries == 1 and self.last == "msgid" and line.strip('" \t'):
            self.header_id = True  # the first entry's msgid has text: it is not the header

    def comment(self, number: int) -> None:
        if self.last in ("msgctxt", "msgid", "msgid_plural"):
            self.fail(
                self.entry_line or number,
                "missing msgstr: this entry ends (a comment follows) before its msgstr",
                'add msgstr "…" after the msgid, or move the comment above the entry',
            )
        self.last = "" if self.last in ("msgstr", "msgstr[]") else self.last

    def end_previous(self, number: int) -> None:
        if self.previous == 0:
            self.fail(number - 1, "#| msgctxt without a #| msgid after it", 'write #| msgid "…" after #| msgctxt')
        self.previous = -1

    def previous_line(self, number: int, rest: str) -> None:
        if self.last in ("msgctxt", "msgid", "msgid_plural"):
            self.fail(number, "a #| line inside an entry, before its msgstr", "move it above the entry's msgid")
        self.last = ""
        field = rest.split(maxsplit=1)[0] if rest else ""
        if field in _PREVIOUS_ORDER:
            place = _PREVIOUS_ORDER.index(field)
            if place <= self.previous:
                self.fail(
                    number,
                    f"#| {field} after #| {_PREVIOUS_ORDER[self.previous]}",
                    "write #| msgctxt, then #| msgid, then #| msgid_plural",
                )
            self.previous = place
            rest = rest[len(field) :].strip(_BLANK)
        elif self.previous < 0:
            self.fail(number, f"a #| line must start with msgctxt, msgid or msgid_plural: {rest[:40]!r}")
        self.strings(number, rest)

    def keyword(self, number: int, keyword: str, index: str | None, obsolete: bool) -> None:
        kind = "msgstr[]" if index is not None else keyword
        if kind not in _NEXT[self.last]:
            self.fail(number, self.out_of_place(keyword))
        starts = kind in ("msgctxt", "msgid") and (self.last != "msgctxt" or kind == "msgctxt")
        if starts:
            self.obsolete, self.entry_line = obsolete, number
            self.entries += 1
            if self.entries == 1 and kind == "msgctxt":
                self.fail(
                    number, 'the header entry (msgid "") has a msgctxt', "delete the msgctxt line above the header"
                )
        elif obsolete != self.obsolete:
            self.fail(number, "inconsistent use of #~: every line of an obsolete entry starts with #~", _HINT)
        if kind == "msgstr" and self.entries == 1 and self.header_id:
            self.fail(self.entry_line, 'the file must begin with the header entry (msgid "" and its msgstr)')
        if kind == "msgstr[]":
            wanted = self.plural_index + 1 if self.last == "msgstr[]" else 0
            if int(index or 0) != wanted:
                self.fail(number, f"{keyword} here must be msgstr[{wanted}]")
            self.plural_index = wanted
        self.last = kind

    def out_of_place(self, keyword: str) -> str:
        if keyword.startswith("msgstr") and self.last in ("msgstr", "msgstr[]"):
            return f"a second {keyword} in one entry"
        if keyword.startswith("msgstr[") and self.last == "msgid":
            return f"{keyword} here must be msgstr (the entry has no msgid_plural)"
        if keyword == "msgstr" and self.last == "msgid_plural":
            return "msgstr here must be msgstr[0] … (the entry has msgid_plural)"
        if keyword.startswith("msgstr"):
            return f"{keyword} without a msgid before it"
        if self.last in ("msgid", "msgid_plural"):
            return f"{keyword} here: missing msgstr in the entry above"
        return f"{keyword} is not expected here"

    def strings(self, number: int, text: str) -> None:
        if _STRINGS.match(text):
            return
        after = _STRINGS_THEN.match(text)
        if after:  # msgfmt reads a PO file as a stream of words; every tool writes one keyword per line
            rest = text[after.end() :]
            if rest.startswith("#"):
                self.fail(number, "a comment after a string on the same line", "put the comment on its own line")
            if _KEYWORD.match(rest) or rest.split(maxsplit=1)[0] in ("msgctxt", "msgid", "msgstr", "msgid_plural"):
                self.fail(
                    number, f"two keywords on one line: {rest[:40]!r}", "put each msgid and msgstr on its own line"
                )
        bad_escape = _BAD_ESCAPE.search(text)
        if bad_escape:
            self.fail(
                number,
                f"unknown escape sequence \\{bad_escape.group(1)}",
                'write \\\\ for a backslash; known escapes are \\n, \\t and \\"',
            )
        if text.count('"') % 2 or (text.endswith('\\"') and not text.endswith('\\\\"')):
            self.fail(
                number,
                "string is not closed with a double quote on this line",
                'end the line with " (a long text continues on the next line in its own "…")',
            )
        self.fail(number, f"not a PO line: {text[:40]!r}")

    def end(self, number: int) -> None:
        if self.last in ("msgctxt", "msgid", "msgid_plural"):
            self.fail(self.entry_line or number, "missing msgstr in the last entry", 'add msgstr "" after its msgid')


def check_lines(path: str, text: str) -> None:
    """Every line as GNU msgfmt's grammar reads it (``_Grammar``); the first problem raises."""
    grammar = _Grammar(path)
    lines = text.split("\n")
    for number, raw in enumerate(lines, 1):
        grammar.line(number, raw)
    grammar.end(len(lines))


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
