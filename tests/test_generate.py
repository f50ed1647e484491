"""Generator fixtures: tests/fixtures/generate/<case>.md is an English page followed by
``<!-- translations`` (YAML: English -> translation, or {fuzzy: …} / {refused: …}) ``-->``;
<case>.md.report is the Persian page the generator must write, then its counts.

`UPDATE_REPORTS=1` rewrites the reports (review the diff: it is what readers get)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from doclocale.reading.page_parser import parse_page
from doclocale.translating.substitute import render_page

from .fixture_cases import assert_report, cases, each_case

CASES = cases("generate", "*.md")


@dataclass
class Message:
    string: str
    fuzzy: bool = False


def generate(case: Path) -> str:
    source, _, rest = case.read_text(encoding="utf-8").partition("<!-- translations\n")
    table = yaml.safe_load(rest.removesuffix("-->\n")) or {}
    page = parse_page(f"docs/en/{case.name}", source)
    messages, refused = {}, set()
    for segment in page.segments:
        value = table.get(segment.text)
        if isinstance(value, dict):
            messages[segment.key] = Message(value.get("fuzzy") or value["refused"], "fuzzy" in value)
            if "refused" in value:
                refused.add(segment.key)
        elif value is not None:
            messages[segment.key] = Message(value)
    rendered = render_page(page, messages, page=case.name, refused=refused)
    counts = (
        f"page={rendered.page} translated={rendered.translated} outdated={rendered.outdated} missing={rendered.missing} "
        f"state={rendered.state.value} pending={list(rendered.pending)}"
    )
    return f"{rendered.text}\n<!-- {counts} -->\n"


@each_case("generate", "*.md")
def test_generated_page_is_the_expected_page(case: Path) -> None:
    assert_report(case, generate(case))


def test_every_page_state_has_a_fixture() -> None:
    states = {generate(case).rsplit("state=", 1)[1].split()[0] for case in CASES}
    assert states == {"complete", "partial", "untranslated"}
