"""Every language's catalogs brought in step with the English pages (``make update``), and
the catalogs read for the build and the checks.

Functions here do the project's file I/O; the work itself happens in the pure modules they
call (``templates``, ``merge``, ``memory``).
"""

from __future__ import annotations

import io
import logging
import pickle
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.support import Translations

from doclocale.catalogs import merge as catalogs
from doclocale.catalogs.locale_files import check_locale_tree, check_write_target
from doclocale.catalogs.memory import Reuse, TranslationMemory, fill_from_memory
from doclocale.catalogs.po_reader import catalog_of_file, read_catalog_bytes
from doclocale.catalogs.templates import each_source, page_templates, site_catalog_template
from doclocale.catalogs.update_stamp import Stamp, inputs_digest, unchanged_since_stamp, write_stamp
from doclocale.errors import CatalogError
from doclocale.model import Finding, Location, Severity, excerpt
from doclocale.reading.sources import find_pages, page_domain
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


# -- catalogs --------------------------------------------------------------------
def update_catalogs(settings: Settings, languages: Iterable[str] | None = None, check: bool = False) -> UpdateResult:
    """Extract templates and merge them into every language's catalogs.

    All catalogs are read (and validated) before any file is written, so one bad
    PO file stops the update with nothing changed. One page, its template and its catalogs
    are held at a time, and what changed as bytes (at 10,000 guides, holding every template
    and catalog took 900 MB): each catalog is read twice, once for the translation memory
    and once to merge it, the second time from the store of parsed catalogs.
    """
    languages = tuple(languages or settings.languages)
    check_locale_tree(settings.locale_dir)  # before anything under locale/ is read or written
    digest = inputs_digest(settings, languages)
    stamp = unchanged_since_stamp(settings, digest)
    if stamp is not None and (check or not stamp.out_of_date):
        return UpdateResult(written=list(stamp.out_of_date), orphaned=stamp.orphaned)
    names = find_pages(settings)
    domains = {page_domain(page) for page in names} | {SITE_DOMAIN}
    parsed = ResultStore(settings.cache_dir("catalogs"))  # shared with the build and make check
    result = UpdateResult()
    merges = {language: LanguageMerge(language=language) for language in languages}
    for language, merge in merges.items():
        for domain, path in catalog_files(settings, language):
            merge.remember(settings, domain, path, parsed, domains, result.orphaned)
        result.failed += merge.unreadable.values()
    templates = Changes()
    for page, source in each_source(settings, names):
        for domain, template in page_templates({page: source}):
            _merge_domain(settings, domain, template, merges, templates, parsed, domains, check)
    site = site_catalog_template(settings, names)
    _merge_domain(settings, SITE_DOMAIN, site, merges, templates, parsed, domains, check)
    writes = []
    for changes in [templates, *merges.values()]:
        result.written += changes.written
        result.failed += changes.failed
        writes += changes.writes
    for merge in merges.values():
        result.created += merge.created
        result.reused.update(merge.reused)
    write_files_atomic(writes)  # all or nothing
    if not result.failed and (check or not result.written):  # else the files it read have changed
        if inputs_digest(settings, languages) == digest:  # and no one edited them meanwhile
            write_stamp(settings, digest, Stamp(result.orphaned, tuple(result.written)))
    return result


@dataclass
class Changes:
    """The files an update changes, in the order they were met, with their new bytes."""

    written: list[str] = field(default_factory=list)  # (or that would be, with check)
    writes: list[tuple[Path, bytes]] = field(default_factory=list)
    failed: list[CatalogError] = field(default_factory=list)  # could not be written as a PO file

    def record(self, settings: Settings, path: Path, catalog: Catalog, old: str | None, check: bool) -> None:
        """``catalog`` is to be written at ``path`` unless it says what ``old`` says (its text on disk)."""
        display = settings.relative(path)
        if old is not None and catalogs.same_content(old, catalogs.catalog_text(catalog)):
            return  # nothing changed: the file keeps its bytes, whatever tool saved it last
        check_write_target(path, settings.locale_dir, display)
        if not check:
            try:
                self.writes.append((path, catalogs.render_catalog(catalog, display)))
            except CatalogError as error:
                self.failed.append(error)
                return
        self.written.append(display)


@dataclass
class LanguageMerge(Changes):
    """One language's catalogs: what its files hold, then what merging them changes. A catalog
    is read, used and let go before the next is read."""

    language: str = ""
    memory: TranslationMemory = field(default_factory=TranslationMemory)
    present: set[str] = field(default_factory=set)  # domains whose catalog could be read
    unreadable: dict[str, CatalogError] = field(default_factory=dict)  # left as they are; the others are merged
    created: list[str] = field(default_factory=list)
    reused: dict[str, Reuse] = field(default_factory=dict)  # catalog -> translations carried or revived

    def remember(
        self, settings: Settings, domain: str, path: Path, parsed: ResultStore, domains: set[str], orphans: dict
    ) -> None:
        """One catalog file's translations, into the memory every new text is offered from."""
        display = settings.relative(path)
        try:
            catalog = read_kept(path, display, parsed)
        except CatalogError as error:
            self.unreadable[domain] = error
            return
        self.present.add(domain)
        self.memory.add(domain, catalog)
        if domain not in domains:
            orphans[display] = sum(1 for m in catalog if m.id and m.string)

    def merge(
        self, settings: Settings, domain: str, template: Catalog, parsed: ResultStore, domains: set[str], check: bool
    ) -> None:
        """The template merged into this language's catalog (read again, from the store)."""
        path = settings.catalog_path(self.language, domain)
        display = settings.relative(path)
        if domain in self.unreadable:
            return
        if domain in self.present:
            catalog = read_kept(path, display, parsed)
            before: str | None = catalogs.catalog_text(catalog)  # what the catalog on disk says
            merged = catalogs.merge_catalog(catalog, template)
        else:
            merged, before = catalogs.new_catalog(template, self.language), None
            self.created.append(display)
        reuse = fill_from_memory(merged, self.memory, domain, domains)
        if reuse.carried or reuse.revived or reuse.suggested:
            self.reused[display] = reuse
        self.record(settings, path, merged, before, check)


def _merge_domain(
    settings: Settings,
    domain: str,
    template: Catalog,
    merges: dict[str, LanguageMerge],
    templates: Changes,
    parsed: ResultStore,
    domains: set[str],
    check: bool,
) -> None:
    """One template merged into each language's catalog, then the template itself (.pot)."""
    for merge in merges.values():
        merge.merge(settings, domain, template, parsed, domains, check)
    path = settings.template_path(domain)
    display = settings.relative(path)  # through the store: an update after an edit parses only what changed
    old = catalogs.catalog_text(read_kept(path, display, parsed)) if path.exists() else None
    templates.record(settings, path, template, old, check)


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


def catalog_files(settings: Settings, language: str) -> list[tuple[str, Path]]:
    """Every catalog file of a language, by domain, including those of pages that are gone."""
    folder = settings.locale_dir / language / "LC_MESSAGES"
    return [
        (path.relative_to(folder).with_suffix("").as_posix(), path)
        for path in (sorted(folder.rglob("*.po")) if folder.is_dir() else [])
    ]


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
