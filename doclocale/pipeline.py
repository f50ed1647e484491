"""The stages wired together: extract -> update catalogs -> generate pages.

Functions here do the project's file I/O; the work itself happens in the pure
modules they call (markdown, extract, catalogs, generate).
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.support import Translations

from . import catalogs
from .atomic import write_bytes_atomic
from .errors import CatalogError
from .generate import PageState, RenderedPage, read_output, render_page, write_pages
from .model import Location, SourcePage, excerpt
from .settings import SITE_DOMAIN, Settings
from .theme_strings import THEME_FILE, read_theme_strings
from .sources import find_pages, page_domain, read_page

log = logging.getLogger(__name__)


@dataclass
class UpdateResult:
    written: list[str] = field(default_factory=list)  # files written (or that would be, with check)
    created: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class LanguageBuild:
    language: str
    pages: tuple[RenderedPage, ...]
    changed: tuple[str, ...]  # pages whose file changed
    rendered: int = 0  # pages rendered this time (the others were reused: inputs unchanged)

    def incomplete(self) -> list[RenderedPage]:
        return [page for page in self.pages if page.state is not PageState.COMPLETE]


# -- extraction -------------------------------------------------------------------
def read_sources(settings: Settings) -> dict[str, SourcePage]:
    return {page: read_page(settings, page) for page in find_pages(settings)}


def site_template(settings: Settings) -> Catalog:
    """Strings of the site itself: the site name and every _() in the theme overrides."""
    template = Catalog(domain=SITE_DOMAIN, header_comment=catalogs.TEMPLATE_COMMENT, **catalogs.HEADER)
    catalogs.add_template_message(template, settings.site_name, None, Location("mkdocs.yml", settings.site_name_line), "site name, shown in the header and the browser tab")
    for key, (text, line) in read_theme_strings().items():
        catalogs.add_template_message(template, text, key, Location(THEME_FILE.format(language="en"), line), f"theme interface text ({key}); keep # as it is")
    for path in sorted(settings.templates_dir.rglob("*.html")):
        display = settings.relative(path)
        for line, message, comments, context in extract_from_file("jinja2", str(path), comment_tags=("Translators:",), strip_comment_tags=True):
            comment = " ".join(comments) or "text of the site template"
            catalogs.add_template_message(template, message, context, Location(display, line), comment)
    return template


NAV_SECTION = "navigation section"


def section_titles(pages: Iterable[str]) -> list[str]:
    """Titles MkDocs gives the folders of docs/<source>/ in the navigation ("guides" -> "Guides")."""
    from mkdocs.utils import dirname_to_title

    folders = sorted({part for page in pages for part in page.split("/")[:-1]})
    return [dirname_to_title(folder) for folder in folders]


def build_templates(settings: Settings, sources: dict[str, SourcePage]) -> dict[str, Catalog]:
    templates = {page_domain(page): catalogs.build_template(page_domain(page), source.segments) for page, source in sources.items()}
    site = site_template(settings)
    folders = Location(settings.relative(settings.source_dir))
    for title in section_titles(sources):
        catalogs.add_template_message(site, title, NAV_SECTION, folders, "title of a folder of pages in the navigation menu")
    templates[SITE_DOMAIN] = site
    return templates


# -- catalogs --------------------------------------------------------------------
def update_catalogs(settings: Settings, languages: Iterable[str] | None = None, check: bool = False) -> UpdateResult:
    """Extract templates and merge them into every language's catalogs.

    All catalogs are read (and validated) before any file is written, so one bad
    PO file stops the update with nothing changed.
    """
    languages = tuple(languages or settings.languages)
    templates = build_templates(settings, read_sources(settings))
    planned: list[tuple[Path, bytes]] = []
    result = UpdateResult()
    for domain, template in templates.items():
        planned.append((settings.template_path(domain), catalogs.render_catalog(template)))
        for language in languages:
            path = settings.catalog_path(language, domain)
            if path.exists():
                merged = catalogs.merge_catalog(catalogs.read_catalog(path, settings.relative(path)), template)
            else:
                merged = catalogs.new_catalog(template, language)
                result.created.append(settings.relative(path))
            planned.append((path, catalogs.render_catalog(merged)))
    for path, data in planned:
        if path.exists() and catalogs.same_content(path.read_bytes(), data):
            continue
        result.written.append(settings.relative(path))
        if not check:
            write_bytes_atomic(path, data)
    return result


def read_language_catalogs(settings: Settings, language: str, domains: Iterable[str]) -> dict[str, Catalog]:
    """Every catalog a language needs; a missing one is an empty catalog (nothing translated)."""
    found = {}
    for domain in domains:
        path = settings.catalog_path(language, domain)
        found[domain] = catalogs.read_catalog(path, settings.relative(path)) if path.exists() else Catalog(locale=language)
    return found


def site_translations(settings: Settings, language: str) -> Translations:
    """gettext translations of the site strings (fuzzy ones left out)."""
    path = settings.catalog_path(language, SITE_DOMAIN)
    if language == settings.source_language or not path.exists():
        return Translations()
    buffer = io.BytesIO()
    write_mo(buffer, catalogs.read_catalog(path, settings.relative(path)), use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=SITE_DOMAIN)


# -- generation ------------------------------------------------------------------
INPUTS_FILE = ".doclocale-inputs.json"  # in docs/<language>/: what each page was generated from


def _code_fingerprint() -> bytes:
    """Changes whenever the code that turns inputs into pages changes."""
    here = Path(__file__).parent
    return b"".join(hashlib.sha256((here / name).read_bytes()).digest() for name in ("generate.py", "markdown.py", "model.py"))


def check_catalog_safety(settings: Settings, language: str, domain: str, messages: dict) -> None:
    """The generator's gate: a translation that injects markup or script stops the build."""
    from .checks.safety import check_translation_safety

    path = settings.relative(settings.catalog_path(language, domain))
    for message in messages.values():
        problem = check_translation_safety(str(message.id), str(message.string or ""))
        if problem:
            raise CatalogError(Location(path, message.lineno or 0), problem, "remove the HTML from the translation; write plain text and Markdown only")


def _cached_page(page: str, text: bytes, entry: dict) -> RenderedPage:
    return RenderedPage(page, text.decode("utf-8"), entry["translated"], entry["outdated"], entry["missing"], tuple(tuple(p) for p in entry["pending"]))


def _cache_entry(key: str, rendered: RenderedPage) -> dict:
    return {"inputs": key, "translated": rendered.translated, "outdated": rendered.outdated, "missing": rendered.missing, "pending": [list(p) for p in rendered.pending]}


@dataclass
class GenerationPlan:
    """Every language's pages, rendered or reused, ready to be written."""

    pages: dict[str, tuple[RenderedPage, ...]] = field(default_factory=dict)
    caches: dict[str, dict] = field(default_factory=dict)
    rendered: dict[str, int] = field(default_factory=dict)


def plan_generation(settings: Settings) -> GenerationPlan:
    """Render the pages whose inputs (English page, catalog, generator code) changed;
    reuse the others from docs/<language>/. Reads, renders and checks everything
    before anything is written, so a bad input in any language changes nothing."""
    names = find_pages(settings)
    raw = {page: (settings.source_dir / page).read_bytes() for page in names}
    fingerprint = _code_fingerprint()
    sources: dict[str, SourcePage] = {}
    plan = GenerationPlan()
    for language in settings.languages:
        folder = settings.output_dir(language)
        existing = read_output(folder)
        try:
            previous = json.loads(existing.get(INPUTS_FILE, b"{}"))
        except ValueError:
            previous = {}
        pages, cache = [], {}
        for page in names:
            catalog_file = settings.catalog_path(language, page_domain(page))
            catalog_bytes = catalog_file.read_bytes() if catalog_file.exists() else b""
            key = hashlib.sha256(fingerprint + hashlib.sha256(raw[page]).digest() + hashlib.sha256(catalog_bytes).digest()).hexdigest()
            entry = previous.get(page)
            if entry and entry.get("inputs") == key and page in existing:
                pages.append(_cached_page(page, existing[page], entry))
                cache[page] = entry
                continue
            if page not in sources:
                sources[page] = read_page(settings, page)
            catalog = catalogs.parse_catalog(settings.relative(catalog_file), catalog_bytes, language) if catalog_bytes else Catalog(locale=language)
            messages = catalogs.translations(catalog)
            check_catalog_safety(settings, language, page_domain(page), messages)
            rtl = Locale.parse(language).text_direction == "rtl"
            rendered = render_page(sources[page], messages, page=page, source_language=settings.source_language, isolate_latin=rtl)
            pages.append(rendered)
            cache[page] = _cache_entry(key, rendered)
            plan.rendered[language] = plan.rendered.get(language, 0) + 1
        plan.pages[language] = tuple(pages)
        plan.caches[language] = cache
    return plan


def generate_all(settings: Settings) -> list[LanguageBuild]:
    """Write docs/<language>/ for every language (atomically, and only what changed)."""
    plan = plan_generation(settings)
    builds = []
    for language, pages in plan.pages.items():
        files = {page.page: page.text for page in pages}
        files[INPUTS_FILE] = json.dumps(plan.caches[language], ensure_ascii=False, sort_keys=True, indent=1) + "\n"
        changed = write_pages(settings.output_dir(language), files)
        for name in changed:
            log.info("generated docs/%s/%s", language, name)
        builds.append(LanguageBuild(language, pages, tuple(name for name in changed if name != INPUTS_FILE), plan.rendered.get(language, 0)))
    return builds


def release_problems(builds: Iterable[LanguageBuild]) -> list[str]:
    """Release mode: every page that is not fully translated, and why."""
    problems = []
    for build in builds:
        for page in build.incomplete():
            problems.append(f"docs/{build.language}/{page.page}: {page.state.value} ({page.missing} untranslated, {page.outdated} outdated messages)")
            problems.extend(f"    {state}: {excerpt(text)}" for state, text in page.pending)
    return problems
