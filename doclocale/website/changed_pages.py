"""The start page of a pull request's preview: the pages its files change, in every language they
change, each with its printed handouts.

A translator who edits one catalog should not have to find the page in a whole site: the
preview artifact holds ``site/`` and this page beside it, with a link to each changed page and
PDF. A changed catalog (``locale/<language>/LC_MESSAGES/<page>.po``) changes that page in that
language; a changed English page (``docs/<source>/<page>.md``) changes it in every language; the
site's own strings (``_site.po``), the theme or the code change every page, so the home pages
stand for them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from pathlib import PurePosixPath

from doclocale.settings import Settings

SITE_STRINGS = "_site"


@dataclass(frozen=True)
class ChangedPage:
    language: str
    page: str  # under docs/<source>/, without .md, e.g. guides/microneedling
    because: str  # the changed file


def changed_pages(settings: Settings, files: Iterable[str]) -> list[ChangedPage]:
    """The pages (per language) that changed ``files`` (paths from the repository's root) touch."""
    every = (settings.source_language, *settings.languages)
    found: dict[tuple[str, str], ChangedPage] = {}
    for name in files:
        parts = PurePosixPath(name.strip()).parts
        if not parts:
            continue
        if len(parts) > 3 and parts[0] == "locale" and parts[2] == "LC_MESSAGES" and name.endswith(".po"):
            language, page = parts[1], "/".join(parts[3:]).removesuffix(".po")
            if language in settings.languages:
                page = "index" if page == SITE_STRINGS else page
                found.setdefault((language, page), ChangedPage(language, page, name.strip()))
            continue
        if len(parts) > 2 and parts[0] == "docs" and parts[1] == settings.source_language and name.endswith(".md"):
            page = "/".join(parts[2:]).removesuffix(".md")
            for language in every:
                found.setdefault((language, page), ChangedPage(language, page, name.strip()))
            continue
        if parts[0] in ("locale", "docs"):
            continue  # templates, glossaries, images: the pages above, or none
        for language in every:  # the theme, the settings or the code: every page
            found.setdefault((language, "index"), ChangedPage(language, "index", name.strip()))
    order = {language: i for i, language in enumerate(every)}
    return sorted(found.values(), key=lambda c: (c.page != "index", c.page, order.get(c.language, 0)))


def page_folder(settings: Settings, language: str, page: str) -> str:
    """Where a page is written under site/, e.g. fa/guides/microneedling/ ('' for the home page)."""
    prefix = "" if language == settings.source_language else f"{language}/"
    path = page.removesuffix("index").rstrip("/")
    return f"{prefix}{path}/" if path else prefix


def start_page(settings: Settings, changed: list[ChangedPage], handouts: dict[str, list[str]]) -> str:
    """The HTML of the start page; ``handouts`` maps a page folder to its PDFs' file names."""
    site = settings.relative(settings.site_dir)
    rows = []
    for change in changed:
        folder = page_folder(settings, change.language, change.page)
        links = [f'<a href="{escape(site)}/{escape(folder)}index.html">{escape(change.page)}</a>']
        links += [
            f'<a href="{escape(site)}/{escape(folder + pdf)}">{escape(pdf)}</a>' for pdf in handouts.get(folder, [])
        ]
        rows.append(
            f"<tr><td>{escape(change.language)}</td><td>{' · '.join(links)}</td>"
            f"<td><code>{escape(change.because)}</code></td></tr>"
        )
    body = (
        "<table><thead><tr><th>Language · زبان</th><th>Page and handouts · صفحه و برگه‌های چاپی</th>"
        "<th>Because of · به خاطر</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
        if rows
        else "<p>No page changed. · هیچ صفحه‌ای تغییر نکرده است.</p>"
    )
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Pages this pull request changes</title>"
        "<style>body{font:16px/1.5 system-ui,sans-serif;margin:1.5rem}td,th{padding:.3rem .6rem;"
        "text-align:start;border-bottom:1px solid #ccc}</style></head><body>"
        "<h1>Pages this pull request changes</h1>"
        '<p lang="fa" dir="rtl">صفحه‌هایی که این pull request تغییر می‌دهد، به هر دو زبان، با برگه‌های چاپی‌شان. '
        "بقیهٔ سایت هم در پوشهٔ site هست.</p>"
        f"{body}</body></html>\n"
    )
