"""Page parity fixtures: tests/fixtures/parity/<case>.<CODE|none>.md, the English page, then
'<!-- generated -->', then a generated page; the check must report exactly CODE (or nothing)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from doclocale.checks.parity import check_page_parity
from doclocale.reading.page_parser import parse_page

from .fixture_cases import assert_report, cases

CASES = cases("parity", "*.md")


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_parity_fixture(case: Path) -> None:
    english, generated = case.read_text(encoding="utf-8").split("<!-- generated -->\n")
    page = parse_page("docs/en/page.md", english)
    findings = list(check_page_parity(page, generated, "docs/fa/page.md"))
    # The English outline read from the parser's tokens judges as the page's Markdown parsed again would.
    assert findings == list(check_page_parity(replace(page, outline=None), generated, "docs/fa/page.md"))
    expected = case.stem.rsplit(".", 1)[1]
    assert [f.code for f in findings] == ([] if expected == "none" else [expected]), [f.format() for f in findings]
    assert all(f.location.path == "docs/fa/page.md" and f.hint for f in findings)
    assert_report(case, findings)
