"""What a build prints is what its user needs: the counts per language, refusals and pages not
fully translated, where the site is. No object reprs or CSS-parsing lines from the PDF layout,
no progress lines naming the temporary folder a build is staged in, and a failure said once."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from doclocale.catalogs.merge import read_catalog, write_catalog

ROOT = Path(__file__).resolve().parent.parent
#: Every line a successful build of the bundled site may print.
EXPECTED = (
    r"docs/fa: \d+ pages rendered, \d+ reused \(inputs unchanged\), \d+ changed",
    r"search index: \d+ pages",
    r"handouts: \d+ PDFs, \d+ rendered \(page changed\), the others reused",
    r"built site/ \(en, fa\)",
)


def console(project: Path, *args: str) -> tuple[int, list[str]]:
    result = subprocess.run(
        [sys.executable, "-m", "doclocale", "--config", str(project / "mkdocs.yml"), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    return result.returncode, (result.stdout + result.stderr).splitlines()


def test_a_build_prints_only_what_its_user_needs(project: Path) -> None:
    code, lines = console(project, "build")
    assert code == 0
    assert [line for line in lines if not any(re.fullmatch(pattern, line) for pattern in EXPECTED)] == []
    assert any(line.startswith("handouts: ") for line in lines)  # the PDF layout ran, and said nothing


def test_verbose_shows_what_mkdocs_says(project: Path) -> None:
    code, lines = console(project, "--verbose", "build")
    assert code == 0 and any("Building documentation to directory" in line for line in lines)


def test_a_failed_release_build_says_why_once(project: Path) -> None:
    path = project / "locale/fa/LC_MESSAGES/guides/microneedling.po"
    catalog = read_catalog(path)
    catalog.get("small wrinkles").string = "چین‌های ريز"
    write_catalog(path, catalog)
    code, lines = console(project, "build", "--strict")
    assert code == 1
    assert len([line for line in lines if " P701 error: " in line]) == 1, lines
    assert not [line for line in lines if ".site.new-" in line or "Aborted with a BuildError" in line], lines


def test_a_large_library_names_a_few_pages_not_fully_translated_and_counts_the_rest(
    project: Path, monkeypatch, caplog
) -> None:
    import logging

    import doclocale.website.page_generation as page_generation
    from doclocale.cli import main

    monkeypatch.setattr(page_generation, "MOST_PAGES_LISTED", 1)
    monkeypatch.setenv("DOCLOCALE_HANDOUTS", "false")
    for page, msgid in (("about", "About these guides"), ("guides/microneedling", "small wrinkles")):
        path = project / f"locale/fa/LC_MESSAGES/{page}.po"
        catalog = read_catalog(path)
        catalog.get(msgid).string = ""
        write_catalog(path, catalog)
    caplog.set_level(logging.INFO)
    assert main(["--config", str(project / "mkdocs.yml"), "build"]) == 0
    said = [record.getMessage() for record in caplog.records if "not fully translated" in record.getMessage()]
    assert said == [
        "not fully translated: docs/fa/about.md: partial (2 untranslated or refused, 0 outdated messages)",
        "… and 1 more page not fully translated ('make status' lists each one; --verbose prints them here)",
    ], said
