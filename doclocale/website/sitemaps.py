"""One sitemap from the sitemaps of a site's shards.

Each shard's build writes the sitemap of what it built: the source language's pages
with the alternates it knows of, and its own language's pages. The merged sitemap
lists every page once, in the order of the shards, with every language's alternate,
in the layout mkdocs-static-i18n writes (its own language first, the others in
alphabetical order), so a merged site's sitemap is the one a single build writes.
"""

from __future__ import annotations

import gzip
import io
import struct
from dataclasses import dataclass, field

import lxml.etree
from markupsafe import escape

from doclocale.errors import SiteError
from doclocale.model import Location

_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">'
)


class SitemapError(SiteError):
    """A shard's sitemap cannot be read."""


@dataclass
class SitemapEntry:
    loc: str
    lastmod: str
    changefreq: str
    alternates: dict[str, str] = field(default_factory=dict)  # hreflang -> address


def read_sitemap(text: bytes, where: str = "sitemap.xml") -> list[SitemapEntry]:
    try:
        root = lxml.etree.fromstring(text, parser=lxml.etree.XMLParser(resolve_entities=False, no_network=True))
    except lxml.etree.XMLSyntaxError as error:
        raise SitemapError(Location(where), f"not a sitemap: {error}", "build the shard again") from error
    entries = []
    for url in root.iterfind("s:url", _NS):
        entry = SitemapEntry(
            url.findtext("s:loc", "", _NS), url.findtext("s:lastmod", "", _NS), url.findtext("s:changefreq", "", _NS)
        )
        for link in url.iterfind("x:link", _NS):
            entry.alternates[link.get("hreflang", "")] = link.get("href", "")
        entries.append(entry)
    return entries


def merge_sitemaps(sitemaps: list[list[SitemapEntry]]) -> list[SitemapEntry]:
    """Every page once, first seen first; each page with the alternates of every shard."""
    merged: dict[str, SitemapEntry] = {}
    for entries in sitemaps:
        for entry in entries:
            known = merged.setdefault(entry.loc, SitemapEntry(entry.loc, entry.lastmod, entry.changefreq))
            for language, address in entry.alternates.items():
                known.alternates.setdefault(language, address)
    return list(merged.values())


def format_sitemap(entries: list[SitemapEntry]) -> str:
    lines = [_HEAD]
    for entry in entries:
        lines += ["    <url>", f"        <loc>{escape(entry.loc)}</loc>"]
        if entry.lastmod:
            lines.append(f"        <lastmod>{escape(entry.lastmod)}</lastmod>")
        lines.append(f"        <changefreq>{escape(entry.changefreq)}</changefreq>")
        own = [language for language, address in entry.alternates.items() if address == entry.loc]
        for language in own + sorted(set(entry.alternates) - set(own)):
            address = entry.alternates[language]
            lines.append(
                f'        <xhtml:link rel="alternate" hreflang="{escape(language)}" href="{escape(address)}"/>'
            )
        lines.append("    </url>")
    return "\n".join(lines) + "\n</urlset>"


def gzip_mtime(data: bytes, where: str = "sitemap.xml.gz") -> int:
    """The modification time in a gzip header (MkDocs writes the build's date there)."""
    if len(data) < 8 or data[:2] != b"\x1f\x8b":
        raise SitemapError(Location(where), "not a gzip file", "build the shard again")
    return struct.unpack("<I", data[4:8])[0]


def gzipped(text: str, mtime: int) -> bytes:
    """As MkDocs compresses sitemap.xml (the same header, so the same bytes)."""
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, filename="sitemap.xml.gz", mode="wb", mtime=mtime) as compressed:
        compressed.write(text.encode("utf-8"))
    return buffer.getvalue()
