"""After every language of the site is built: the record of pages published in English, the
search index, the printed handouts and, in a release, the handouts that outgrew their sheet.

The plugin calls ``finish_site`` once, from the last language's post-build step; every problem
is a ``PipelineError`` with a place and a hint, and what the console should say is returned.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from doclocale.handouts.pdf import GuideCopy, build_handouts
from doclocale.model import Finding
from doclocale.settings import Settings
from doclocale.util.atomic import write_cache_file
from doclocale.util.result_store import ResultStore
from doclocale.website.release_gate import oversized_handouts
from doclocale.website.search import write_search_index


@dataclass(frozen=True)
class FinishedSite:
    handouts: list[Path]  # every PDF written into the site
    lines: list[str] = field(default_factory=list)  # what the console says
    oversized: list[Finding] = field(default_factory=list)  # a release stops on these (L914)


def finish_site(
    settings: Settings,
    site: Path,
    *,
    shard: str,
    guides: dict[str, list[GuideCopy]],
    search_store: ResultStore | None,  # None: the search index is written by the caller of the build
    published_in_english: list[dict],
    handouts_on: bool,
    strict: bool,
) -> FinishedSite:
    suffix = f"-{shard}" if shard else ""
    record = settings.cache_dir("build") / f"published-in-english{suffix}.json"
    write_cache_file(record, json.dumps(published_in_english, indent=1).encode())
    lines = []
    if not shard and search_store is not None:  # a shard's pages are indexed when they are merged
        count = write_search_index(site, search_store)
        search_store.prune()
        lines.append(f"search index: {count} pages")
    written = build_handouts(
        guides, settings.source_language, site, settings.root / ".cache" / f"handouts{suffix}", language=shard
    )
    rendered = {handout.key for handout in written if not handout.reused}
    if handouts_on:
        lines.append(f"handouts: {len(written)} PDFs, {len(rendered)} rendered (page changed), the others reused")
    oversized = oversized_handouts(settings, guides.values(), site) if strict else []
    return FinishedSite([handout.path for handout in written], lines, oversized)
