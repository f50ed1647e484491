"""The checks of every catalog against the current English, a batch of pages at a time.

What a translator's file alone decides: the entry checks (as jobs for ``memo.FindingsMemo``),
obsolete and changed entries, the second translator's check of a guide, and consistency
across a language's catalogs. A release build stops on exactly the errors ``make check``
reports. One template and one catalog are held at a time, and of the entries only what
consistency needs (``consistency.Consistency``): at 10,000 guides, holding every template and
catalog took a gigabyte, every entry 290 MB.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from babel.messages.catalog import Catalog

from doclocale.catalogs.templates import page_templates, site_catalog_template
from doclocale.catalogs.update import read_language_catalogs, site_translations
from doclocale.checks.completeness import (
    check_changed_contexts,
    check_obsolete,
    check_translation_review,
    check_untranslated,
)
from doclocale.checks.consistency import Consistency
from doclocale.checks.entry import Entry, ignored_codes
from doclocale.checks.glossary import Glossary, check_glossary, read_glossary
from doclocale.checks.handouts import check_length, check_printable
from doclocale.checks.markup import check_markup
from doclocale.checks.memo import CheckJob
from doclocale.checks.numbers import check_numbers
from doclocale.checks.persian import check_persian
from doclocale.checks.readability import check_sentence_length
from doclocale.model import Finding, Location, Severity, SourcePage
from doclocale.reading.review import is_guide
from doclocale.settings import SITE_DOMAIN, Settings
from doclocale.text_rules import has_words
from doclocale.util.result_store import ResultStore

#: Checks of one entry, top to bottom.
ENTRY_CHECKS = (check_markup, check_numbers, check_persian, check_sentence_length, check_printable, check_length)


def check_entry(entry: Entry, glossary: Glossary) -> Iterator[Finding]:
    yield from check_untranslated(entry, glossary.keep)
    if has_words(entry.msgid, entry.msgstr):  # readers see the English otherwise
        found = [f for check in ENTRY_CHECKS for f in check(entry)] + list(check_glossary(entry, glossary))
        yield from (not_published_yet(f) for f in found) if entry.fuzzy else found


def not_published_yet(finding: Finding) -> Finding:
    """A fuzzy entry is a suggestion readers do not see: its problems are warnings to fix before
    the flag comes off (then they are errors)."""
    if finding.severity is not Severity.ERROR:
        return finding
    return replace(finding, severity=Severity.WARNING, message=f"{finding.message} (fuzzy: not published yet)")


def check_entries(entries: list[Entry], glossary: Glossary) -> Iterator[Finding]:
    for entry in entries:
        yield from check_entry(entry, glossary)


def memo_inputs(entries: list[Entry], glossary: Glossary) -> tuple:
    """Everything the entry checks of one catalog read, in a form whose repr does not vary between runs."""
    terms = sorted(glossary.terms.items()), sorted(glossary.keep)
    return terms, [
        (e.msgid, e.msgstr, e.location.path, e.location.line, e.language, e.fuzzy, e.context, sorted(e.ignored))
        for e in entries
    ]


def catalog_entries(settings: Settings, language: str, domain: str, catalog, template) -> tuple[list[Entry], list[int]]:
    """Entries of the current English text (by the template), plus obsolete lines."""
    path = settings.relative(settings.catalog_path(language, domain))
    entries = []
    for wanted in template:
        if not wanted.id:
            continue
        message = catalog.get(wanted.id, wanted.context)
        if message is None:
            entries.append(Entry(str(wanted.id), "", Location(path), language, context=wanted.context))
            continue
        entries.append(
            Entry(
                str(message.id),
                str(message.string or ""),
                Location(path, message.lineno or 0),
                language,
                message.fuzzy,
                message.context,
                ignored_codes(message.user_comments),
            )
        )
    obsolete = [m.lineno or 0 for m in catalog.obsolete.values()]
    return entries, obsolete


class CatalogChecks:
    """Every language's catalogs checked against the English: ``add`` a batch of pages, then
    ``add_site`` once with every page; ``jobs`` are taken after each, the ``findings`` at the end."""

    def __init__(self, settings: Settings, store: ResultStore | None = None) -> None:
        self.settings, self.store = settings, store  # store: catalogs parsed by an earlier check
        self.glossaries: dict[str, Glossary] = {}
        self.consistency = {language: Consistency() for language in settings.languages}
        self.found: dict[str, list[Finding]] = {}
        self.jobs: dict[str, list[CheckJob]] = {language: [] for language in settings.languages}
        for language in settings.languages:
            self.found[language] = site_translations(settings, language)[1]
            path = settings.locale_dir / language / "glossary.yml"
            self.glossaries[language] = read_glossary(path, settings.relative(path))

    def add(self, sources: dict[str, SourcePage]) -> None:
        for language in self.settings.languages:
            self._check(language, page_templates(sources))

    def add_site(self, pages: Iterable[str]) -> None:
        """The site's own catalog (its strings, and the titles of the folders of ``pages``)."""
        template = site_catalog_template(self.settings, pages)
        for language in self.settings.languages:
            self._check(language, [(SITE_DOMAIN, template)])

    def take_jobs(self, language: str) -> list[CheckJob]:
        jobs, self.jobs[language] = self.jobs[language], []
        return jobs

    def findings(self, language: str) -> list[Finding]:
        """A language's findings besides its jobs', consistency last (after every page was added)."""
        return self.found[language] + self.consistency[language].findings()

    def _check(self, language: str, templates: Iterable[tuple[str, Catalog]]) -> None:
        settings, glossary, found = self.settings, self.glossaries[language], self.found[language]
        for domain, template in templates:
            catalog = read_language_catalogs(settings, language, [domain], self.store)[domain]
            entries, obsolete = catalog_entries(settings, language, domain, catalog, template)
            self.consistency[language].add(entries)
            self.jobs[language].append(CheckJob(memo_inputs(entries, glossary), check_entries, (entries, glossary)))
            catalog_path = settings.relative(settings.catalog_path(language, domain))
            found.extend(check_obsolete(catalog_path, obsolete))
            found.extend(check_changed_contexts(catalog_path, catalog, template))
            if is_guide(f"{domain}.md"):
                found.extend(check_translation_review(catalog_path, domain, catalog, entries))
