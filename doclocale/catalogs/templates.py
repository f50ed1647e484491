"""The English side of the catalogs: the pages read, and each page's template (.pot) made from
them, with the site's own template (its strings, the theme's and the folders' titles)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file

from doclocale.catalogs import merge as catalogs
from doclocale.catalogs.theme_strings import THEME_FILE, read_theme_strings
from doclocale.model import Location, SourcePage
from doclocale.reading.page_cache import page_key, prune
from doclocale.reading.sources import find_pages, page_domain, read_page
from doclocale.settings import SITE_DOMAIN, Settings


def each_source(settings: Settings, pages: list[str]) -> Iterator[tuple[str, SourcePage]]:
    """``pages`` parsed, one at a time (from .cache/pages/ where unchanged); once every one was
    read, the cache keeps only these."""
    read = []
    for page in pages:
        source = read_page(settings, page)
        read.append(page_key(source.path, source.text))
        yield page, source
    prune(settings.cache_dir("pages"), read)


def read_sources(settings: Settings) -> dict[str, SourcePage]:
    """Every English page, parsed (from .cache/pages/ where unchanged); the cache keeps only these."""
    return dict(each_source(settings, find_pages(settings)))


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
