"""Prose inside raw HTML is translated, and a translation there may change only words.

tests/fixtures/raw_html/<case>.yml sets one message of tests/fixtures/extract/raw-html.md
(msgid, msgstr); <case>.yml.report is the refusal as `make check` prints it (none: published). Every other message is translated
by the letter-changing transform, which keeps the markup: the page passes the oracle.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from babel.messages.catalog import Message

from doclocale.reading.page_parser import parse_page
from doclocale.testing.oracle import judge
from doclocale.translating.gate import gate_page
from doclocale.translating.generation import refusal_finding
from doclocale.translating.renderer import load_renderer

from .fixture_cases import assert_report, each_case

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "tests/fixtures/extract/raw-html.md"
RENDER = load_renderer(ROOT / "mkdocs.yml")


def test_a_page_with_prose_in_raw_html_is_translated_whole() -> None:
    verdict = judge(PAGE.name, PAGE.read_text(encoding="utf-8"), RENDER)
    assert verdict.outcome == "passed", verdict.problems


@each_case("raw_html", "*.yml")
def test_a_translation_inside_raw_html_changes_only_words(case: Path) -> None:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    source = parse_page(PAGE.name, PAGE.read_text(encoding="utf-8"))
    keys = [segment.key for segment in source.segments if segment.text == spec["msgid"]]
    assert keys, f"fixture out of date: {spec['msgid']!r} is not a message of {PAGE.name}"
    messages = {keys[0]: Message(spec["msgid"], spec["msgstr"], lineno=7)}
    gated = gate_page(source, messages, RENDER, page=PAGE.name)
    assert all(refusal.key == keys[0] for refusal in gated.refusals), gated.refusals
    assert_report(case, [refusal_finding("raw-html.po", refusal) for refusal in gated.refusals])
    if not gated.refusals:
        assert spec["msgstr"].split("<")[0][:4] in gated.page.text
