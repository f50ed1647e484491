"""Write the handout PDFs of a built site (WeasyPrint), reusing unchanged ones from a cache.

A PDF's cache key covers everything it is made from: the handout document (the page's
article, the stylesheet), the fonts, every local file the document shows, and the versions
of WeasyPrint and pydyf. The same inputs give the same bytes, so a rebuild copies them.
"""

from __future__ import annotations

import hashlib
import logging
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path
from urllib.parse import unquote, urlsplit

from fontTools.ttLib import TTFont
from selectolax.lexbor import LexborHTMLParser

from doclocale.errors import SiteError
from doclocale.handouts.document import Handout, HandoutSection, article_for_print, handout_document, handout_names
from doclocale.model import Location
from doclocale.util.atomic import link_or_copy

log = logging.getLogger(__name__)

ASSETS = Path(__file__).parent / "assets"
FONTS = {400: ASSETS / "fonts" / "Vazirmatn-Regular-print.woff2", 700: ASSETS / "fonts" / "Vazirmatn-Bold-print.woff2"}


class HandoutError(SiteError):
    """A handout cannot be made on this machine; the hint says what to install."""


@dataclass(frozen=True)
class WrittenHandout:
    path: Path
    reused: bool
    key: str


def stylesheet() -> str:
    faces = "".join(
        f'@font-face {{ font-family: Handout; src: url("{path.as_uri()}"); font-weight: {weight}; }}\n'
        for weight, path in FONTS.items()
    )
    return faces + (ASSETS / "handout.css").read_text(encoding="utf-8")


def font_coverage() -> set[int]:
    covered: set[int] | None = None
    for path in FONTS.values():
        cmap = set(TTFont(path).getBestCmap())
        covered = cmap if covered is None else covered & cmap
    return covered or set()


def _local_files(document: str) -> list[Path]:
    """Files the document shows (images: file: URIs, see ``article_for_print``)."""
    tree = LexborHTMLParser(document)
    found = []
    for node in tree.css("img[src]"):
        parts = urlsplit(node.attrs.get("src") or "")
        if parts.scheme == "file":
            found.append(Path(unquote(parts.path)))
    return found


@cache
def _renderer_versions() -> bytes:
    """Read once per process: importlib.metadata scans site-packages on every call."""
    return "".join(f"{name}={version(name)}" for name in ("weasyprint", "pydyf")).encode()


def cache_key(document: str, site: Path) -> str:
    """Independent of where the site is being built (a staging folder with a random name)."""
    digest = hashlib.sha256(document.replace(site.resolve().as_uri(), "site:").encode())
    digest.update(_renderer_versions())
    for path in [*FONTS.values(), *_local_files(document)]:
        digest.update(path.read_bytes() if path.is_file() else b"missing")
    return digest.hexdigest()


def _fetcher(roots: tuple[Path, ...]):
    from weasyprint.urls import URLFetcher  # imported where handouts are made: WeasyPrint takes 0.44 s to import

    class SiteOnly(URLFetcher):
        """Handouts load the site's own files and the embedded fonts, nothing from a network."""

        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme == "file":
                path = Path(unquote(parts.path)).resolve()
                if any(path.is_relative_to(root) for root in roots):
                    return super().fetch(url, headers)
            raise ValueError(f"a handout loads only the site's own files, not {url}")

    return SiteOnly(allowed_protocols={"file"})


#: Libraries whose log lines say nothing to someone building the site ("Step 2 - Fetching and parsing CSS",
#: "Processing <_io.BytesIO object at 0x…>", CSS properties WeasyPrint ignores): shown with DOCLOCALE_VERBOSE=1.
QUIET_LOGGERS = ("weasyprint", "weasyprint.progress", "fontTools", "pydyf")


def quiet_layout_loggers() -> None:
    if os.environ.get("DOCLOCALE_VERBOSE"):
        return
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)


def render_pdf(document: str, site: Path) -> bytes:
    try:  # imported here: 0.44 s at every start otherwise, and it needs Pango, which a build without handouts does not
        from weasyprint import HTML
        from weasyprint.text.fonts import FontConfiguration
    except OSError as error:  # WeasyPrint loads Pango when imported
        raise HandoutError(
            Location("mkdocs.yml"),
            f"the printable handouts need the Pango library ({error})",
            "on Debian or Ubuntu: apt-get install libpango-1.0-0 libpangoft2-1.0-0;"
            " or build without handouts: DOCLOCALE_HANDOUTS=false make build",
        ) from error

    quiet_layout_loggers()
    fonts = FontConfiguration()
    fetcher = _fetcher((site.resolve(), ASSETS.resolve()))
    try:
        return HTML(string=document, base_url=site.as_uri() + "/", url_fetcher=fetcher).write_pdf(font_config=fonts)
    finally:
        # WeasyPrint copies the page's fonts into a /tmp/weasyprint-* folder that only its __del__ removes, which
        # a reference cycle delays past the end of the process: one folder (120 KB) was left per handout.
        fonts.__del__()


def _render_job(job: tuple[str, str, Path]) -> tuple[str, bytes]:
    key, document, site = job
    return key, render_pdf(document, site)


def render_missing(jobs: dict[str, str], site: Path, cache: Path, workers: int) -> None:
    """Render the handouts the cache lacks into it; in parallel processes when there are several."""
    cache.mkdir(parents=True, exist_ok=True)
    work = [(key, document, site) for key, document in sorted(jobs.items())]
    if len(work) > 1 and workers > 1:
        with ProcessPoolExecutor(max_workers=min(workers, len(work))) as pool:
            results = list(pool.map(_render_job, work))
    else:
        results = [_render_job(job) for job in work]
    for key, pdf in results:
        partial = cache / f"{key}.partial"
        partial.write_bytes(pdf)
        partial.replace(cache / f"{key}.pdf")


@dataclass(frozen=True)
class GuideCopy:
    """One language's built copy of a guide page."""

    language: str
    direction: str
    url: str  # the page's address inside its language, e.g. guides/microneedling/
    file: Path  # the built index.html
    address: str  # its full web address (what the QR code holds)


def plan_handouts(guides: dict[str, list[GuideCopy]], source_language: str) -> list[tuple[Handout, tuple[Path, ...]]]:
    """Every guide's handouts and the folders they go to: one per language next to its page, and
    for each translated page one with the source-language page first and the translation after it
    (next to both pages, so each links to a file in its own folder)."""
    planned: list[tuple[Handout, tuple[Path, ...]]] = []
    for _page, copies in sorted(guides.items()):
        sections = {}
        for copy in copies:
            title, article = article_for_print(
                copy.file.read_text(encoding="utf-8"), copy.address, copy.file.resolve().as_uri(), copy.language
            )
            sections[copy.language] = HandoutSection(copy.language, copy.direction, title, article)
        source_folders = [c.file.parent for c in copies if c.language == source_language]
        for copy in copies:
            own, both = handout_names(copy.url, source_language, copy.language)
            planned.append((Handout(own, (sections[copy.language],)), (copy.file.parent,)))
            if both and source_language in sections:
                pair = Handout(both, (sections[source_language], sections[copy.language]))
                planned.append((pair, tuple(sorted({copy.file.parent, *source_folders}))))
    return planned


def build_handouts(
    guides: dict[str, list[GuideCopy]],
    source_language: str,
    site: Path,
    cache: Path,
    workers: int | None = None,
    language: str = "",
) -> list[WrittenHandout]:
    """Write every handout (with ``language``: only those with that language's text, a shard's
    share); only those whose inputs changed are rendered (``cache_key``)."""
    quiet_layout_loggers()
    style = stylesheet()
    keyed, jobs = [], {}
    for handout, folders in plan_handouts(guides, source_language):
        if language and language not in {section.language for section in handout.sections}:
            continue
        document = handout_document(handout, style)
        key = cache_key(document, site)
        keyed.append((handout, folders, key))
        if not (cache / f"{key}.pdf").is_file():
            jobs[key] = document
    render_missing(jobs, site, cache, workers or os.cpu_count() or 1)
    written = []
    for handout, folders, key in keyed:
        for folder in folders:
            link_or_copy(cache / f"{key}.pdf", folder / handout.name)  # 3,000 copies at 1,000 guides
            written.append(WrittenHandout(folder / handout.name, key not in jobs, key))
    used = {handout.key for handout in written}
    for old in cache.glob("*.p*"):  # the cache holds what the current pages need, nothing older
        if old.stem not in used:
            old.unlink()
    return written
