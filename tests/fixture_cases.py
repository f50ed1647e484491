"""The one fixture format: ``tests/fixtures/<family>/<case>`` is the input, and ``<case>.report``
beside it is what the code under test prints for it, compared whole.

The input is whatever the family reads (a PO file, an English page, a YAML pair of HTML
fragments); the report is the text a translator or editor reads: findings formatted as
``make check`` prints them, a rule's problems one per line, the page the generator writes. A
case that must pass has no report (its name says ``.none`` or ``-pass``). ``UPDATE_REPORTS=1
.venv/bin/python -m pytest tests/…`` rewrites the reports: review the diff before committing,
it is the product's wording.

The scenario families (``hostile/``, ``bad_input/``) edit a copy of the real project and
judge the outcome on the built site or a command's exit; their expectations stay in the
case, since the real catalogs' other findings and line numbers change with every edit.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

import pytest

from doclocale.model import Finding

FIXTURES = Path(__file__).parent / "fixtures"
#: A finding code as a report prints it: ``path:line CODE severity:``.
REPORTED_CODE = re.compile(r" ([A-Z]\d{3}) (?:error|warning|info):")


def cases(family: str, pattern: str = "*") -> list[Path]:
    """The inputs of one family, in a stable order (reports are not inputs)."""
    return sorted(p for p in (FIXTURES / family).glob(pattern) if p.suffix != ".report")


def each_case(family: str, pattern: str = "*"):
    """``@each_case("structure", "*.yml")``: the test runs once per input, named by its file."""
    found = cases(family, pattern)
    return pytest.mark.parametrize("case", found, ids=[case.name for case in found])


def report_of(case: Path) -> Path:
    return case.with_name(case.name + ".report")


def report_text(findings: Iterable[Finding]) -> str:
    """Findings as ``make check`` prints them, sorted (the order of checks is not the product)."""
    lines = [finding.format() + (" [silenced]" if finding.suppressed else "") for finding in findings]
    return "\n".join(sorted(lines)) + "\n" if lines else ""


def lines_text(lines: Iterable[str]) -> str:
    """A report of plain lines, in order (no report at all when there are none)."""
    found = list(lines)
    return "\n".join(found) + "\n" if found else ""


def assert_report(case: Path, actual: str | Iterable[Finding]) -> None:
    """``actual`` (text, or findings) must be ``<case>.report``, whole; no report means nothing printed."""
    text = actual if isinstance(actual, str) else report_text(actual)
    expected_file = report_of(case)
    if os.environ.get("UPDATE_REPORTS"):
        if text:
            expected_file.write_text(text, encoding="utf-8")
        else:
            expected_file.unlink(missing_ok=True)
    expected = expected_file.read_text(encoding="utf-8") if expected_file.exists() else ""
    assert text == expected, f"{case.name}: output differs from {expected_file.name}:\n{text}"


def reported_codes(case: Path) -> set[str]:
    """The finding codes a case's report holds."""
    report = report_of(case)
    return set(REPORTED_CODE.findall(report.read_text(encoding="utf-8"))) if report.exists() else set()
