"""Built-site checks: links, anchors, language counterparts, and nothing loaded from elsewhere.

The site is scanned once (``site_model``); the checks below run over the scans:
every href/src resolves to a file, every
#anchor to an id, every page has its counterpart in each language, hreflang
links are absolute, reciprocal and include x-default, and no page or
stylesheet loads anything from another host.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from babel import Locale

from doclocale.checks.handouts import check_handouts
from doclocale.checks.site_model import CSS_URL, PageScan, SiteModel, page_url, read_site
from doclocale.model import Finding, Location, Severity
from doclocale.settings import Settings

__all__ = ["check_site", "external_link_notes", "external_links", "read_site"]


def _where(settings: Settings, page: PageScan, offset: int, value: str | None = None) -> Location:
    return Location(f"{settings.relative(settings.site_dir)}/{page.path}", page.line_of(offset, value))


def check_references(settings: Settings, model: SiteModel) -> Iterator[Finding]:
    """Every href/src resolves to a file; every #anchor to an id on its page."""
    for page in model.pages.values():
        for tag, attr, value, offset, target in page.broken:
            yield Finding(
                _where(settings, page, offset, value),
                "L901",
                Severity.ERROR,
                f'<{tag} {attr}="{value}"> points to a missing file ({target})',
                "fix the link in the English page, or add the missing file",
            )
        for tag, attr, value, offset, target, fragment in page.anchors:
            if target in model.pages and fragment not in model.pages[target].ids:
                yield Finding(
                    _where(settings, page, offset, value),
                    "L902",
                    Severity.ERROR,
                    f"<{tag} {attr}=\"{value}\">: no element with id '{fragment}' on {target}",
                    "link to an existing heading id (see the page's table of contents)",
                )


def check_foreign_loads(settings: Settings, model: SiteModel) -> Iterator[Finding]:
    """Nothing a page loads by itself may come from another host."""
    for page in model.pages.values():
        for tag, attr, value, offset, host in page.foreign:
            yield Finding(
                _where(settings, page, offset),
                "L903",
                Severity.ERROR,
                f'<{tag} {attr}="{value}"> loads from another host ({host})',
                "self-host the file under docs/ or the theme overrides",
            )
    for name in sorted(model.files):
        if not name.endswith(".css"):
            continue
        text = (model.root / name).read_text(encoding="utf-8", errors="replace")
        for match in CSS_URL.finditer(text):
            url = match.group(1) or match.group(2)
            if re.match(r"(https?:)?//", url):
                line = text.count("\n", 0, match.start()) + 1
                yield Finding(
                    Location(f"{settings.relative(settings.site_dir)}/{name}", line),
                    "L903",
                    Severity.ERROR,
                    f"stylesheet loads {url} from another host",
                    "self-host the file",
                )


def check_external_links(settings: Settings, model: SiteModel) -> Iterator[Finding]:
    """Links to other sites in content: https only, safe in a new tab."""
    own = urlsplit(settings.site_url).netloc
    for page in model.pages.values():
        for href, offset, target, rel in page.external:
            if urlsplit(href).netloc == own:
                continue
            where = _where(settings, page, offset, href)
            if href.startswith("http://"):
                yield Finding(where, "L904", Severity.ERROR, f"link to {href} uses http://", "use the https:// address")
            if target == "_blank" and "noopener" not in rel.split():
                yield Finding(
                    where,
                    "L905",
                    Severity.ERROR,
                    f'link to {href} opens a new tab without rel="noopener"',
                    'add rel="noopener"',
                )


def external_link_notes(settings: Settings, model: SiteModel) -> list[Finding]:
    """L920: every link to another site, listed so a reviewer sees where readers are sent."""
    return [
        Finding(
            Location(f"{settings.relative(settings.site_dir)}/{page}"),
            "L920",
            Severity.INFO,
            f"links to another site: {url}",
        )
        for page, url in external_links(model)
    ]


def external_links(model: SiteModel) -> list[tuple[str, str]]:
    """(page, URL) of every link to another site, for the report's list."""
    own = urlsplit(model.site_url).netloc
    return sorted(
        {
            (page.path, href)
            for page in model.pages.values()
            for href, *_ in page.external
            if urlsplit(href).netloc != own
        }
    )


def counterpart(path: str, language: str, settings: Settings) -> str:
    """The same page in another language (site-relative file path)."""
    prefixes = tuple(f"{code}/" for code in settings.languages)
    base = next((path[len(p) :] for p in prefixes if path.startswith(p)), path)
    return base if language == settings.source_language else f"{language}/{base}"


def language_of(path: str, settings: Settings) -> str:
    return next((code for code in settings.languages if path.startswith(f"{code}/")), settings.source_language)


def check_language_parity(settings: Settings, model: SiteModel) -> Iterator[Finding]:
    """Each page exists in every language, and says so in its switch and its hreflang links."""
    languages = (settings.source_language,) + settings.languages
    for page in model.pages.values():
        if page.path.endswith("404.html"):
            yield from _not_found_switch(settings, model, page, languages)
            continue
        language = language_of(page.path, settings)
        where = _where(settings, page, 1)
        if page.lang != language:
            yield Finding(
                where,
                "L906",
                Severity.ERROR,
                f'<html lang="{page.lang}">, expected "{language}"',
                "check the language entry in mkdocs.yml",
            )
        for other in languages:
            twin = counterpart(page.path, other, settings)
            if other != language and twin not in model.pages:
                yield Finding(
                    where,
                    "L907",
                    Severity.ERROR,
                    f"no {other} version of this page ({twin})",
                    f"add the page to docs/{settings.source_language}/ and run 'make build'",
                )
                continue
            if other in page.switch:  # its own language too: the switch must name the page itself
                href, line = page.switch[other]
                target, _ = model.resolver.resolve(page.path, href)
                if target != twin:
                    yield Finding(
                        _where(settings, page, line),
                        "L908",
                        Severity.ERROR,
                        f"language switch to {other} points to {target}, expected {twin}",
                        "the switch must lead to this same page in each language",
                    )
            elif other != language:
                yield Finding(
                    where,
                    "L908",
                    Severity.ERROR,
                    f"language switch has no link to {other}",
                    "enable the language selector (extra.alternate)",
                )
            href, line = page.hreflang.get(other, ("", 1))
            expected = settings.site_url + page_url(twin)
            if href != expected:
                yield Finding(
                    _where(settings, page, line),
                    "L909",
                    Severity.ERROR,
                    f'hreflang="{other}" is {href or "missing"!r}, expected {expected!r}',
                    "hreflang links must be absolute (site_url) and reciprocal",
                )
        default = page.hreflang["x-default"][0] if "x-default" in page.hreflang else ""
        expected_default = settings.site_url + page_url(counterpart(page.path, settings.source_language, settings))
        if default != expected_default:
            yield Finding(
                where,
                "L910",
                Severity.ERROR,
                f'hreflang="x-default" is {default or "missing"!r}, expected {expected_default!r}',
                'add <link rel="alternate" hreflang="x-default"> pointing to the source-language page',
            )
        if language != settings.source_language and page.dir != _direction(language):
            yield Finding(
                where,
                "L911",
                Severity.ERROR,
                f'<html dir="{page.dir}">, expected "{_direction(language)}"',
                "set dir on <html> so the whole page, header included, reads in the right direction",
            )


def _not_found_switch(
    settings: Settings, model: SiteModel, page: PageScan, languages: tuple[str, ...]
) -> Iterator[Finding]:
    """A page-not-found page has no counterpart: its switch leads to each language's home page."""
    for other in languages:
        home = counterpart("index.html", other, settings)
        href, offset = page.switch.get(other, ("", 1))
        target = model.resolver.resolve(page.path, href)[0] if href else None
        if target != home:
            yield Finding(
                _where(settings, page, offset),
                "L908",
                Severity.ERROR,
                f"language switch to {other} points to {target or 'nothing'}, expected that language's home page ({home})",
                "on a page-not-found page the switch must lead to each language's home page",
            )


def _direction(language: str) -> str:
    return Locale.parse(language).text_direction


def check_sitemap(settings: Settings, model: SiteModel) -> Iterator[Finding]:
    path = model.root / "sitemap.xml"
    where = Location(f"{settings.relative(settings.site_dir)}/sitemap.xml")
    if not path.exists():
        yield Finding(
            where,
            "L912",
            Severity.ERROR,
            "sitemap.xml is missing",
            "keep MkDocs' sitemap (do not remove sitemap.xml from the theme)",
        )
        return
    listed = set(re.findall(r"<loc>([^<]+)</loc>", path.read_text(encoding="utf-8")))
    for page in model.pages.values():
        if page.path.endswith("404.html"):
            continue
        url = settings.site_url + page.url
        if url not in listed:
            yield Finding(
                where,
                "L912",
                Severity.ERROR,
                f"sitemap does not list {url}",
                "every page of every language belongs in the sitemap",
            )


SITE_CHECKS = (
    check_references,
    check_foreign_loads,
    check_external_links,
    check_language_parity,
    check_sitemap,
    check_handouts,
)


def check_site(settings: Settings, model: SiteModel | None = None) -> list[Finding]:
    model = model or read_site(settings)
    return [finding for check in SITE_CHECKS for finding in check(settings, model)]
