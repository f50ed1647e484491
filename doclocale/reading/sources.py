"""The one place that walks and reads the English pages (I/O edge)."""

from __future__ import annotations

import os
from collections.abc import Iterable

from doclocale.errors import SourceError
from doclocale.model import Location, SourcePage
from doclocale.reading.page_cache import parsed_page
from doclocale.settings import SITE_DOMAIN, Settings

#: Pages larger than this are refused: no patient guide is this long, and a
#: runaway file would slow every build.
MAX_PAGE_BYTES = 2_000_000


def find_pages(settings: Settings) -> list[str]:
    """Markdown pages under docs/<source>/, as sorted POSIX paths relative to it."""
    source = settings.source_dir
    if not source.is_dir():
        raise SourceError(
            Location(settings.relative(source)),
            "source folder is missing",
            f"create {settings.relative(source)}/ with the English pages",
        )
    pages: list[str] = []
    for folder, folders, files in os.walk(source):  # links to folders are listed, not followed
        inside = os.path.relpath(folder, source).replace(os.sep, "/")
        prefix = "" if inside == "." else inside + "/"
        pages.extend(prefix + name for name in folders + files if name.endswith(".md") and not name.startswith("."))
        folders[:] = [name for name in folders if not name.startswith(".")]
    return sorted(pages, key=lambda page: page.split("/"))  # the order of paths, folder by folder


def page_domain(page: str) -> str:
    """Catalog domain of a page: its path without '.md' (catalogs mirror docs/en/)."""
    return page[: -len(".md")]


def read_pages(settings: Settings, pages: Iterable[str]) -> dict[str, SourcePage]:
    """``pages`` (paths under docs/<source>/), parsed, in their order."""
    return {page: read_page(settings, page) for page in pages}


def read_page(settings: Settings, page: str) -> SourcePage:
    path = settings.source_dir / page
    display = settings.relative(path)
    if page_domain(page) == SITE_DOMAIN:
        raise SourceError(
            Location(display), f"'{SITE_DOMAIN}' is reserved for the site's own strings", "rename the page"
        )
    if path.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(settings.docs_dir.resolve()):
            raise SourceError(
                Location(display),
                f"symbolic link points outside docs/ (to {target})",
                "copy the page into docs/en/ instead of linking to it",
            )
    size = path.stat().st_size
    if size > MAX_PAGE_BYTES:
        raise SourceError(
            Location(display),
            f"page is {size // 1_000_000} MB; the limit is {MAX_PAGE_BYTES // 1_000_000} MB",
            "split it into several pages",
        )
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SourceError(Location(display, line), "page is not valid UTF-8", "save the file as UTF-8") from error
    if text.startswith("\ufeff"):
        raise SourceError(
            Location(display, 1), "page starts with a byte-order mark (BOM)", "save the file as UTF-8 without BOM"
        )
    return parsed_page(settings.cache_dir("pages"), display, text)
