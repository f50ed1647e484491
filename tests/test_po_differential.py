"""Random damage to the real catalogs: our reader's verdict equals ``msgfmt --check``'s.

Each example deletes, doubles or swaps lines of a real catalog, or inserts a stray quote,
backslash, keyword, obsolete or previous-msgid line, control or invisible character, and
asks both GNU msgfmt and our reader. Whatever msgfmt rejects, we reject with ``path:line``;
where we reject what msgfmt accepts, the reason is one of ``STRICTER`` (the same cases as
the hand-written matrix in tests/fixtures/po_matrix). Nothing may raise anything else.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doclocale.catalogs.merge import parse_catalog
from doclocale.errors import CatalogError

ROOT = Path(__file__).resolve().parent.parent
CATALOGS = [ROOT / "locale/fa/LC_MESSAGES/guides/microneedling.po", ROOT / "locale/fa/LC_MESSAGES/_site.po"]
INSERTS = [
    '"',
    "\\",
    'msgstr ""',
    'msgid ""',
    'msgid "x"',
    '#~ msgid "x"',
    '#~ msgstr "y"',
    'msgctxt "c"',
    '#| msgctxt "c"',
    '#| msgid "z"',
    '# a "" comment',
    '"\u200b"',
    '"\x07"',
    "#, fuzzy",
    'msgstr[0] "a"',
    'msgid_plural "p"',
    '""',
    '"a" "b"',
    'msgid "a" "b"',
    "#~ #. old note",
]
CHARACTERS = ['"', "\\", "\t", "\x01", "#~ ", " ", "\u2028", "\u200f"]
#: What our reader refuses although msgfmt accepts it, by a word of our message: on purpose.
STRICTER = {
    "has no 'Content-Type": "without a charset a tool may save the file in another encoding",
    "twice": "two values for one header field: msgfmt reads the first, Babel the last",
    "must begin with the header": "translation tools and Babel read the first entry as the header",
    "Plural-Forms is": "the plural rule of the language, as Babel and the site's templates use it",
    "on one line": "Babel and translation tools read one keyword per line",
    "on the same line": "Babel and translation tools read a comment only at the start of a line",
    "not a language code": "Babel, the site and translation tools read the language from this field",
    "empty msgid after the header": "an entry with no English has nothing to translate; Babel reads it as a header",
    "in the header cannot be read": "Babel cannot read the value, so no tool built on it can open the file",
    "starts with a space or a tab": "Babel folds the line into the field above and cannot read either",
    "charset is": "a charset other than UTF-8 cannot hold Persian text safely",
}
pytestmark = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext is not installed")


@st.composite
def damaged(draw) -> tuple[str, str]:
    path = draw(st.sampled_from(CATALOGS))
    lines = path.read_text(encoding="utf-8").split("\n")
    done = []
    for _ in range(draw(st.integers(1, 2))):
        i = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["delete", "double", "swap", "insert", "character"]))
        if kind == "delete":
            del lines[i]
        elif kind == "double":
            lines.insert(i, lines[i])
        elif kind == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        elif kind == "insert":
            lines.insert(i, draw(st.sampled_from(INSERTS)))
        elif kind == "character" and lines[i]:
            j = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:j] + draw(st.sampled_from(CHARACTERS)) + lines[i][j:]
        done.append(f"{kind} at line {i + 1}")
    return "\n".join(lines), ", ".join(done)


def msgfmt_accepts(text: str) -> bool:
    with tempfile.NamedTemporaryFile("w", suffix=".po", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        return (
            subprocess.run(["msgfmt", "--check", "-o", "/dev/null", handle.name], capture_output=True).returncode == 0
        )


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(case=damaged())
def test_our_verdict_on_a_damaged_catalog_is_msgfmts(case: tuple[str, str]) -> None:
    text, damage = case
    try:
        parse_catalog("damaged.po", text.encode("utf-8"), "fa")
        ours = None
    except CatalogError as error:
        ours = error
    theirs = msgfmt_accepts(text)
    if not theirs:
        assert ours is not None, f"msgfmt rejects, we accepted ({damage})"
        assert ours.location.path == "damaged.po" and ours.location.line > 0 and ours.hint
    elif ours is not None:
        assert any(word in ours.message for word in STRICTER), (
            f"we reject what msgfmt accepts ({damage}): {ours.format()}"
        )
