"""Rules on a translation's characters, for what the HTML comparison cannot see.

Two kinds of text never go through Markdown and the page comparison: values that
templates insert (site strings, page titles and descriptions), and characters
that change what a reader sees without changing the page's elements (bidi
controls, zero-width characters inside a number). Both are judged here, against
the English: a translation may use a character only as often as its source does.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterator

#: Bidi embeddings, overrides and isolates: they reorder what a reader sees
#: (marks such as U+200F, which Persian typography uses, are not among them).
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
#: Zero-width characters: inside a number they split or hide digits.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_DIGIT = r"[0-9\u0660-\u0669\u06f0-\u06f9]"
_SPLIT_NUMBER = re.compile(f"(?<={_DIGIT})[{ZERO_WIDTH}\u200e\u200f\u061c]+(?={_DIGIT}|[.,٫٬]{_DIGIT})")
#: Characters some step reads as a line break (``str.splitlines`` splits on all of them; so does
#: a reader of the generated pages): in a translation they could start a heading, a list or a
#: definition that the English does not have. "\n" itself is judged by the page comparison.
LINE_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
#: Openers that hide the text after them from readers (an HTML comment, CDATA).
_HIDING = re.compile(r"<!--|<!\[CDATA\[|-->|\]\]>")
#: Characters that mean something in HTML, in a Jinja template or in a quoted YAML value.
PLAIN_SPECIAL = "<>&\"'`{}\\"
#: A Python %-placeholder, a {name} placeholder, or a lone % (which breaks the template).
_PERCENT = re.compile(r"%(?:\(\w+\))?[-#0 +]*\d*(?:\.\d+)?[sdifeEgGxXorc%]|%")
_BRACE = re.compile(r"\{\w*\}")


def has_words(msgid: str, msgstr: str) -> bool:
    """A translation says something where its source does: where the msgid has a letter or a
    digit, the msgstr must have one too, after entities are decoded. A msgstr of spaces,
    no-break spaces or punctuation is not a translation (it would publish an empty element)."""
    if not msgstr:
        return False
    if not any(char.isalnum() for char in msgid):
        return True
    return any(char.isalnum() for char in html.unescape(msgstr))


def invisible_problems(msgid: str, msgstr: str) -> Iterator[str]:
    """Characters that change what readers see while the page's elements stay the same, however
    they are written: entities and character references (``&#8203;``) are decoded first."""
    msgid, msgstr = html.unescape(msgid), html.unescape(msgstr)
    added = Counter(BIDI_CONTROLS.findall(msgstr)) - Counter(BIDI_CONTROLS.findall(msgid))
    for char, count in sorted(added.items()):
        yield f"contains {count} invisible bidi control character(s) U+{ord(char):04X}, which can reverse the order of words or digits"
    for match in _SPLIT_NUMBER.finditer(msgstr):
        if match.group() not in msgid:
            codes = " ".join(f"U+{ord(c):04X}" for c in match.group())
            yield f"an invisible character ({codes}) sits inside a number"
            break
    breaks = Counter(c for c in msgstr if c in LINE_BREAKS) - Counter(c for c in msgid if c in LINE_BREAKS)
    for char, count in sorted(breaks.items()):
        yield f"contains {count} invisible line break character(s) U+{ord(char):04X}, which start a new line in the page"
    hidden = Counter(_HIDING.findall(msgstr)) - Counter(_HIDING.findall(msgid))
    if hidden:
        yield f"contains {', '.join(sorted(hidden))}, which hides text from readers"


def placeholders(text: str) -> Counter:
    return Counter(_PERCENT.findall(text)) + Counter(_BRACE.findall(text))


def plain_text_problems(msgid: str, msgstr: str) -> Iterator[str]:
    """A value that templates insert as text: no markup characters beyond the English's,
    the same placeholders, and nothing invisible."""
    yield from invisible_problems(msgid, msgstr)
    added = Counter(c for c in msgstr if c in PLAIN_SPECIAL) - Counter(c for c in msgid if c in PLAIN_SPECIAL)
    if added:
        shown = " ".join(sorted(added))
        yield f"contains {shown}, which the English does not: this text is inserted into the page as plain text"
    source, target = placeholders(msgid), placeholders(msgstr)
    if source != target:
        missing = sorted((source - target).elements())
        extra = sorted((target - source).elements())
        parts = ([f"missing {' '.join(missing)}"] if missing else []) + ([f"adds {' '.join(extra)}"] if extra else [])
        yield f"placeholders differ from the English ({'; '.join(parts)}); a lone % must be written ٪"


#: Codes of the gate's verdicts, with what a translator does about each.
HINTS = {
    "S300": "change only the words: keep every link, mark (* ` [ ] |), code span and line break of the English, and add no HTML or {…}",
    "S302": "delete the invisible characters (retype the number or the words); the site isolates English words by itself",
    "S303": "write plain words here: no < > & \" ' ` { } \\, and the same %(…)s / {…} placeholders as the English; write a percent sign as ٪",
}
