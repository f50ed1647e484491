"""docs/<language>/ from the English pages and the catalogs, through the gate, incrementally.

Every translated page passes ``gate.gate_page`` before it is written; what the
gate refuses is reported as a finding with the catalog's ``path:line``. A page
is rendered again only when something that decides its bytes or its verdict
changed: its English page, its catalog, the package's code, mkdocs.yml, the
glossary, or the versions of the renderer and theme.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from doclocale.catalogs.locale_files import check_locale_tree
from doclocale.catalogs.translation_review import CheckState, TranslationCheck
from doclocale.errors import RefusedTranslations, SourceError
from doclocale.model import Finding, Location, Severity, SourcePage, excerpt
from doclocale.reading.sources import find_pages, page_domain
from doclocale.settings import Settings
from doclocale.translating.gate import Refusal
from doclocale.translating.gate_pool import GateJob, gate_pages
from doclocale.translating.renderer import load_renderer
from doclocale.translating.substitute import PageState, RenderedPage, write_pages
from doclocale.util.fingerprint import code_fingerprint

log = logging.getLogger(__name__)

INPUTS_FILE = ".doclocale-inputs.json"  # in docs/<language>/: what each page was generated from

#: Pages gated at a time. A batch's catalogs, parsed English pages and jobs are dropped before the
#: next batch is read: at 10,000 guides, holding them all took about a gigabyte.
GATE_BATCH = 1000


@dataclass(frozen=True)
class LanguageBuild:
    language: str
    pages: tuple[RenderedPage, ...]
    changed: tuple[str, ...]  # pages whose file changed
    rendered: int = 0  # pages rendered this time (the others were reused: inputs unchanged)
    refused: tuple[Finding, ...] = ()  # translations the gate did not publish
    checks: dict[str, TranslationCheck] = field(default_factory=dict)  # page -> its second translator's check

    def incomplete(self) -> list[RenderedPage]:
        return [page for page in self.pages if page.state is not PageState.COMPLETE]


def refusal_finding(catalog_path: str, refusal: Refusal) -> Finding:
    """What a refused translation looks like in reports: the same in the build and in `make check`."""
    return Finding(
        Location(catalog_path, refusal.lineno),
        refusal.code,
        Severity.ERROR,
        "translation refused, the page shows the English instead: " + "; ".join(refusal.problems),
        refusal.hint,
        excerpt(refusal.segment.text),
    )


def inputs_fingerprint(settings: Settings) -> bytes:
    """Changes whenever anything but the page and its catalog could change a page or a verdict."""
    digest = hashlib.sha256(code_fingerprint())
    for path in [settings.root / "mkdocs.yml", *sorted(settings.locale_dir.glob("*/glossary.yml"))]:
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.digest()


@dataclass
class GenerationPlan:
    """Every language's pages, rendered or reused, ready to be written."""

    pages: dict[str, tuple[RenderedPage, ...]] = field(default_factory=dict)
    caches: dict[str, dict] = field(default_factory=dict)
    rendered: dict[str, int] = field(default_factory=dict)
    refused: dict[str, list[Finding]] = field(default_factory=dict)
    checks: dict[str, dict[str, TranslationCheck]] = field(default_factory=dict)


def _check_of(entry: dict) -> TranslationCheck:
    state, by, date = entry.get("check") or (CheckState.NOT_CHECKED.value, "", "")
    return TranslationCheck(CheckState(state), by, dt.date.fromisoformat(date) if date else None)


def _cached(page: str, text: bytes, entry: dict) -> tuple[RenderedPage, list[Finding]]:
    rendered = RenderedPage(
        page,
        text.decode("utf-8"),
        entry["translated"],
        entry["outdated"],
        entry["missing"],
        tuple(tuple(p) for p in entry["pending"]),
    )
    return rendered, [
        Finding(Location(*f["location"]), f["code"], Severity.ERROR, f["message"], f["hint"], f["excerpt"])
        for f in entry.get("refused", [])
    ]


def _cache_entry(key: str, rendered: RenderedPage, refused: list[Finding], check: TranslationCheck) -> dict:
    return {
        "inputs": key,
        "check": [check.state.value, check.by, check.date.isoformat() if check.date else ""],
        "translated": rendered.translated,
        "outdated": rendered.outdated,
        "missing": rendered.missing,
        "pending": [list(p) for p in rendered.pending],
        "refused": [
            {
                "location": [f.location.path, f.location.line],
                "code": f.code,
                "message": f.message,
                "hint": f.hint,
                "excerpt": f.excerpt,
            }
            for f in refused
        ],
    }


def plan_generation(
    settings: Settings,
    render_html: Callable[[str], str],
    sources: dict[str, SourcePage] | None = None,
    pages: list[str] | None = None,
) -> GenerationPlan:
    """Render (through the gate) the pages whose inputs changed; reuse the others from
    docs/<language>/. Reads, renders and checks everything before anything is
    written, so a bad input in any language changes nothing. ``sources``: English
    pages already parsed by the caller. ``pages``: only these (a batch the check judges; a
    plan of some pages is never written)."""
    check_locale_tree(settings.locale_dir)  # before anything under locale/ is read
    names = find_pages(settings) if pages is None else pages
    raw = {page: (settings.source_dir / page).read_bytes() for page in names}
    fingerprint = inputs_fingerprint(settings)
    given = sources or {}
    plan = GenerationPlan()
    # per page, in order: (page, refused, second translator's check); None: waiting for the gate
    slots: dict[str, list[tuple[RenderedPage, list[Finding], TranslationCheck] | None]] = {}
    keys: dict[str, list[str]] = {}  # the inputs each page was generated from
    jobs: list[GateJob] = []  # one batch: its catalogs and parsed pages are dropped once it is gated
    places: list[int] = []  # each job's place among its language's pages

    def gate_batch() -> None:
        if not jobs:
            return
        for job, place, result in zip(jobs, places, gate_pages(settings, jobs, render_html), strict=True):
            gated = result.gated
            if gated.page_problems:
                raise SourceError(
                    Location(f"docs/{settings.source_language}/{gated.page.page}"),
                    "this page cannot be translated safely: " + "; ".join(gated.page_problems),
                    "please report this page",
                )
            refused = [refusal_finding(job.catalog, refusal) for refusal in gated.refusals]
            slots[job.language][place] = (gated.page, refused, result.check)
            plan.rendered[job.language] = plan.rendered.get(job.language, 0) + 1
        jobs.clear()
        places.clear()

    for language in settings.languages:
        folder = settings.output_dir(language)  # read a page at a time: 10,000 guides are 350 MB
        try:
            previous = json.loads((folder / INPUTS_FILE).read_bytes())
        except (OSError, ValueError):
            previous = {}
        slots[language], keys[language] = [], []
        for page in names:
            catalog_file = settings.catalog_path(language, page_domain(page))
            catalog_bytes = catalog_file.read_bytes() if catalog_file.exists() else b""
            key = hashlib.sha256(
                fingerprint + hashlib.sha256(raw[page]).digest() + hashlib.sha256(catalog_bytes).digest()
            ).hexdigest()
            keys[language].append(key)
            entry = previous.get(page)
            if entry and entry.get("inputs") == key and (folder / page).is_file():
                slots[language].append((*_cached(page, (folder / page).read_bytes(), entry), _check_of(entry)))
                continue
            display = settings.relative(catalog_file)
            jobs.append(GateJob(page, language, display, catalog_bytes, given.get(page)))
            places.append(len(slots[language]))
            slots[language].append(None)
            if len(jobs) == GATE_BATCH:
                gate_batch()
    gate_batch()
    for language, done in slots.items():
        results = [slot for slot in done if slot is not None]
        plan.pages[language] = tuple(rendered for rendered, _, _ in results)
        plan.refused[language] = [finding for _, findings, _ in results for finding in findings]
        plan.caches[language] = {
            rendered.page: _cache_entry(key, rendered, findings, check)
            for key, (rendered, findings, check) in zip(keys[language], results, strict=True)
        }
        plan.checks[language] = {rendered.page: check for rendered, _, check in results}
    return plan


def generate_all(
    settings: Settings, render_html: Callable[[str], str] | None = None, release: bool = False
) -> list[LanguageBuild]:
    """Write docs/<language>/ for every language (atomically, and only what changed).

    In release mode a refused translation stops everything before a file is written."""
    if render_html is None:
        render_html = load_renderer(settings.root / "mkdocs.yml")
    plan = plan_generation(settings, render_html)
    refused = [finding for findings in plan.refused.values() for finding in findings]
    if release and refused:
        raise RefusedTranslations(refused)
    builds = []
    for language, pages in plan.pages.items():
        files = {page.page: page.text for page in pages}
        files[INPUTS_FILE] = json.dumps(plan.caches[language], ensure_ascii=False, sort_keys=True, indent=1) + "\n"
        changed = write_pages(settings.output_dir(language), files)
        for name in changed:
            log.debug("generated docs/%s/%s", language, name)  # the build prints the count per language
        builds.append(
            LanguageBuild(
                language,
                pages,
                tuple(name for name in changed if name != INPUTS_FILE),
                plan.rendered.get(language, 0),
                tuple(plan.refused[language]),
                plan.checks[language],
            )
        )
    return builds


def release_problems(builds: Iterable[LanguageBuild]) -> list[str]:
    """Release mode: every page that is not fully translated, and why."""
    problems = []
    for build in builds:
        for page in build.incomplete():
            problems.append(
                f"docs/{build.language}/{page.page}: {page.state.value} ({page.missing} untranslated or refused, {page.outdated} outdated messages)"
            )
            problems.extend(f"    {state}: {excerpt(text)}" for state, text in page.pending)
    return problems
