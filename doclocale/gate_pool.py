"""Gating many pages at once, on every core the machine gives us.

Rendering a page and its translation twice through Python-Markdown (the publishing gate) is
most of what generating a large library costs, and each page is independent. When there are
enough pages to pay for starting processes, and the renderer is the site's own (a `Renderer`,
which can be sent to another process), the pages are gated in a process pool; the results
are exactly those of gating them one after the other, in the same order.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from babel.messages.catalog import Message

from .gate import GatedPage, gate_page
from .generate import Key
from .model import SourcePage
from .rendering import Renderer

#: Fewer pages than this are gated in this process: a pool's start-up would cost more than it saves.
PARALLEL_FROM = 64


@dataclass(frozen=True)
class GateJob:
    source: SourcePage
    messages: Mapping[Key, Message]
    page: str
    source_language: str


def workers() -> int:
    """Cores this process may use (DOCLOCALE_WORKERS overrides; 1 gates in this process)."""
    wanted = os.environ.get("DOCLOCALE_WORKERS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def gate_pages(jobs: Sequence[GateJob], render_html: Callable[[str], str]) -> list[GatedPage]:
    count = min(workers(), len(jobs) // (PARALLEL_FROM // 2) or 1)
    if count < 2 or len(jobs) < PARALLEL_FROM or not isinstance(render_html, Renderer):
        return [_gate(job, render_html) for job in jobs]
    renderer = Renderer(render_html.extensions, render_html.configs)  # without its Markdown instance
    with ProcessPoolExecutor(count, initializer=_start_worker, initargs=(renderer,)) as pool:
        return list(pool.map(_gate_in_worker, jobs, chunksize=max(1, len(jobs) // (count * 8))))


def _gate(job: GateJob, render_html: Callable[[str], str]) -> GatedPage:
    return gate_page(job.source, job.messages, render_html, page=job.page, source_language=job.source_language)


_worker_renderer: Renderer | None = None


def _start_worker(renderer: Renderer) -> None:
    global _worker_renderer
    _worker_renderer = renderer


def _gate_in_worker(job: GateJob) -> GatedPage:
    assert _worker_renderer is not None
    return _gate(job, _worker_renderer)
