"""Built-site checks: links, anchors, language counterparts, and nothing loaded from elsewhere.

Each page is scanned once (in parallel on large sites): its references are
resolved against the list of files in site/, so what comes back per page is
small — ids, language facts, broken references, anchors to look up. Then the
checks below run over those scans: every href/src resolves to a file, every
#anchor to an id, every page has its counterpart in each language, hreflang
links are absolute, reciprocal and include x-default, and no page or
stylesheet loads anything from another host.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from ..model import Finding, Location, Severity
from ..settings import Settings

#: Elements whose URL the browser loads by itself (not a link the reader follows).
_LOADING_RELS = {
    "stylesheet",
    "preload",
    "modulepreload",
    "prefetch",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "manifest",
    "preconnect",
    "dns-prefetch",
}
_LOADING_TAGS = {"script", "img", "iframe", "source", "video", "audio", "embed", "object"}
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")

# Regular expressions over our own generated HTML (quoted attributes, no ">" inside
# values) scan a page several times faster than building an lxml tree, and the
# navigation of a large site repeats thousands of links on every page.
_PLAIN_LINK = re.compile(r"""<a\s[^>]*?href\s*=\s*["']([^"']*)["']""", re.I)
_TAG = re.compile(
    r"<(link|script|img|source|iframe|video|audio|embed|object|area|html)\b([^>]*)>|<a ([^>]*?(?:hreflang|target|name)=[^>]*)>"
)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_ID = re.compile(r""" id=["']([^"']*)["']""")  # a literal start keeps the scan fast
PARALLEL_FROM = 200  # pages; below this, starting worker processes costs more than it saves


def page_url(path: str) -> str:
    return path[: -len("index.html")] if path.endswith("index.html") else path


def _attributes(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _ATTR.finditer(text):
        value = (
            match.group(2)
            if match.group(2) is not None
            else match.group(3)
            if match.group(3) is not None
            else match.group(4)
        )
        found.setdefault(match.group(1).lower(), unescape(value))
    return found


class Resolver:
    """Site-relative file and fragment of a reference; cached, since every page of a
    folder repeats the same navigation links."""

    def __init__(self, files: frozenset[str], site_url: str) -> None:
        self.files = files
        self.site_url = site_url
        self.own = urlsplit(site_url)
        self.cache: dict[tuple[str, str], tuple[str | None, str]] = {}

    def resolve(self, page: str, reference: str) -> tuple[str | None, str]:
        return self.resolve_in(page[: page.rfind("/") + 1], reference)

    def resolve_in(self, folder: str, reference: str) -> tuple[str | None, str]:
        while reference[:3] == "../" and folder:
            folder = folder[: folder.rstrip("/").rfind("/") + 1]
            reference = reference[3:]
        key = (folder, reference)
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = self._resolve(folder, reference)
        return found

    def _resolve(self, folder: str, reference: str) -> tuple[str | None, str]:
        if reference.startswith(("http:", "https:", "//")):
            parts = urlsplit(reference if not reference.startswith("//") else "https:" + reference)
            if parts.netloc != self.own.netloc or not parts.path.startswith(self.own.path):
                return None, ""
            location, fragment = parts.path[len(self.own.path) :], parts.fragment
            joined = location
        else:
            if ":" in reference.split("/", 1)[0].split("#", 1)[0].split("?", 1)[0]:
                return None, ""  # mailto:, tel:, javascript: …
            location, _, fragment = reference.partition("#")
            location = location.partition("?")[0]
            joined = location[1:] if location.startswith("/") else folder + location
        trailing = joined in ("", ".", "..") or joined.endswith(("/", "/.", "/..")) or location in ("", ".", "..")
        path = posixpath.normpath(joined) if joined else ""
        path = "" if path == "." else unquote(path)
        if path.startswith(".."):
            return "../" + path, fragment  # above the site root: never a file of site/
        if trailing:
            path = (path + "/" if path else "") + "index.html"
        elif path not in self.files and path + "/index.html" in self.files:
            path += "/index.html"
        return path, fragment


@dataclass
class PageScan:
    """What one built page says about links and languages; offsets, not lines."""

    path: str  # relative to site/, e.g. fa/guides/microneedling/index.html
    file: Path
    lang: str = ""
    dir: str = ""
    ids: set[str] = field(default_factory=set)
    broken: list[tuple[str, str, str, int, str]] = field(default_factory=list)  # tag, attr, value, offset, target
    anchors: list[tuple[str, str, str, int, str, str]] = field(default_factory=list)  # + target, fragment
    foreign: list[tuple[str, str, str, int, str]] = field(default_factory=list)  # tag, attr, value, offset, host
    external: list[tuple[str, int, str, str]] = field(default_factory=list)  # href, offset, target, rel
    hreflang: dict[str, tuple[str, int]] = field(default_factory=dict)
    switch: dict[str, tuple[str, int]] = field(default_factory=dict)  # lang -> (href, offset)

    @property
    def url(self) -> str:
        return page_url(self.path)

    def line_of(self, offset: int, value: str | None = None) -> int:
        """1-based line of an offset, or of the first "value" (offset -1); for findings only."""
        text = self.file.read_text(encoding="utf-8", errors="replace")
        if offset < 0:
            offset = max(text.find(f'"{value}"'), 0) if value is not None else 0
        return text.count("\n", 0, offset) + 1


def scan_page(site: Path, relative: str, resolver: Resolver) -> PageScan:
    scan = PageScan(relative, site / relative)
    text = scan.file.read_bytes().decode("utf-8", errors="replace")
    scan.ids = {unescape(i) if "&" in i else i for i in _ID.findall(text)}
    folder = relative[: relative.rfind("/") + 1]
    files, resolve = resolver.files, resolver.resolve_in
    references: list[tuple[str, str, str, int, str]] = []
    # The bulk: plain <a href> links, mostly navigation. Kept to the minimum of work.
    for value in set(_PLAIN_LINK.findall(text)):
        if "&" in value:
            value = unescape(value)
        if value[:1] not in ("h", "/") or not value.startswith(("http:", "https:", "//")):
            target, fragment = resolve(folder, value)
            if target is None:
                continue
            if target not in files:
                scan.broken.append(("a", "href", value, -1, target))
            elif fragment and target[-5:] == ".html":
                scan.anchors.append(("a", "href", value, -1, target, unquote(fragment)))
        else:
            references.append(("a", "href", value, -1, ""))
    opens_tab = set()
    for match in _TAG.finditer(text):
        tag = (match.group(1) or "a").lower()
        attrs = _attributes(match.group(2) if match.group(1) else match.group(3))
        offset, rel = match.start(), attrs.get("rel", "").lower()
        if tag == "html":
            scan.lang, scan.dir = attrs.get("lang", ""), attrs.get("dir", "")
        elif tag == "a":  # its href is among the plain links; keep what else it says
            href = attrs.get("href", "")
            if attrs.get("name"):
                scan.ids.add(attrs["name"])
            if "md-select__link" in attrs.get("class", "") and attrs.get("hreflang"):
                scan.switch[attrs["hreflang"]] = (href, offset)
            if href.startswith(("http://", "https://")):
                scan.external.append((href, offset, attrs.get("target", ""), rel))
                opens_tab.add(href)
        else:
            for attr in ("href", "src"):
                if attr in attrs:
                    references.append((tag, attr, attrs[attr], offset, rel))
                    if tag == "link" and "alternate" in rel.split() and attrs.get("hreflang"):
                        scan.hreflang[attrs["hreflang"]] = (attrs[attr], offset)
            for candidate in attrs.get("srcset", "").split(","):
                if candidate.strip():
                    references.append((tag, "srcset", candidate.split()[0], offset, rel))
    for tag, attr, value, offset, rel in references:
        if tag == "a" and value.startswith(("http://", "https://")) and value not in opens_tab:
            scan.external.append((value, offset, "", ""))
        if value.startswith(("http:", "https:", "//")):
            host = urlsplit(urljoin("https://site.invalid/", value)).netloc
            loads = tag in _LOADING_TAGS or (tag == "link" and set(rel.split()) & _LOADING_RELS)
            if loads and host != resolver.own.netloc:
                scan.foreign.append((tag, attr, value, offset, host))
        if not value or value.startswith(("mailto:", "tel:", "javascript:", "data:")):
            continue
        target, fragment = resolve(folder, value)
        if target is None:
            continue
        if target not in resolver.files:
            scan.broken.append((tag, attr, value, offset, target))
        elif fragment and target.endswith(".html"):
            scan.anchors.append((tag, attr, value, offset, target, unquote(fragment)))
    return scan


def _scan_chunk(site: Path, chunk: list[str], files: frozenset[str], site_url: str) -> list[PageScan]:
    resolver = Resolver(files, site_url)
    return [scan_page(site, relative, resolver) for relative in chunk]


@dataclass
class SiteModel:
    root: Path
    site_url: str
    pages: dict[str, PageScan]
    files: frozenset[str]
    resolver: Resolver


def read_site(settings: Settings, workers: int | None = None) -> SiteModel:
    """Scan every HTML page of site/ (in worker processes when the site is large)."""
    site = settings.site_dir
    files = frozenset(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    names = sorted(name for name in files if name.endswith(".html"))
    workers = workers or os.cpu_count() or 1
    if len(names) < PARALLEL_FROM or workers == 1:
        scans = _scan_chunk(site, names, files, settings.site_url)
    else:
        chunks = [names[i::workers] for i in range(workers)]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            scans = [
                scan
                for part in pool.map(
                    _scan_chunk, [site] * workers, chunks, [files] * workers, [settings.site_url] * workers
                )
                for scan in part
            ]
    return SiteModel(
        site, settings.site_url, {scan.path: scan for scan in scans}, files, Resolver(files, settings.site_url)
    )


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
                _where(settings, page, offset, value),
                "L903",
                Severity.ERROR,
                f'<{tag} {attr}="{value}"> loads from another host ({host})',
                "self-host the file under docs/ or the theme overrides",
            )
    for name in sorted(model.files):
        if not name.endswith(".css"):
            continue
        text = (model.root / name).read_text(encoding="utf-8", errors="replace")
        for match in _CSS_URL.finditer(text):
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
            if other != language and other in page.switch:
                href, line = page.switch[other]
                target, _ = model.resolver.resolve(page.path, href)
                if target != twin:
                    yield Finding(
                        _where(settings, page, line),
                        "L908",
                        Severity.ERROR,
                        f"language switch to {other} points to {target}, expected {twin}",
                        "the switch must lead to the same page in the other language",
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
        default = page.hreflang.get("x-default", ("", 1))[0]
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


def _direction(language: str) -> str:
    from babel import Locale

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


SITE_CHECKS = (check_references, check_foreign_loads, check_external_links, check_language_parity, check_sitemap)


def check_site(settings: Settings, model: SiteModel | None = None) -> list[Finding]:
    model = model or read_site(settings)
    return [finding for check in SITE_CHECKS for finding in check(settings, model)]
