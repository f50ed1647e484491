"""Differential tests against the reference PO tools: GNU gettext and translate-toolkit (Weblate's).

- Every catalog is a fixed point of `msgcat` and of a translate-toolkit round trip, and
  passes `msgfmt --check`; after either round trip `update` changes nothing.
- An English edit gives a fuzzy entry whose previous msgid (#|) reads back exactly, and a
  second `update` changes no byte.
- tests/fixtures/po_matrix/*.po: whatever `msgfmt --check` rejects, our reader rejects with
  path:line; where our reader is stricter, the case is one of STRICTER, each for a reason.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from translate.storage import po as toolkit_po

from doclocale.catalogs.merge import parse_catalog, read_catalog
from doclocale.cli import main
from doclocale.errors import CatalogError

ROOT = Path(__file__).resolve().parent.parent
CATALOGS = sorted((ROOT / "locale").rglob("*.po")) + sorted((ROOT / "locale").glob("*.pot"))
MATRIX = sorted((Path(__file__).parent / "fixtures" / "po_matrix").glob("*.po"))
#: Files msgfmt accepts that our reader refuses, on purpose.
STRICTER = {
    "bad-crlf": "Windows line endings: editors then save mixed endings and every line shows in diffs",
    "bad-charset": "a charset other than UTF-8 cannot hold Persian text safely",
    "bad-nul": "msgfmt silently cuts the string at a NUL character",
    "bad-header-not-first": "translation tools and Babel read the first entry as the header",
    "bad-two-content-types": "msgfmt reads the first charset and Babel the last: one must be wrong",
    "bad-no-content-type": "without a charset a tool may save the file in another encoding",
    "bad-two-keywords-on-one-line": "Babel and translation tools read one keyword per line",
    "bad-comment-after-string": "Babel and translation tools read a comment only at the start of a line",
    "bad-language-not-a-code": "Babel, the site and translation tools read the language from this field",
    "bad-empty-msgid-with-context": "an entry with no English has nothing to translate; Babel reads it as a header",
    "bad-header-date": "Babel cannot read the date, so no tool built on it can open the file",
    "bad-header-field-after-a-tab": "Babel folds the line into the field above and cannot read either",
}
pytestmark = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext is not installed")


def run(project: Path, *args: str) -> int:
    return main(["--config", str(project / "mkdocs.yml"), *args])


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_catalogs_are_what_gettext_and_translate_toolkit_write(path: Path) -> None:
    data = path.read_bytes()
    assert subprocess.run(["msgcat", str(path)], capture_output=True, check=True).stdout == data
    assert bytes(toolkit_po.pofile(data)) == data
    if path.suffix == ".po":
        result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr


def test_after_msgcat_and_translate_toolkit_round_trips_update_changes_nothing(project: Path) -> None:
    for path in sorted((project / "locale").rglob("*.po")):
        subprocess.run(["msgcat", str(path), "-o", str(path)], check=True)
        path.write_bytes(bytes(toolkit_po.pofile(path.read_bytes())))
    before = {p: p.read_bytes() for p in (project / "locale").rglob("*.po*")}
    assert run(project, "update", "--check") == 0
    assert run(project, "update") == 0
    assert {p: p.read_bytes() for p in (project / "locale").rglob("*.po*")} == before


def test_an_english_edit_keeps_a_readable_previous_msgid_and_update_is_idempotent(project: Path) -> None:
    old = "These small scratches tell your skin to make more collagen. Collagen is a protein that keeps skin firm. New collagen helps your skin look fresher and feel smoother."
    new = old.replace("keeps skin firm", "keeps your skin firm")
    page = project / "docs/en/guides/microneedling.md"
    page.write_text(page.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    assert run(project, "update") == 0
    po = project / "locale/fa/LC_MESSAGES/guides/microneedling.po"
    first = po.read_bytes()
    assert run(project, "update") == 0
    assert po.read_bytes() == first
    message = read_catalog(po).get(new)
    assert message.fuzzy and message.previous_id == [old]
    assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)]).returncode == 0
    # and gettext reads the same previous msgid back
    text = subprocess.run(["msgattrib", "--only-fuzzy", str(po)], capture_output=True, text=True, check=True).stdout
    assert '#| msgid ""\n#| "These small scratches' in text


@pytest.mark.parametrize("case", MATRIX, ids=lambda p: p.stem)
def test_our_reader_rejects_what_msgfmt_rejects(case: Path) -> None:
    msgfmt_rejects = (
        subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(case)], capture_output=True).returncode != 0
    )
    try:
        parse_catalog(case.name, case.read_bytes(), "fa")
        ours = None
    except CatalogError as error:
        ours = error
    if case.stem.startswith("ok-"):
        assert not msgfmt_rejects and ours is None, ours and ours.format()
    elif msgfmt_rejects:
        assert ours is not None, "msgfmt rejects this file, our reader accepted it"
        assert ours.location.path == case.name and ours.location.line > 0 and ours.hint
    else:
        assert ours is not None and case.stem in STRICTER, "a bad- case both accept: make it an ok- case"


def test_the_matrix_covers_at_least_twenty_malformed_files() -> None:
    assert len([case for case in MATRIX if case.stem.startswith("bad-")]) >= 20


def test_a_fuzzy_entry_whose_msgid_a_translator_edited_merges(project: Path) -> None:
    """The edited entry becomes obsolete with its #| line written as gettext writes it (#~|);
    before, msgcat refused the catalog ("inconsistent use of #~") and update stopped."""
    old, new = (
        "Most people can go back to work about an hour later.",
        "Most people can go back to work about one hour later.",
    )
    page = project / "docs/en/guides/microneedling.md"
    page.write_text(page.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    assert run(project, "update") == 0
    po = project / "locale/fa/LC_MESSAGES/guides/microneedling.po"
    po.write_text(po.read_text(encoding="utf-8").replace(f'msgid "{new}"', 'msgid "Most people return after an hour."'))
    assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)]).returncode == 0
    assert run(project, "update") == 0
    text = po.read_text(encoding="utf-8")
    assert '#~| msgid "Most people can go back to work about an hour later."' in text
    assert '#~ msgid "Most people return after an hour."' in text  # the translator's text is kept
    assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)]).returncode == 0
    assert read_catalog(po).get(new).fuzzy
    first = po.read_bytes()
    assert run(project, "update") == 0 and po.read_bytes() == first


def test_a_catalog_update_cannot_read_is_left_as_it_is_and_the_others_are_merged(project: Path, capsys) -> None:
    broken = project / "locale/fa/LC_MESSAGES/about.po"
    broken.write_text(broken.read_text(encoding="utf-8") + '\nmsgid "x"\n', encoding="utf-8")
    damaged = broken.read_bytes()
    page = project / "docs/en/guides/microneedling.md"
    page.write_text(page.read_text(encoding="utf-8").replace("about an hour later", "about one hour later"))
    assert run(project, "update") == 2
    err = capsys.readouterr().err
    assert "locale/fa/LC_MESSAGES/about.po:" in err and "missing msgstr" in err
    assert broken.read_bytes() == damaged
    guide = read_catalog(project / "locale/fa/LC_MESSAGES/guides/microneedling.po")
    assert guide.get("Most people can go back to work about one hour later.").fuzzy
