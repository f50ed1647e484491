"""A second translator's check of a page's translation: recorded in the catalog header, stale as
soon as a translation or its English changes (not when entries move or comments change), kept by
GNU gettext, translate-toolkit and ``make update``, and told to readers on the page and on paper."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser
from translate.storage import po as toolkit_po

from doclocale.catalogs.merge import read_catalog, write_catalog
from doclocale.catalogs.po_reader import parse_catalog
from doclocale.catalogs.translation_review import CheckState, translation_check
from doclocale.cli import main
from doclocale.website.browser import CHROMIUM

from .test_handouts import words

PO = "locale/fa/LC_MESSAGES/guides/microneedling.po"
GUIDE_FA = "site/fa/guides/microneedling/index.html"
NOT_CHECKED_CODES = ("C106", "C107")  # not checked; changed since the check
NOT_CHECKED = "این ترجمه هنوز به دست مترجم دوم بازبینی نشده است."


def run(root: Path, *args: str) -> int:
    return main(["--config", str(root / "mkdocs.yml"), *args])


def record(root: Path, by: str = "Sara Ahmadi", date: str = "2026-12-01") -> int:
    return run(root, "review-translation", "fa", "guides/microneedling", "--by", by, "--date", date)


def swap_two_entries(text: str) -> str:
    blocks = text.split("\n\n")
    blocks[3], blocks[4] = blocks[4], blocks[3]  # two entries of the page (block 0 is the header)
    return "\n\n".join(blocks)


@pytest.mark.parametrize(
    ("edit", "state"),
    [
        (lambda t: t.replace('msgstr "نکته‌های اصلی"', 'msgstr "نکته‌های مهم"'), CheckState.CHANGED),
        (lambda t: t.replace('msgid "Key points"', 'msgid "Main points"'), CheckState.CHANGED),
        (swap_two_entries, CheckState.CHECKED),
        (
            lambda t: t.replace("#. call-out box title (tip)", "# a note\n#. call-out box title (tip)", 1),
            CheckState.CHECKED,
        ),
    ],
    ids=["a-translation-changed", "its-english-changed", "entries-reordered", "a-comment-added"],
)
def test_only_a_changed_translation_or_english_makes_the_check_stale(project: Path, edit, state) -> None:
    assert record(project) == 0
    text = (project / PO).read_text(encoding="utf-8")
    edited = edit(text)
    assert edited != text, "the edit must change the file"
    check = translation_check(parse_catalog(PO, edited.encode(), "fa"))
    assert check.state is state and check.by == "Sara Ahmadi"


def test_the_record_survives_msgcat_translate_toolkit_and_an_update(project: Path) -> None:
    assert record(project) == 0
    path = project / PO
    for tool in (
        lambda: subprocess.run(["msgcat", "-o", str(path), str(path)], check=True),
        lambda: path.write_bytes(bytes(toolkit_po.pofile(path.read_bytes()))),
        lambda: run(project, "update"),
    ):
        tool()
        assert translation_check(read_catalog(path)).state is CheckState.CHECKED


def test_a_page_not_fully_translated_cannot_be_recorded(project: Path, capsys) -> None:
    catalog = read_catalog(project / PO)
    catalog.get("Key points").string = ""
    write_catalog(project / PO, catalog)
    assert record(project) == 2
    assert "1 entries are not translated or still fuzzy (first: 'Key points')" in capsys.readouterr().err
    assert translation_check(read_catalog(project / PO)).state is CheckState.NOT_CHECKED


WORKFLOW = Path(__file__).resolve().parent.parent / ".github/workflows/record-translation-check.yml"


def run_workflow_step(project: Path, language: str, page: str, by: str) -> subprocess.CompletedProcess:
    """The workflow's "Record the check" step, run by bash as the runner runs it, inputs in the environment."""
    import yaml

    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["record"]["steps"]
    step = next(step for step in steps if step.get("name") == "Record the check")
    assert set(step["env"].values()) == {"${{ inputs.language }}", "${{ inputs.page }}", "${{ inputs.checked_by }}"}
    inputs = {"${{ inputs.language }}": language, "${{ inputs.page }}": page, "${{ inputs.checked_by }}": by}
    env = {**os.environ, **{name: inputs[value] for name, value in step["env"].items()}}
    command = step["run"].replace(".venv/bin/python", shlex.quote(sys.executable))
    assert "${{" not in command, "inputs reach the shell through the environment only"
    return subprocess.run(["bash", "-c", command], cwd=project, env=env, capture_output=True, text=True)


@pytest.mark.parametrize(
    ("page", "by", "exit_code", "said"),
    [
        ("guides/microneedling", "Sara Ahmadi", 0, "translation checked by Sara Ahmadi"),
        ("guides/microneedling", "$(touch pwned) `touch pwned`", 0, "translation checked by $(touch pwned)"),
        ("../../../etc/passwd", "Sara Ahmadi", 2, "'../../../etc/passwd' is not a translated page of this site"),
        ("guides/nothing", "Sara Ahmadi", 2, "'guides/nothing' is not a translated page of this site"),
    ],
    ids=["a-page", "a-name-that-looks-like-shell", "a-path-outside", "a-page-that-does-not-exist"],
)
def test_a_translator_records_a_check_from_the_browser(project: Path, page: str, by: str, exit_code: int, said: str):
    before = (project / PO).read_bytes()
    result = run_workflow_step(project, "fa", page, by)
    assert result.returncode == exit_code, result.stderr
    assert said in result.stdout + result.stderr
    assert not (project / "pwned").exists()
    check = translation_check(read_catalog(project / PO))
    if exit_code:
        assert (project / PO).read_bytes() == before
    else:
        assert check.state is CheckState.CHECKED and check.by == by


#: Each word's centre on the screen, inside the footer that says who checked the translation.
CENTRES = """(words) => {
  const box = document.querySelector('.translation-check');
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  const found = {};
  let node;
  while ((node = walker.nextNode())) {
    for (const word of words) {
      const at = node.data.indexOf(word);
      if (at < 0 || word in found) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + word.length);
      const rect = range.getBoundingClientRect();
      found[word] = rect.left + rect.width / 2;
    }
  }
  return found;
}"""


def from_the_right(html: str, words: list[str]) -> list[str]:
    """The words as a reader of right-to-left text meets them, laid out by Chromium."""
    from doclocale.website.browser import launch_browser

    with launch_browser() as browser:
        page = browser.new_page(viewport={"width": 1200, "height": 800})
        page.set_content(html)
        centres = page.evaluate(CENTRES, words)
    return sorted(centres, key=lambda word: -centres[word])


@pytest.mark.skipif(  # in CI (CI set) a missing browser fails the test instead: it must run there
    not Path(CHROMIUM).exists() and not os.environ.get("CI"),
    reason="Chromium is not installed (apt-get install chromium)",
)
def test_readers_are_told_who_checked_the_translation_on_the_page_and_on_paper(project: Path, capsys) -> None:
    assert run(project, "build") == 0  # the bundled guide: honestly not checked
    footer = LexborHTMLParser((project / GUIDE_FA).read_text(encoding="utf-8")).css_first(".translation-check")
    assert footer.text(strip=True) == NOT_CHECKED
    for page in ("site/fa/index.html", "site/fa/about/index.html"):  # every translated page says it
        other = LexborHTMLParser((project / page).read_text(encoding="utf-8")).css_first(".translation-check")
        assert other.text(strip=True) == NOT_CHECKED, page
    assert main(["--config", str(project / "mkdocs.yml"), "check", "--no-site"]) == 0
    assert f"{PO}:1: {NOT_CHECKED_CODES[0]} warning: no second translator has checked" in capsys.readouterr().out

    assert record(project) == 0
    assert run(project, "status") == 0
    assert "checked by Sara Ahmadi on 2026-12-01" in capsys.readouterr().out
    assert run(project, "build") == 0
    footer = LexborHTMLParser((project / GUIDE_FA).read_text(encoding="utf-8")).css_first(".translation-check")
    assert " ".join(footer.text().split()) == "بازبینی ترجمه: \u2068Sara Ahmadi\u2069 · ۱۰ آذر ۱۴۰۵"
    html = (project / GUIDE_FA).read_text(encoding="utf-8")
    in_order = ["ترجمه:", "Sara", "۱۰", "آذر", "۱۴۰۵"]  # right to left on the screen
    assert from_the_right(html, in_order) == in_order
    bare = html.replace("&#x2068;", "").replace("&#x2069;", "")  # the check can fail: without the isolate
    assert from_the_right(bare, in_order) == ["ترجمه:", "۱۰", "Sara", "آذر", "۱۴۰۵"]
    pdf = project / "site/fa/guides/microneedling/microneedling-fa.pdf"
    printed = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert {"بازبینی", "ترجمه", "آذر"} <= set(words(printed)) and "Sara Ahmadi" in printed
    english = LexborHTMLParser((project / "site/guides/microneedling/index.html").read_text(encoding="utf-8"))
    assert english.css_first(".translation-check") is None  # the English page is not a translation

    catalog = read_catalog(project / PO)  # a translation changes after the check
    catalog.get("Key points").string = "نکته‌های مهم"
    write_catalog(project / PO, catalog)
    capsys.readouterr()
    assert main(["--config", str(project / "mkdocs.yml"), "check", "--no-site"]) == 0
    changed = "C107"
    assert (
        f"{changed} warning: the translation or its English changed after Sara Ahmadi's check"
        in capsys.readouterr().out
    )
    assert run(project, "build") == 0
    footer = LexborHTMLParser((project / GUIDE_FA).read_text(encoding="utf-8")).css_first(".translation-check")
    assert footer.text(strip=True) == NOT_CHECKED


def test_a_release_can_require_checked_translations(project: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("DOCLOCALE_HANDOUTS", "false")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("      handouts:", "      require_translation_review: true\n      handouts:")
    )
    assert run(project, "build", "--strict") == 1
    assert f"{PO}:1: C106 warning" in capsys.readouterr().err
    assert record(project) == 0
    assert run(project, "build", "--strict") == 0
