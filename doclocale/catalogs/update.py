"""The stages wired together: extract -> update catalogs -> generate pages.

Functions here do the project's file I/O; the work itself happens in the pure
modules they call (markdown, extract, catalogs, generate).
"""

from __future__ import annotations

import io
import logging
import pickle
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.support import Translations

from doclocale.catalogs import merge as catalogs
from doclocale.catalogs.locale_files import check_locale_tree, check_write_target
from doclocale.catalogs.memory import Reuse, build_memory, fill_from_memory
from doclocale.catalogs.po_reader import catalog_of_file, read_catalog_bytes
from doclocale.catalogs.theme_strings import THEME_FILE, read_theme_strings
from doclocale.catalogs.update_stamp import Stamp, inputs_digest, unchanged_since_stamp, write_stamp
from doclocale.errors import CatalogError
from doclocale.model import Finding, Location, Severity, SourcePage, excerpt
from doclocale.reading.page_cache import page_key, prune
from doclocale.reading.sources import find_pages, page_domain, read_pages
from doclocale.settings import SITE_DOMAIN, Settings
from doclocale.text_rules import HINTS, plain_text_problems
from doclocale.util.atomic import write_files_atomic
from doclocale.util.result_store import ResultStore, result_key

log = logging.getLogger(__name__)


@dataclass
class UpdateResult:
    written: list[str] = field(default_factory=list)  # files written (or that would be, with check)
    created: list[str] = field(default_factory=list)
    reused: dict[str, Reuse] = field(default_factory=dict)  # catalog -> translations carried or revived
    orphaned: dict[str, int] = field(default_factory=dict)  # catalog of no page -> its translations
    failed: list[CatalogError] = field(default_factory=list)  # catalogs left as they are, and why


# -- extraction -------------------------------------------------------------------
def read_sources(settings: Settings) -> dict[str, SourcePage]:
    """Every English page, parsed (from .cache/pages/ where unchanged); the cache keeps only these."""
    pages = read_pages(settings, find_pages(settings))
    prune(settings.cache_dir("pages"), (page_key(p.path, p.text) for p in pages.values()))
    return pages


def site_template(settings: Settings) -> Catalog:
    """Strings of the site itself: the site name and every _() in the theme overrides."""
    template = Catalog(domain=SITE_DOMAIN, header_comment=catalogs.TEMPLATE_COMMENT, **catalogs.HEADER)
    catalogs.add_template_message(
        template,
        settings.site_name,
        None,
        Location("mkdocs.yml", settings.site_name_line),
        "site name, shown in the header and the browser tab",
    )
    if settings.site_description:
        catalogs.add_template_message(
            template,
            settings.site_description,
            None,
            Location("mkdocs.yml", settings.site_description_line),
            "site description, for search engines on pages without their own (the page-not-found page)",
        )
    for key, (text, line) in read_theme_strings().items():
        catalogs.add_template_message(
            template,
            text,
            key,
            Location(THEME_FILE.format(language="en"), line),
            f"theme interface text ({key}); keep # as it is",
        )
    for path in sorted(settings.templates_dir.rglob("*.html")):
        display = settings.relative(path)
        for line, message, comments, context in extract_from_file(
            "jinja2", str(path), comment_tags=("Translators:",), strip_comment_tags=True
        ):
            comment = " ".join(comments) or "text of the site template"
            text = message if isinstance(message, str) else message[0]  # ngettext: the singular
            catalogs.add_template_message(template, text, context, Location(display, line), comment)
    return template


NAV_SECTION = "navigation section"


def dirname_to_title(dirname: str) -> str:
    """MkDocs' rule for a folder's title, written here so that catalogs need no MkDocs
    (tests/test_catalogs.py holds it equal to ``mkdocs.utils.dirname_to_title``)."""
    title = dirname.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title


def section_titles(pages: Iterable[str]) -> list[str]:
    """Titles MkDocs gives the folders of docs/<source>/ in the navigation ("guides" -> "Guides")."""
    folders = sorted({part for page in pages for part in page.split("/")[:-1]})
    return [dirname_to_title(folder) for folder in folders]


def build_templates(settings: Settings, sources: dict[str, SourcePage]) -> dict[str, Catalog]:
    return dict(each_template(settings, sources))


def each_template(settings: Settings, sources: dict[str, SourcePage]) -> Iterator[tuple[str, Catalog]]:
    """Every page's template, then the site's, made one at a time (a large library's templates
    need not be held at once): ``build_templates``, in its order."""
    yield from page_templates(sources)
    yield SITE_DOMAIN, site_catalog_template(settings, sources)


def page_templates(sources: dict[str, SourcePage]) -> Iterator[tuple[str, Catalog]]:
    for page, source in sources.items():
        yield page_domain(page), catalogs.build_template(page_domain(page), source.segments)


def site_catalog_template(settings: Settings, pages: Iterable[str]) -> Catalog:
    """The site's template: its own strings and the title of every folder of ``pages``."""
    site = site_template(settings)
    folders = Location(settings.relative(settings.source_dir))
    for title in section_titles(pages):
        catalogs.add_template_message(
            site, title, NAV_SECTION, folders, "title of a folder of pages in the navigation menu"
        )
    return site


# -- catalogs --------------------------------------------------------------------
def update_catalogs(settings: Settings, languages: Iterable[str] | None = None, check: bool = False) -> UpdateResult:
    """Extract templates and merge them into every language's catalogs.

    All catalogs are read (and validated) before any file is written, so one bad
    PO file stops the update with nothing changed.
    """
    languages = tuple(languages or settings.languages)
    check_locale_tree(settings.locale_dir)  # before anything under locale/ is read or written
    digest = inputs_digest(settings, languages)
    stamp = unchanged_since_stamp(settings, digest)
    if stamp is not None and (check or not stamp.out_of_date):
        return UpdateResult(written=list(stamp.out_of_date), orphaned=stamp.orphaned)
    templates = build_templates(settings, read_sources(settings))
    planned: list[tuple[Path, Catalog]] = [
        (settings.template_path(domain), template) for domain, template in templates.items()
    ]
    result = UpdateResult()
    before: dict[Path, str] = {}  # what each catalog on disk says, from the one parse of it
    parsed = ResultStore(settings.cache_dir("catalogs"))  # shared with the build and make check
    for language in languages:
        existing, unreadable = read_catalogs_apart(settings, language, parsed)
        result.failed += unreadable.values()
        for domain, catalog in existing.items():
            before[settings.catalog_path(language, domain)] = catalogs.catalog_text(catalog)
        memory = build_memory(existing)  # every translation of the language, for every new text
        for domain, catalog in existing.items():
            if domain not in templates:
                result.orphaned[settings.relative(settings.catalog_path(language, domain))] = sum(
                    1 for m in catalog if m.id and m.string
                )
        for domain, template in templates.items():
            path = settings.catalog_path(language, domain)
            if domain in unreadable:
                continue  # one catalog that cannot be read is left as it is; the others are merged
            if domain in existing:
                merged = catalogs.merge_catalog(existing[domain], template)
            else:
                merged = catalogs.new_catalog(template, language)
                result.created.append(settings.relative(path))
            reuse = fill_from_memory(merged, memory, domain, set(templates))
            if reuse.carried or reuse.revived or reuse.suggested:
                result.reused[settings.relative(path)] = reuse
            planned.append((path, merged))
    writes = []
    for path, catalog in planned:
        display = settings.relative(path)
        if path in before:
            old: str | None = before[path]
        else:  # a template (.pot), through the store: an update after an edit parses only what changed
            old = catalogs.catalog_text(read_kept(path, display, parsed)) if path.exists() else None
        if old is not None and catalogs.same_content(old, catalogs.catalog_text(catalog)):
            continue  # nothing changed: the file keeps its bytes, whatever tool saved it last
        check_write_target(path, settings.locale_dir, display)
        if not check:
            try:
                writes.append((path, catalogs.render_catalog(catalog, display)))
            except CatalogError as error:
                result.failed.append(error)
                continue
        result.written.append(display)
    write_files_atomic(writes)  # all or nothing
    if not result.failed and (check or not result.written):  # else the files it read have changed
        if inputs_digest(settings, languages) == digest:  # and no one edited them meanwhile
            write_stamp(settings, digest, Stamp(result.orphaned, tuple(result.written)))
    return result


def site_release_problems(settings: Settings) -> list[str]:
    """Release mode: site strings (theme, notices, navigation) that are untranslated or outdated."""
    problems = []
    for language in settings.languages:
        path = settings.catalog_path(language, SITE_DOMAIN)
        if not path.exists():
            problems.append(f"{settings.relative(path)}: missing (run 'make update')")
            continue
        pending = [
            ("fuzzy" if m.fuzzy else "untranslated", str(m.id))
            for m in catalogs.read_catalog(path, settings.relative(path))
            if m.id and not catalogs.is_translated(m)
        ]
        if pending:
            problems.append(f"{settings.relative(path)}: {len(pending)} site strings not translated")
            problems.extend(f"    {state}: {excerpt(text)}" for state, text in pending)
    return problems


def read_catalogs_apart(
    settings: Settings, language: str, store: ResultStore | None = None
) -> tuple[dict[str, Catalog], dict[str, CatalogError]]:
    """Every catalog file of a language, by domain; those that cannot be read, with why, apart.
    With a ``store``, a catalog whose bytes were parsed before (by a build) is not parsed again."""
    folder = settings.locale_dir / language / "LC_MESSAGES"
    found, failed = {}, {}
    for path in sorted(folder.rglob("*.po")) if folder.is_dir() else []:
        domain = path.relative_to(folder).with_suffix("").as_posix()
        try:
            found[domain] = read_kept(path, settings.relative(path), store)
        except CatalogError as error:
            failed[domain] = error
    return found, failed


def read_all_catalogs(settings: Settings, language: str) -> dict[str, Catalog]:
    """Every catalog file of a language, by domain, including those of pages that are gone."""
    folder = settings.locale_dir / language / "LC_MESSAGES"
    found = {}
    for path in sorted(folder.rglob("*.po")) if folder.is_dir() else []:
        domain = path.relative_to(folder).with_suffix("").as_posix()
        found[domain] = catalogs.read_catalog(path, settings.relative(path))
    return found


def read_language_catalogs(
    settings: Settings, language: str, domains: Iterable[str], store: ResultStore | None = None
) -> dict[str, Catalog]:
    """Every catalog a language needs; a missing one is an empty catalog (nothing translated).
    With a ``store``, a catalog whose bytes were parsed before is taken from it (``make check``
    right after a build reads every catalog again)."""
    found = {}
    for domain in domains:
        path = settings.catalog_path(language, domain)
        found[domain] = read_kept(path, settings.relative(path), store) if path.exists() else Catalog(locale=language)
    return found


def read_kept(path: Path, display: str, store: ResultStore | None) -> Catalog:
    """``read_catalog``, through the store: the same bytes (and code) give the same catalog."""
    if store is None:
        return catalogs.read_catalog(path, display)
    return parsed_kept(
        display, read_catalog_bytes(path, display), store, lambda data: catalog_of_file(path, display, data)
    )


def parsed_kept(display: str, data: bytes, store: ResultStore, parse: Callable[[bytes], Catalog]) -> Catalog:
    """A catalog's bytes parsed once: the build's generation and ``make check`` share the store
    (``.cache/catalogs/``), so a check right after a build parses nothing the build parsed."""
    key = result_key(display, data)
    kept = store.get(key)
    if kept is not None:
        return pickle.loads(kept)  # noqa: S301 (this project's own cache, keyed by the bytes it was made from)
    catalog = parse(data)
    store.put(key, pickle.dumps(catalog))
    return catalog


def site_translations(settings: Settings, language: str) -> tuple[Translations, list[Finding]]:
    """gettext translations of the site strings, and the ones refused.

    Templates insert these strings as text, so each must be plain text with the
    English's placeholders (``textrules.plain_text_problems``); a refused one,
    like a fuzzy one, is left out and the English shows."""
    path = settings.catalog_path(language, SITE_DOMAIN)
    if language == settings.source_language:
        return Translations(), []
    check_locale_tree(settings.locale_dir)
    if not path.exists():
        return Translations(), []
    display = settings.relative(path)
    catalog = catalogs.read_catalog(path, display)
    refused = []
    for message in catalog:
        if message.string and not message.fuzzy and not catalogs.is_translated(message):
            message.string = ""  # no words where the English has them: the English shows
        if not catalogs.is_translated(message) or isinstance(message.id, (list, tuple)):
            continue
        problems = list(plain_text_problems(str(message.id), str(message.string)))
        if problems:
            message.string = ""
            text = "translation refused, the site shows the English instead: " + "; ".join(problems)
            refused.append(
                Finding(
                    Location(display, message.lineno or 0),
                    "S303",
                    Severity.ERROR,
                    text,
                    HINTS["S303"],
                    excerpt(str(message.id)),
                )
            )
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=SITE_DOMAIN), refused
