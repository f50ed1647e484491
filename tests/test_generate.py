"""Generator fixtures: tests/fixtures/generate/<case>.md is an English page followed by
``<!-- translations`` (YAML: English -> translation, or {fuzzy: …} / {refused: …}) ``-->``;
<case>.expected is the Persian page the generator must write, then its counts.

`UPDATE_REPORTS=1` rewrites the expected files (review the diff: it is what readers get)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from doclocale.reading.page_parser import parse_page
from doclocale.translating.substitute import render_page

CASES = sorted((Path(__file__).parent / "fixtures" / "generate").glob("*.md"))


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


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_generated_page_is_the_expected_page(case: Path) -> None:
    expected_file = case.with_suffix(".expected")
    actual = generate(case)
    if os.environ.get("UPDATE_REPORTS"):
        expected_file.write_text(actual, encoding="utf-8")
    assert actual == expected_file.read_text(encoding="utf-8")


def test_every_page_state_has_a_fixture() -> None:
    states = {generate(case).rsplit("state=", 1)[1].split()[0] for case in CASES}
    assert states == {"complete", "partial", "untranslated"}
