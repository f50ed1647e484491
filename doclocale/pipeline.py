"""The stages wired together: extract -> update catalogs -> generate pages.

Functions here do the project's file I/O; the work itself happens in the pure
modules they call (markdown, extract, catalogs, generate).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.support import Translations

from . import catalogs
from .atomic import write_bytes_atomic
from .errors import CatalogError
from .generate import PageState, RenderedPage, render_page, write_pages
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
    changed: tuple[str, ...]

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
def render_language(settings: Settings, language: str, sources: dict[str, SourcePage]) -> tuple[RenderedPage, ...]:
    from .checks.safety import check_translation_safety

    loaded = read_language_catalogs(settings, language, [page_domain(page) for page in sources])
    rendered = []
    for page, source in sources.items():
        catalog = loaded[page_domain(page)]
        path = settings.relative(settings.catalog_path(language, page_domain(page)))
        messages = catalogs.translations(catalog)
        for message in messages.values():
            problem = check_translation_safety(str(message.id), str(message.string or ""))
            if problem:
                raise CatalogError(Location(path, message.lineno or 0), problem, "remove the HTML from the translation; write plain text and Markdown only")
        rendered.append(render_page(source, messages, page=page, source_language=settings.source_language))
    return tuple(rendered)


def generate_language(settings: Settings, language: str, sources: dict[str, SourcePage] | None = None) -> LanguageBuild:
    """Write docs/<language>/ from the English pages and the catalogs (atomically)."""
    sources = read_sources(settings) if sources is None else sources
    pages = render_language(settings, language, sources)
    changed = write_pages(settings.output_dir(language), {page.page: page.text for page in pages})
    for name in changed:
        log.info("generated %s/%s", language, name)
    return LanguageBuild(language, pages, tuple(changed))


def generate_all(settings: Settings) -> list[LanguageBuild]:
    sources = read_sources(settings)
    # Render every language first: a bad catalog in any language stops before any write.
    rendered = {language: render_language(settings, language, sources) for language in settings.languages}
    builds = []
    for language, pages in rendered.items():
        changed = write_pages(settings.output_dir(language), {page.page: page.text for page in pages})
        builds.append(LanguageBuild(language, pages, tuple(changed)))
    return builds


def release_problems(builds: Iterable[LanguageBuild]) -> list[str]:
    """Release mode: every page that is not fully translated, and why."""
    problems = []
    for build in builds:
        for page in build.incomplete():
            problems.append(f"docs/{build.language}/{page.page}: {page.state.value} ({page.missing} untranslated, {page.outdated} outdated messages)")
            problems.extend(f"    {state}: {excerpt(text)}" for state, text in page.pending)
    return problems
