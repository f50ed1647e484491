"""Built-site checks: links, anchors, language counterparts, and nothing loaded from elsewhere.

Reads every HTML page of site/ once (lxml, for speed), then checks the model:
every href/src resolves to a file, every #anchor to an id, every page has its
counterpart in each language, hreflang links are absolute, reciprocal and
include x-default, and no page or stylesheet loads anything from another host.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html

from ..model import Finding, Location, Severity
from ..settings import Settings

#: Elements whose URL the browser loads by itself (not a link the reader follows).
_LOADING_RELS = {"stylesheet", "preload", "modulepreload", "prefetch", "icon", "shortcut", "apple-touch-icon", "manifest", "preconnect", "dns-prefetch"}
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


@dataclass
class HtmlPage:
    path: str  # relative to site/, e.g. fa/guides/microneedling/index.html
    url: str  # site-relative URL, e.g. fa/guides/microneedling/
    lang: str = ""
    dir: str = ""
    ids: set[str] = field(default_factory=set)
    references: list[tuple[str, str, str, int, str]] = field(default_factory=list)  # tag, attr, value, line, rel
    hreflang: dict[str, tuple[str, int]] = field(default_factory=dict)
    switch: dict[str, tuple[str, int]] = field(default_factory=dict)  # language switch: lang -> (href, line)
    external: list[tuple[str, int, str, str]] = field(default_factory=list)  # href, line, target, rel


def page_url(path: str) -> str:
    return path[: -len("index.html")] if path.endswith("index.html") else path


def read_html_page(site: Path, path: Path) -> HtmlPage:
    relative = path.relative_to(site).as_posix()
    page = HtmlPage(relative, page_url(relative))
    root = lxml.html.fromstring(path.read_bytes())
    page.lang = root.get("lang", "")
    page.dir = root.get("dir", "")
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        ident = element.get("id")
        if ident:
            page.ids.add(ident)
        if element.tag == "a" and element.get("name"):
            page.ids.add(element.get("name"))
        rel = (element.get("rel") or "").lower()
        line = element.sourceline or 0
        for attr in ("href", "src"):
            value = element.get(attr)
            if value is None:
                continue
            page.references.append((element.tag, attr, value, line, rel))
            if element.tag == "link" and "alternate" in rel.split() and element.get("hreflang"):
                page.hreflang[element.get("hreflang")] = (value, line)
            if element.tag == "a" and "md-select__link" in (element.get("class") or "") and element.get("hreflang"):
                page.switch[element.get("hreflang")] = (value, line)
            if element.tag == "a" and re.match(r"https?://", value):
                page.external.append((value, line, element.get("target", ""), rel))
        srcset = element.get("srcset")
        if srcset:
            for candidate in srcset.split(","):
                if candidate.strip():
                    page.references.append((element.tag, "srcset", candidate.split()[0], line, rel))
    return page


@dataclass
class SiteModel:
    root: Path
    site_url: str
    pages: dict[str, HtmlPage]
    files: set[str]

    def local_target(self, base_url: str, reference: str) -> tuple[str | None, str]:
        """(file path in site/ or None if external, fragment) for a reference on a page."""
        absolute = urljoin("https://site.invalid/" + base_url, reference)
        parts = urlsplit(absolute)
        if parts.scheme not in ("http", "https"):
            return None, ""
        if parts.netloc != "site.invalid":
            own = urlsplit(self.site_url)
            if parts.netloc != own.netloc or not parts.path.startswith(own.path):
                return None, ""
            path = parts.path[len(own.path) :]
        else:
            path = parts.path.lstrip("/")
        path = unquote(path)
        if path == "" or path.endswith("/"):
            path += "index.html"
        elif path not in self.files and path + "/index.html" in self.files:
            path += "/index.html"
        return path, parts.fragment


def read_site(settings: Settings) -> SiteModel:
    site = settings.site_dir
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    pages = {name: read_html_page(site, site / name) for name in sorted(files) if name.endswith(".html")}
    return SiteModel(site, settings.site_url, pages, files)


def _where(settings: Settings, page: HtmlPage, line: int) -> Location:
    return Location(f"{settings.relative(settings.site_dir)}/{page.path}", line)


def check_references(settings: Settings, model: SiteModel) -> Iterator[Finding]:
    """Every href/src resolves to a file; every #anchor to an id on its page."""
    for page in model.pages.values():
        for tag, attr, value, line, rel in page.references:
            if value.startswith(("mailto:", "tel:", "javascript:", "data:")) or value == "":
                continue
            target, fragment = model.local_target(page.url, value)
            if target is None:
                continue
            if target not in model.files:
                yield Finding(_where(settings, page, line), "L901", Severity.ERROR, f"<{tag} {attr}=\"{value}\"> points to a missing file ({target})", "fix the link in the English page, or add the missing file")
            elif fragment and target in model.pages and unquote(fragment) not in model.pages[target].ids:
                yield Finding(_where(settings, page, line), "L902", Severity.ERROR, f"<{tag} {attr}=\"{value}\">: no element with id '{fragment}' on {target}", "link to an existing heading id (see the page's table of contents)")


def check_foreign_loads(settings: Settings, model: SiteModel) -> Iterator[Finding]:
    """Nothing a page loads by itself may come from another host."""
    own = urlsplit(settings.site_url).netloc
    for page in model.pages.values():
        for tag, attr, value, line, rel in page.references:
            loads = tag in ("script", "img", "iframe", "source", "video", "audio", "embed", "object") or (tag == "link" and set(rel.split()) & _LOADING_RELS)
            host = urlsplit(urljoin("https://site.invalid/", value)).netloc
            if loads and host not in ("site.invalid", own):
                yield Finding(_where(settings, page, line), "L903", Severity.ERROR, f"<{tag} {attr}=\"{value}\"> loads from another host ({host})", "self-host the file under docs/ or the theme overrides")
    for name in sorted(model.files):
        if not name.endswith(".css"):
            continue
        text = (model.root / name).read_text(encoding="utf-8", errors="replace")
        for match in _CSS_URL.finditer(text):
            url = match.group(1) or match.group(2)
            if re.match(r"(https?:)?//", url):
                line = text.count("\n", 0, match.start()) + 1
                yield Finding(Location(f"{settings.relative(settings.site_dir)}/{name}", line), "L903", Severity.ERROR, f"stylesheet loads {url} from another host", "self-host the file")


def check_external_links(settings: Settings, model: SiteModel) -> Iterator[Finding]:
    """Links to other sites in content: listed, https only, safe in a new tab."""
    own = urlsplit(settings.site_url).netloc
    for page in model.pages.values():
        for href, line, target, rel in page.external:
            if urlsplit(href).netloc == own:
                continue
            where = _where(settings, page, line)
            if href.startswith("http://"):
                yield Finding(where, "L904", Severity.ERROR, f"link to {href} uses http://", "use the https:// address")
            if target == "_blank" and "noopener" not in rel.split():
                yield Finding(where, "L905", Severity.ERROR, f"link to {href} opens a new tab without rel=\"noopener\"", "add rel=\"noopener\"")


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
            yield Finding(where, "L906", Severity.ERROR, f"<html lang=\"{page.lang}\">, expected \"{language}\"", "check the language entry in mkdocs.yml")
        for other in languages:
            twin = counterpart(page.path, other, settings)
            if other != language and twin not in model.pages:
                yield Finding(where, "L907", Severity.ERROR, f"no {other} version of this page ({twin})", f"add the page to docs/{settings.source_language}/ and run 'make build'")
                continue
            if other != language and other in page.switch:
                href, line = page.switch[other]
                target, _ = model.local_target(page.url, href)
                if target != twin:
                    yield Finding(_where(settings, page, line), "L908", Severity.ERROR, f"language switch to {other} points to {target}, expected {twin}", "the switch must lead to the same page in the other language")
            elif other != language:
                yield Finding(where, "L908", Severity.ERROR, f"language switch has no link to {other}", "enable the language selector (extra.alternate)")
            href, line = page.hreflang.get(other, ("", 1))
            expected = settings.site_url + page_url(twin)
            if href != expected:
                yield Finding(_where(settings, page, line), "L909", Severity.ERROR, f"hreflang=\"{other}\" is {href or 'missing'!r}, expected {expected!r}", "hreflang links must be absolute (site_url) and reciprocal")
        default = page.hreflang.get("x-default", ("", 1))[0]
        expected_default = settings.site_url + page_url(counterpart(page.path, settings.source_language, settings))
        if default != expected_default:
            yield Finding(where, "L910", Severity.ERROR, f"hreflang=\"x-default\" is {default or 'missing'!r}, expected {expected_default!r}", "add <link rel=\"alternate\" hreflang=\"x-default\"> pointing to the source-language page")
        if language != settings.source_language and page.dir != _direction(language):
            yield Finding(where, "L911", Severity.ERROR, f"<html dir=\"{page.dir}\">, expected \"{_direction(language)}\"", "set dir on <html> so the whole page, header included, reads in the right direction")


def _direction(language: str) -> str:
    from babel import Locale

    return Locale.parse(language).text_direction


def check_sitemap(settings: Settings, model: SiteModel) -> Iterator[Finding]:
    path = model.root / "sitemap.xml"
    where = Location(f"{settings.relative(settings.site_dir)}/sitemap.xml")
    if not path.exists():
        yield Finding(where, "L912", Severity.ERROR, "sitemap.xml is missing", "keep MkDocs' sitemap (do not remove sitemap.xml from the theme)")
        return
    listed = set(re.findall(r"<loc>([^<]+)</loc>", path.read_text(encoding="utf-8")))
    for page in model.pages.values():
        if page.path.endswith("404.html"):
            continue
        url = settings.site_url + page.url
        if url not in listed:
            yield Finding(where, "L912", Severity.ERROR, f"sitemap does not list {url}", "every page of every language belongs in the sitemap")


SITE_CHECKS = (check_references, check_foreign_loads, check_external_links, check_language_parity, check_sitemap)


def check_site(settings: Settings, model: SiteModel | None = None) -> list[Finding]:
    model = model or read_site(settings)
    return [finding for check in SITE_CHECKS for finding in check(settings, model)]
