"""Gating many pages at once (``parallel.map_in_pool``).

Reading a page's English (markdown-it) and its catalog (the PO reader), then rendering the page
and its translation through Python-Markdown (the publishing gate), is most of what generating
a large library costs, and each page is independent. So each page is read and gated in one
piece of work: when the renderer is the site's own (a ``Renderer``, which can be sent to another
process), the pieces run in a process pool, which reads the files there as well; the results
are exactly those of doing them one after the other, in order, and the first page that cannot
be read raises its error, as it would in sequence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from babel.messages.catalog import Catalog

from doclocale.catalogs import merge as catalogs
from doclocale.catalogs.translation_review import TranslationCheck, translation_check
from doclocale.catalogs.update import parsed_kept
from doclocale.model import SourcePage
from doclocale.reading.sources import read_page
from doclocale.settings import Settings
from doclocale.translating.gate import GatedPage, gate_page
from doclocale.translating.renderer import Renderer
from doclocale.util.parallel import map_in_pool
from doclocale.util.result_store import ResultStore

#: Fewer pages than this are gated in this process.
PARALLEL_FROM = 64


@dataclass(frozen=True)
class GateJob:
    """One translated page to gate."""

    page: str
    language: str
    catalog: str  # the catalog's path as reports show it
    catalog_bytes: bytes  # empty: the page has no catalog yet (nothing translated)
    source: SourcePage | None = None  # the English page when the caller has parsed it; else read here


@dataclass(frozen=True)
class GateResult:
    gated: GatedPage
    check: TranslationCheck  # the second translator's check recorded in the catalog


def gate_pages(settings: Settings, jobs: Sequence[GateJob], render_html: Callable[[str], str]) -> list[GateResult]:
    if not isinstance(render_html, Renderer):  # a function of the caller's: only here
        return [_gate((settings, render_html), job) for job in jobs]
    renderer = Renderer(render_html.extensions, render_html.configs)  # without its Markdown instance
    return map_in_pool(_gate, (settings, renderer), jobs, PARALLEL_FROM)


def _gate(shared: tuple[Settings, Callable[[str], str]], job: GateJob) -> GateResult:
    settings, render_html = shared
    catalog = (
        parsed_kept(
            job.catalog,
            job.catalog_bytes,
            ResultStore(settings.cache_dir("catalogs")),  # shared with make check, which prunes it
            partial(catalogs.parse_catalog, job.catalog, locale=job.language),
        )
        if job.catalog_bytes
        else Catalog(locale=job.language)
    )
    source = job.source if job.source is not None else read_page(settings, job.page)
    gated = gate_page(
        source, catalogs.translations(catalog), render_html, page=job.page, source_language=settings.source_language
    )
    return GateResult(gated, translation_check(catalog))
