"""What stops a release build beyond untranslated text: the same errors ``make check`` reports
on the catalogs, and a translated handout that no longer fits on its sheet, so the release build
and ``make check`` never disagree about a translator's file."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from doclocale.catalogs.templates import read_sources
from doclocale.checks.handouts import check_handout_sides
from doclocale.checks.runner import check_catalogs
from doclocale.errors import PipelineError
from doclocale.handouts.pdf import GuideCopy
from doclocale.model import Finding, Severity
from doclocale.settings import Settings

#: Entries readers would see in English: a release waits for them (``make check`` warns).
NOT_TRANSLATED = ("C101", "C102")
#: Guides whose translation no second translator has checked, or that changed since.
NOT_CHECKED = ("C106", "C107")


def release_findings(settings: Settings, require_translation_review: bool = False) -> list[Finding]:
    """What stops a release, each at its ``po-path:line`` with its English: every error of the
    catalog checks (spelling, numbers, a letter the sheet cannot print, a translation out of
    proportion, a changed msgctxt …) and every entry not translated yet or fuzzy; with
    ``require_translation_review`` (mkdocs.yml), every guide a second translator has not checked."""
    try:
        report = check_catalogs(settings, read_sources(settings))
    except PipelineError as error:
        return [Finding(error.location, "E001", Severity.ERROR, error.message, error.hint)]
    stopping = NOT_TRANSLATED + (NOT_CHECKED if require_translation_review else ())
    return [f for f in report.active if f.severity is Severity.ERROR or f.code in stopping]


def oversized_handouts(settings: Settings, guides: Iterable[list[GuideCopy]], site: Path) -> list[Finding]:
    """L914 errors: a translated sheet past two sides while the English fits, on the PO entry."""
    return [
        finding
        for copies in guides
        for finding in check_handout_sides(
            settings, [(copy.language, copy.file.relative_to(site).as_posix(), copy.file) for copy in copies]
        )
        if finding.severity is Severity.ERROR
    ]


def failure(what: str, errors: list[Finding], pages: Sequence[str] = ()) -> str:
    """The release build's message: what stopped it (the pages not fully translated first), then
    each finding as ``make check`` prints it."""
    head = [f"not fully translated: {page}" for page in pages]
    return "\n".join([f"release mode: {len(errors)} {what}:", *head, *(finding.format() for finding in errors)])
