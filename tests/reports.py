"""Expected reports beside fixtures: a fixture's findings, formatted as `make check` prints them.

The codes alone would let a wrong message, hint, line or severity through; the report is what a
translator or editor reads. `UPDATE_REPORTS=1 .venv/bin/python -m pytest tests/…` rewrites the
files (review the diff before committing: it is the product's wording).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from doclocale.model import Finding


def report_text(findings: Iterable[Finding]) -> str:
    lines = [finding.format() + (" [silenced]" if finding.suppressed else "") for finding in findings]
    return "\n".join(sorted(lines)) + "\n" if lines else ""


def assert_report(fixture: Path, findings: Iterable[Finding]) -> None:
    expected_file = fixture.with_name(fixture.name + ".report")
    actual = report_text(findings)
    if os.environ.get("UPDATE_REPORTS"):
        if actual:
            expected_file.write_text(actual, encoding="utf-8")
        else:
            expected_file.unlink(missing_ok=True)
    expected = expected_file.read_text(encoding="utf-8") if expected_file.exists() else ""
    assert actual == expected, f"{fixture.name}: report differs from {expected_file.name}"
