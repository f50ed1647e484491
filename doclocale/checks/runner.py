"""All checks, in one readable list, run over the real catalogs and generated pages."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from collections.abc import Iterator
from dataclasses import replace

from doclocale.catalogs.locale_files import check_locale_tree
from doclocale.catalogs.update import each_template, read_language_catalogs, read_sources, site_translations
from doclocale.checks.completeness import (
    check_changed_contexts,
    check_obsolete,
    check_translation_review,
    check_untranslated,
)
from doclocale.checks.consistency import check_consistency
from doclocale.checks.entry import Entry, ignored_codes
from doclocale.checks.glossary import Glossary, check_glossary, read_glossary
from doclocale.checks.guide_list import check_guide_list
from doclocale.checks.handouts import check_length, check_printable
from doclocale.checks.markup import check_markup
from doclocale.checks.memo import CheckJob, FindingsMemo
from doclocale.checks.numbers import check_numbers
from doclocale.checks.parity import check_page_parity
from doclocale.checks.persian import check_persian
from doclocale.checks.readability import check_english_readability, check_sentence_length
from doclocale.checks.safety import check_published_in_english
from doclocale.errors import PipelineError
from doclocale.model import Finding, Location, Severity
from doclocale.reading.review import check_review, is_guide
from doclocale.report import Report
from doclocale.settings import Settings
from doclocale.text_rules import has_words
from doclocale.translating.generation import plan_generation
from doclocale.translating.renderer import load_renderer
from doclocale.util.atomic import write_cache_file
from doclocale.util.fingerprint import files_digest
from doclocale.util.result_store import ResultStore

#: The last answer of ``content_findings``, with the key of the files it was computed from (in .cache/checks/).
ANSWER_FILE = "answer.pickle"
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


def read_build_records(settings: Settings) -> list[dict]:
    """What the last build recorded about pages it published in English (none when unreadable)."""
    records: list[dict] = []
    for path in sorted(settings.cache_dir("build").glob("published-in-english*.json")):
        try:
            records.extend(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue
    return records


def catalog_jobs(settings: Settings, sources: dict, report: Report, store: ResultStore | None = None) -> list[CheckJob]:
    """The checks of every catalog against the current English (the templates of ``sources``): the
    cheap ones straight into ``report``, the entry checks as jobs for the memo. What a translator's
    file alone decides, so a release build stops on exactly the errors ``make check`` reports.
    One template and one catalog at a time: at 10,000 guides, holding them all took a gigabyte."""
    jobs: list[CheckJob] = []
    for language in settings.languages:
        report.extend(site_translations(settings, language)[1])
        glossary_path = settings.locale_dir / language / "glossary.yml"
        glossary = read_glossary(glossary_path, settings.relative(glossary_path))
        every = []
        for domain, template in each_template(settings, sources):
            catalog = read_language_catalogs(settings, language, [domain], store)[domain]
            entries, obsolete = catalog_entries(settings, language, domain, catalog, template)
            every.extend(entries)
            jobs.append(CheckJob(memo_inputs(entries, glossary), check_entries, (entries, glossary)))
            catalog_path = settings.relative(settings.catalog_path(language, domain))
            report.extend(check_obsolete(catalog_path, obsolete))
            report.extend(check_changed_contexts(catalog_path, catalog, template))
            if is_guide(f"{domain}.md"):
                report.extend(check_translation_review(catalog_path, domain, catalog, entries))
        report.extend(check_consistency(every))
    return jobs


def check_catalogs(settings: Settings, sources: dict) -> Report:
    """Only the catalog checks (the release build's gate beside its own)."""
    report = Report()
    memo = FindingsMemo(settings.cache_dir("checks") / "findings.pickle")
    try:
        jobs = catalog_jobs(settings, sources, report)
        for findings in memo.run(jobs):
            report.extend(findings)
        memo.save(partial=True)  # the page checks' findings stay for the full check
    except PipelineError as error:
        report.extend([Finding(error.location, "E001", Severity.ERROR, error.message, error.hint)])
    return report


def run_checks(
    settings: Settings, include_site: bool = False, today: dt.date | None = None, online: bool = False
) -> Report:
    report = Report()
    today = today or dt.date.today()
    report.extend(content_findings(settings, today))
    if include_site and (settings.site_dir / "index.html").exists():  # imported here: 0.1 s a --no-site check skips
        from doclocale.checks.links import check_site, external_link_notes, external_links, read_site

        model = read_site(settings)
        report.extend(check_published_in_english(read_build_records(settings)))
        report.extend(check_site(settings, model))
        report.extend(external_link_notes(settings, model))
        site = settings.relative(settings.site_dir)
        links = [(f"{site}/{page}", url) for page, url in external_links(model)]
        if online:
            from doclocale.checks.online import check_online  # only with --online

            report.extend(check_online(links, settings.root / ".cache" / "external-links.json"))
    return report


def content_findings(settings: Settings, today: dt.date) -> list[Finding]:
    """The findings of the English pages, the catalogs and the generated pages, kept whole by the
    code, the day and every file they are read from (``.cache/checks/answer.pickle``): a check right
    after a build that checked ahead hashes the files and reads nothing else. Any change of a
    file computes the findings again, each from ``memo.FindingsMemo`` where its own inputs did
    not change."""
    try:
        check_locale_tree(settings.locale_dir)  # before anything under locale/ is read
        key = answer_key(settings, today)
    except PipelineError as error:
        return [Finding(error.location, "E001", Severity.ERROR, error.message, error.hint)]
    except OSError:
        key = ""  # a file went away while it was read: compute, keep nothing
    answer = settings.cache_dir("checks") / ANSWER_FILE
    try:
        kept = pickle.loads(answer.read_bytes())  # noqa: S301 (this project's own cache, keyed by its files)
        if key and isinstance(kept, dict) and kept.get("key") == key:
            return list(kept["findings"])
    except Exception:  # noqa: BLE001 (missing, torn or foreign: compute)
        pass
    findings = computed_findings(settings, today)
    if key and _still(key, settings, today):  # a file edited meanwhile: the answer is of neither state
        write_cache_file(answer, pickle.dumps({"key": key, "findings": findings}))
    return findings


def _still(key: str, settings: Settings, today: dt.date) -> bool:
    try:
        return answer_key(settings, today) == key
    except OSError:
        return False


def answer_key(settings: Settings, today: dt.date) -> str:
    """Every file under docs/, locale/ and the theme overrides, and mkdocs.yml."""
    files = [settings.root / "mkdocs.yml"]
    for folder in (settings.docs_dir, settings.locale_dir, settings.templates_dir):
        if folder.is_dir():
            files.extend(sorted(path for path in folder.rglob("*") if path.is_file() or path.is_symlink()))
    return files_digest(settings.root, files, today.isoformat())


def computed_findings(settings: Settings, today: dt.date) -> list[Finding]:
    report = Report()
    memo = FindingsMemo(settings.cache_dir("checks") / "findings.pickle")
    try:
        sources = read_sources(settings)
        costly: list[CheckJob] = []  # pure checks, run at the end: kept from earlier runs or run in a pool
        report.extend(check_guide_list(sources, settings.relative(settings.source_dir)))
        for page, source in sources.items():
            if is_guide(page):
                report.extend(check_review(source, today))
            costly.append(CheckJob((source.path, source.text), check_english_readability, (source,)))
        # The build's own gate: what it refuses is reported here with the same code. Pages whose
        # inputs have not changed since the last build are not rendered again (docs/<language>/).
        plan = plan_generation(settings, load_renderer(settings.root / "mkdocs.yml"), sources)
        parsed = ResultStore(settings.cache_dir("catalogs"))  # catalogs parsed by an earlier check
        costly.extend(catalog_jobs(settings, sources, report, parsed))
        parsed.prune()
        for language in settings.languages:
            report.extend(plan.refused[language])
            for rendered in plan.pages[language]:
                source, path = sources[rendered.page], f"docs/{language}/{rendered.page}"
                costly.append(
                    CheckJob(
                        (source.path, source.text, rendered.text, path),
                        check_page_parity,
                        (source, rendered.text, path),
                    )
                )
        for findings in memo.run(costly):
            report.extend(findings)
        memo.save()
    except PipelineError as error:
        report.extend([Finding(error.location, "E001", Severity.ERROR, error.message, error.hint)])
    return report.findings
