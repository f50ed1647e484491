"""The built site as the link checks see it: every page scanned once, references resolved.

Each page is scanned once (in parallel on large sites): its references are
resolved against the list of files in site/, so what comes back per page is
small — ids, language facts, broken references, anchors to look up. The checks
in ``links`` run over these scans.
"""

from __future__ import annotations

import os
import posixpath
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

from doclocale.settings import Settings

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
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")

# Regular expressions over our own generated HTML (quoted attributes, no ">" inside
# values) scan a page several times faster than building an lxml tree, and the
# navigation of a large site repeats thousands of links on every page.
_PLAIN_LINK = re.compile(r"""<a\s[^>]*?href\s*=\s*["']([^"']*)["']""", re.I)
_TAG = re.compile(
    r"<(link|script|img|source|iframe|video|audio|embed|object|area|html)\b([^>]*)>|<a ([^>]*?(?:hreflang|target|name)=[^>]*)>"
)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_ID = re.compile(r""" id=["']([^"']*)["']""")  # a literal start keeps the scan fast
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")  # mailto:, tel:, javascript:, data: … (RFC 3986)
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
            parts = urlsplit(reference)
            if parts.netloc != self.own.netloc or not parts.path.startswith(self.own.path):
                return None, ""
            location, fragment = parts.path[len(self.own.path) :], parts.fragment
            joined = location
        else:
            if _SCHEME.match(reference):
                return None, ""  # not a file of this site
            location, _, fragment = reference.partition("#")
            location = location.partition("?")[0]
            joined = location[1:] if location.startswith("/") else folder + location
        trailing = joined in ("", ".") or joined.endswith(("/", "/.", "/.."))
        path = posixpath.normpath(joined)
        path = "" if path == "." else unquote(path)
        if path.startswith(".."):
            return path, fragment  # above the site root: never a file of site/
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
        if offset < 0 and value is not None:  # the value as written, or with its & written &amp;
            found = text.find(f'"{value}"')
            offset = max(found if found >= 0 else text.find(f'"{value.replace("&", "&amp;")}"'), 0)
        offset = max(offset, 0)
        return text.count("\n", 0, offset) + 1


def scan_page(site: Path, relative: str, resolver: Resolver) -> PageScan:
    scan = PageScan(relative, site / relative)
    text = scan.file.read_bytes().decode("utf-8", errors="replace")
    scan.ids = {unescape(i) for i in _ID.findall(text)}
    folder = relative[: relative.rfind("/") + 1]
    files, resolve = resolver.files, resolver.resolve_in
    references: list[tuple[str, str, str, int, str]] = []
    # The bulk: plain <a href> links, mostly navigation. Kept to the minimum of work.
    for value in {unescape(v) for v in _PLAIN_LINK.findall(text)}:
        if not value.startswith(("http:", "https:", "//")):
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
            host = urlsplit(value).netloc
            loads = tag in _LOADING_TAGS or (tag == "link" and set(rel.split()) & _LOADING_RELS)
            if loads and host != resolver.own.netloc:
                scan.foreign.append((tag, attr, value, offset, host))
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
