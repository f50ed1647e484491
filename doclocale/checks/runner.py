"""All checks, in one readable list, run over the real catalogs and generated pages."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from collections import defaultdict
from collections.abc import Iterable

from doclocale.catalogs.locale_files import check_locale_tree
from doclocale.checks.catalog_checks import CatalogChecks
from doclocale.checks.guide_list import GuideListing
from doclocale.checks.memo import CheckJob, FindingsMemo
from doclocale.checks.parity import check_page_parity
from doclocale.checks.readability import check_english_readability
from doclocale.checks.safety import check_published_in_english
from doclocale.errors import PipelineError
from doclocale.model import Finding, Severity, SourcePage
from doclocale.reading.page_cache import page_key, prune
from doclocale.reading.review import check_review, is_guide
from doclocale.reading.sources import find_pages, read_pages
from doclocale.report import Report
from doclocale.settings import Settings
from doclocale.translating.generation import plan_generation
from doclocale.translating.renderer import load_renderer
from doclocale.util.atomic import write_cache_file
from doclocale.util.fingerprint import files_digest
from doclocale.util.result_store import ResultStore

#: The last answer of ``content_findings``, with the key of the files it was computed from (in .cache/checks/).
ANSWER_FILE = "answer.pickle"
#: English pages checked at a time: a batch's parsed pages, generated pages and catalog entries
#: are dropped before the next batch is read (at 10,000 guides, holding them all took 1.4 GB).
CHECK_BATCH = 2000


def read_build_records(settings: Settings) -> list[dict]:
    """What the last build recorded about pages it published in English (none when unreadable)."""
    records: list[dict] = []
    for path in sorted(settings.cache_dir("build").glob("published-in-english*.json")):
        try:
            records.extend(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue
    return records


def check_catalogs(settings: Settings, sources: dict[str, SourcePage]) -> Report:
    """Only the catalog checks (the release build's gate beside its own)."""
    report = Report()
    memo = FindingsMemo(settings.cache_dir("checks") / "findings.pickle")
    try:
        checks = CatalogChecks(settings)
        checks.add(sources)
        checks.add_site(sources)
        jobs = [job for language in settings.languages for job in checks.take_jobs(language)]
        for language in settings.languages:
            report.extend(checks.findings(language))
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
    """Every finding of the English pages, the catalogs and the generated pages, a batch of
    pages at a time; the costly ones from ``memo.FindingsMemo`` or computed (in a pool when many)."""
    memo = FindingsMemo(settings.cache_dir("checks") / "findings.pickle")
    checks: ContentChecks | None = None
    try:
        names = find_pages(settings)
        checks = ContentChecks(settings, today)
        for batch in batches(names, CHECK_BATCH):
            checks.run(memo, checks.batch_jobs(batch))
        checks.run(memo, checks.site_jobs(names))
        checks.prune()
        memo.save()
    except PipelineError as error:
        failed = Finding(error.location, "E001", Severity.ERROR, error.message, error.hint)
        return [*(checks.findings(complete=False) if checks else []), failed]
    return checks.findings(complete=True)


def batches(names: list[str], most: int) -> Iterable[list[str]]:
    """``names`` in order, in batches of at most ``most``, as even as they can be."""
    count = -(-len(names) // most) or 1
    size = -(-len(names) // count)
    for start in range(0, len(names), size or 1):
        yield names[start : start + size]


Jobs = list[tuple[tuple[str, str], CheckJob]]  # each costly check with the (kind, language) of its findings


class ContentChecks:
    """The findings of ``computed_findings``, gathered a batch of pages at a time, given in one
    order whatever the batches: by kind of check, then language, then page. A batch's parsed
    pages, generated pages and entries are let go before the next batch is read (at 10,000
    guides, holding them all took 1.4 GB over the check's processes)."""

    def __init__(self, settings: Settings, today: dt.date) -> None:
        self.settings, self.today = settings, today
        self.found: dict[tuple[str, str], list[Finding]] = defaultdict(list)
        self.listing, self.read = GuideListing(), list[str]()  # read: the keys of the parsed pages
        self.render = load_renderer(settings.root / "mkdocs.yml")
        self.parsed = ResultStore(settings.cache_dir("catalogs"))  # catalogs parsed by an earlier check
        self.catalogs = CatalogChecks(settings, self.parsed)

    def batch_jobs(self, batch: list[str]) -> Jobs:
        """Reads and checks the pages of ``batch``: the cheap findings are kept, the costly checks returned."""
        settings, found = self.settings, self.found
        sources = read_pages(settings, batch)
        self.read.extend(page_key(page.path, page.text) for page in sources.values())
        self.listing.add(sources)
        jobs: Jobs = []
        for page, source in sources.items():
            if is_guide(page):
                found["review", ""].extend(check_review(source, self.today))
            jobs.append(
                (("readability", ""), CheckJob((source.path, source.text), check_english_readability, (source,)))
            )
        # The build's own gate: what it refuses is reported here with the same code. Pages whose
        # inputs have not changed since the last build are not rendered again (docs/<language>/).
        plan = plan_generation(settings, self.render, sources, batch)
        self.catalogs.add(sources)
        for language in settings.languages:
            found["refused", language].extend(plan.refused[language])
            jobs.extend((("entries", language), job) for job in self.catalogs.take_jobs(language))
            for rendered in plan.pages[language]:
                source, path = sources[rendered.page], f"docs/{language}/{rendered.page}"
                inputs = (source.path, source.text, rendered.text, path)
                jobs.append((("parity", language), CheckJob(inputs, check_page_parity, (source, rendered.text, path))))
        return jobs

    def site_jobs(self, names: list[str]) -> Jobs:
        """The site's own catalog, once every page was read (``names``: every page)."""
        self.catalogs.add_site(names)
        return [(("entries", lang), job) for lang in self.settings.languages for job in self.catalogs.take_jobs(lang)]

    def run(self, memo: FindingsMemo, jobs: Jobs) -> None:
        for (where, _), findings in zip(jobs, memo.run([job for _, job in jobs]), strict=True):
            self.found[where].extend(findings)

    def prune(self) -> None:
        """Kept parsed catalogs and pages no longer used (after every page was read)."""
        self.parsed.prune()
        prune(self.settings.cache_dir("pages"), self.read)

    def findings(self, complete: bool) -> list[Finding]:
        """``complete``: every page was read (a guide missing from the lists is known only then)."""
        languages, found = self.settings.languages, self.found
        return [
            *(self.listing.findings(self.settings.relative(self.settings.source_dir)) if complete else ()),
            *found["review", ""],
            *(finding for language in languages for finding in self.catalogs.findings(language)),
            *(finding for language in languages for finding in found["refused", language]),
            *found["readability", ""],
            *(finding for kind in ("entries", "parity") for language in languages for finding in found[kind, language]),
        ]
