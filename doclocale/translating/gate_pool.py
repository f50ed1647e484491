"""Gating many pages at once (``parallel.map_in_pool``).

Rendering a page and its translation through Python-Markdown (the publishing gate) is most of
what generating a large library costs, and each page is independent. When the renderer is the
site's own (a ``Renderer``, which can be sent to another process), the pages are gated in a
process pool; the results are exactly those of gating them one after the other, in order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from babel.messages.catalog import Message

from doclocale.model import SourcePage
from doclocale.translating.gate import GatedPage, gate_page
from doclocale.translating.renderer import Renderer
from doclocale.translating.substitute import Key
from doclocale.util.parallel import map_in_pool

#: Fewer pages than this are gated in this process.
PARALLEL_FROM = 64


@dataclass(frozen=True)
class GateJob:
    source: SourcePage
    messages: Mapping[Key, Message]
    page: str
    source_language: str


def gate_pages(jobs: Sequence[GateJob], render_html: Callable[[str], str]) -> list[GatedPage]:
    if not isinstance(render_html, Renderer):  # a function of the caller's: only here
        return [_gate(render_html, job) for job in jobs]
    renderer = Renderer(render_html.extensions, render_html.configs)  # without its Markdown instance
    return map_in_pool(_gate, renderer, jobs, PARALLEL_FROM)


def _gate(render_html: Callable[[str], str], job: GateJob) -> GatedPage:
    return gate_page(job.source, job.messages, render_html, page=job.page, source_language=job.source_language)
