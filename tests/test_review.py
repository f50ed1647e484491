"""Review governance: fixtures named <case>.<CODES>.md, checked as of 2026-11-24."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from doclocale.reading.page_parser import parse_page
from doclocale.reading.review import check_review, format_review_date, review_dates

from .fixture_cases import assert_report, cases

TODAY = dt.date(2026, 11, 24)
CASES = cases("review", "*.md")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_review_fixture(case: Path) -> None:
    expected = [] if case.suffixes[0] == ".none" else case.suffixes[0][1:].split("+")
    findings = list(check_review(parse_page(case.name, case.read_text()), TODAY))
    assert sorted(f.code for f in findings) == sorted(expected), [f.format() for f in findings]
    assert_report(case, findings)


def test_persian_dates_are_solar_hijri_with_persian_digits() -> None:
    assert format_review_date(dt.date(2026, 11, 20), "fa") == "۲۹ آبان ۱۴۰۵"
    assert format_review_date(dt.date(2027, 3, 21), "fa") == "۱ فروردین ۱۴۰۶"
    assert format_review_date(dt.date(2026, 11, 20), "en") == "November 20, 2026"


def test_review_dates_keep_iso_for_the_time_element() -> None:
    dates = review_dates(
        {"reviewed_by": "pending", "last_reviewed": dt.date(2026, 11, 20), "next_review": "2027-11-20"}, "fa"
    )
    assert dates.pending and dates.last_iso == "2026-11-20" and dates.next_text == "۲۹ آبان ۱۴۰۶"


def test_guide_footer_in_both_languages(built_site: Path) -> None:
    persian = (built_site / "fa/guides/microneedling/index.html").read_text(encoding="utf-8")
    english = (built_site / "guides/microneedling/index.html").read_text(encoding="utf-8")
    assert '<time datetime="2026-12-05">۱۴ آذر ۱۴۰۵</time>' in persian
    assert '<time datetime="2026-12-05">December 5, 2026</time>' in english
    assert "Medical review pending" in english and "بازبینی پزشکی هنوز انجام نشده است" in persian
    # No review happened: the date is the page's last update, never a review date or a next review.
    assert "Page last updated" in english and "آخرین به‌روزرسانی این صفحه" in persian
    assert "Page last reviewed" not in english and "Next review due" not in english
    assert "آخرین بازبینی" not in persian and "بازبینی بعدی" not in persian
    assert "guide-disclaimer" in english and "جای توصیهٔ پزشک خودتان را نمی‌گیرد" in persian


READABILITY = cases("readability", "*.md")


@pytest.mark.parametrize("case", READABILITY, ids=[c.name for c in READABILITY])
def test_english_readability_fixture(case: Path) -> None:
    from doclocale.checks.readability import check_english_readability

    expected = [] if case.suffixes[0] == ".none" else case.suffixes[0][1:].split("+")
    findings = list(check_english_readability(parse_page(case.name, case.read_text())))
    assert [f.code for f in findings] == expected, [f.format() for f in findings]
    for finding in findings:
        assert "grade" in finding.message and "hardest sentences" in finding.message
    assert_report(case, findings)


def test_a_section_index_under_guides_is_not_a_guide() -> None:
    from doclocale.reading.review import is_guide

    assert is_guide("guides/microneedling.md") and is_guide("guides/skin/acne.md")
    assert not is_guide("guides/index.md") and not is_guide("guides/skin/index.md") and not is_guide("about.md")


def test_a_reviewed_guide_names_its_reviewer_and_dates_in_both_languages(project: Path) -> None:
    """The other state of the footer: a doctor reviewed the page (a fixture name, never published)."""
    from doclocale.cli import main

    page = project / "docs/en/guides/microneedling.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace("reviewed_by: pending", "reviewed_by: Dr. Test Reviewer").replace(
        "last_updated: 2026-12-05", "last_reviewed: 2026-12-05"
    )
    page.write_text(text, encoding="utf-8")
    import os

    os.environ["DOCLOCALE_HANDOUTS"] = "false"
    try:
        assert main(["--config", str(project / "mkdocs.yml"), "build"]) == 0
    finally:
        del os.environ["DOCLOCALE_HANDOUTS"]
    english = (project / "site/guides/microneedling/index.html").read_text(encoding="utf-8")
    persian = (project / "site/fa/guides/microneedling/index.html").read_text(encoding="utf-8")
    assert "Medically reviewed by Dr. Test Reviewer" in " ".join(english.split())
    assert "Page last reviewed" in english and "Next review due" in english and "Medical review pending" not in english
    assert "آخرین بازبینی این صفحه" in persian and "۲۹ آبان ۱۴۰۶" in persian
    assert "بازبینی پزشکی هنوز انجام نشده است" not in persian
