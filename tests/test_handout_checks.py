"""The handout checks on their own, without building a site: which PDF a built page links to, the
catalog a page comes from, and L914 (a sheet of more than two sides) on the entry that grew most."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfWriter

from doclocale.catalogs.merge import read_catalog
from doclocale.checks.handouts import _domain_of, check_handout_sides, grown_most, handout_of, oversized
from doclocale.model import Finding, Location, Severity

GUIDE = "locale/fa/LC_MESSAGES/guides/microneedling.po"
PRINT = '<html><body><article><p class="guide-print"><a href="{href}">Print</a></p></article></body></html>'


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (PRINT.format(href="microneedling-fa.pdf"), "site/fa/g/microneedling-fa.pdf"),
        ('<p class="guide-print">Print this page</p>', None),  # the print block without a link
        ("<p>No handout here</p>", None),
    ],
    ids=["a-guide", "no-link", "no-print-block"],
)
def test_the_handout_is_the_pdf_the_page_links_to(html: str, expected: str | None) -> None:
    found = handout_of(Path("site/fa/g/index.html"), html)
    assert (found.as_posix() if found else None) == expected


@pytest.mark.parametrize(
    ("page", "language", "domain"),
    [
        ("fa/guides/microneedling/index.html", "fa", "guides/microneedling"),
        ("guides/microneedling/index.html", "en", "guides/microneedling"),
        ("fa/index.html", "fa", "index"),
        ("fa/about.html", "fa", "about"),
    ],
)
def test_a_built_page_names_its_catalog(page: str, language: str, domain: str) -> None:
    assert _domain_of(page, language) == domain


def test_the_entry_that_grew_most_is_found_on_its_line(settings) -> None:
    catalog = read_catalog(settings.root / GUIDE)
    growth, line, msgid = max(
        (len(str(m.string)) - len(str(m.id)), m.lineno, str(m.id)) for m in catalog if m.id and m.string
    )
    assert growth > 0  # the longest beyond its English; the later entry when two grew as much
    assert grown_most(settings, "fa", "guides/microneedling") == (Location(GUIDE, line), msgid)
    assert grown_most(settings, "fa", "guides/nothing") is None  # no catalog: nothing to point at


def test_a_sheet_too_long_in_persian_only_is_the_translators_on_the_entry(settings) -> None:
    found = oversized(settings, "fa", "fa/guides/microneedling/index.html", "microneedling-fa.pdf", 3, 2)
    where, msgid = grown_most(settings, "fa", "guides/microneedling")
    assert (found.location, found.code, found.severity, found.hint) == (
        where,
        "L914",
        Severity.ERROR,
        "shorten this translation to what the English says",
    )
    assert found.message == (
        "the Persian handout microneedling-fa.pdf takes 3 A4 sides, the English 2"
        " (a handout is one sheet, 2 sides); this entry grew the page most"
    )
    assert msgid.startswith(found.excerpt.rstrip("…"))


def test_a_sheet_too_long_in_english_is_the_editors(settings) -> None:
    assert oversized(settings, "fa", "fa/guides/microneedling/index.html", "microneedling-fa.pdf", 4, 3) == Finding(
        Location("site/fa/guides/microneedling/index.html"),
        "L914",
        Severity.WARNING,
        "the Persian handout microneedling-fa.pdf takes 4 A4 sides (a handout is one sheet, 2 sides)",
        "shorten the guide, or split it into two guides",
    )


def pdf_of(pages: int) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def built_copy(folder: Path, language: str, pdf_pages: int | None) -> tuple[str, str, Path]:
    """A built guide page in ``language`` that links to a handout of ``pdf_pages`` pages (None: no PDF)."""
    page_path = ("" if language == "en" else f"{language}/") + "guides/microneedling/index.html"
    file = folder / page_path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(PRINT.format(href=f"microneedling-{language}.pdf"), encoding="utf-8")
    if pdf_pages is not None:
        (file.parent / f"microneedling-{language}.pdf").write_bytes(pdf_of(pdf_pages))
    return language, page_path, file


@pytest.mark.parametrize(
    ("english", "persian", "expected"),
    [
        (2, 2, []),
        (2, 3, [("fa", Severity.ERROR)]),  # only the translation grew: on its entry
        (3, 3, [("en", Severity.WARNING), ("fa", Severity.WARNING)]),  # the English is too long: the editor's
        (None, 3, [("fa", Severity.ERROR)]),  # no English handout: judged as if the English fitted
        (2, None, []),  # no Persian handout built: nothing to measure
    ],
    ids=["both-fit", "persian-grew", "english-too-long", "no-english-pdf", "no-persian-pdf"],
)
def test_each_copy_of_a_guide_is_measured_against_the_english(settings, tmp_path, english, persian, expected) -> None:
    copies = [built_copy(tmp_path, "en", english), built_copy(tmp_path, "fa", persian)]
    found = list(check_handout_sides(settings, copies))
    assert [
        ("fa" if f.location.path.startswith(("locale/fa", "site/fa")) else "en", f.severity) for f in found
    ] == expected
