"""A release build and ``make check`` never disagree about a translator's file: every error the
catalog checks report stops the release build, named the same way (``po-path:line: CODE error``),
while a preview build publishes the page with the entries in English."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

from doclocale.catalogs.merge import read_catalog, write_catalog
from doclocale.cli import main

GUIDE = "locale/fa/LC_MESSAGES/guides/microneedling.po"
ERROR_LINE = re.compile(r"^(locale/\S+:\d+): ([A-Z]\d{3}) error", re.MULTILINE)


@pytest.fixture
def quick(project: Path, monkeypatch) -> Path:
    monkeypatch.setenv("DOCLOCALE_HANDOUTS", "false")
    return project


def run(root: Path, *args: str) -> int:
    return main(["--config", str(root / "mkdocs.yml"), *args])


def test_every_catalog_error_of_check_stops_the_release_build(quick: Path, capsys, caplog) -> None:
    catalog = read_catalog(quick / GUIDE)
    edits = {
        "small wrinkles": "چین و چروک‌های ريز",  # Arabic yeh (P7xx)
        "acne scars, and acne at times when you have no active pimples": "آکنه و جای جوش ☤",  # a letter the handout font cannot print (L915)
        "skin that looks dull or tired": "پوستی که کدر یا خسته به نظر می‌رسد. " * 20,  # out of proportion (L916)
    }
    for msgid, msgstr in edits.items():
        catalog.get(msgid).string = msgstr
    write_catalog(quick / GUIDE, catalog)

    assert run(quick, "check") == 1
    checked = set(ERROR_LINE.findall(capsys.readouterr().out))
    assert {code for _, code in checked} >= {"P701", "L915", "L916"}, checked

    assert run(quick, "build", "--strict") == 1
    released = set(ERROR_LINE.findall(capsys.readouterr().err))
    assert released == checked

    caplog.set_level(logging.INFO)
    assert run(quick, "build") == 0  # a preview still publishes every page


def test_a_clean_catalog_passes_both(quick: Path, capsys) -> None:
    assert run(quick, "build", "--strict") == 0
    assert ERROR_LINE.findall(capsys.readouterr().err) == []


def test_a_translation_that_no_longer_fits_the_sheet_stops_the_release_build(project: Path, capsys) -> None:
    """Every plain-words translation of the guide written twice over: no entry is out of proportion, yet the
    Persian sheet grows past two sides while the English fits; the release build names the entry
    that grew most, as ``make check`` does (L914)."""
    catalog = read_catalog(project / GUIDE)
    for message in catalog:
        if message.id and message.string and not set(str(message.id)) & set("*_[]`<>!#|{}:0123456789"):  # words only
            message.string = f"{message.string} {message.string}"
    write_catalog(project / GUIDE, catalog)
    assert run(project, "build", "--strict") == 1
    err = capsys.readouterr().err
    assert re.search(
        rf"^{GUIDE}:\d+: L914 error: the Persian handout microneedling-fa\.pdf takes \d+ A4 sides", err, re.M
    ), err
