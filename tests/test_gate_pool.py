"""Pages gated in a process pool give exactly what gating them one by one gives."""

from __future__ import annotations

import os

import pytest

import doclocale.translating.gate_pool as gate_pool
import doclocale.translating.generation as generation
import doclocale.util.parallel as parallel
from doclocale.catalogs.merge import read_catalog, write_catalog
from doclocale.errors import CatalogError
from doclocale.translating.generation import plan_generation
from doclocale.translating.renderer import load_renderer


def hostile(settings) -> None:
    """A refused translation and a safe one in the guide's catalog."""
    path = settings.catalog_path("fa", "guides/microneedling")
    catalog = read_catalog(path)
    key_points = next(m for m in catalog if m.id == "Key points")
    key_points.string = f"{key_points.string} <b>"
    write_catalog(path, catalog)


def plan(settings, monkeypatch, workers: str):
    monkeypatch.setenv("DOCLOCALE_WORKERS", workers)
    result = plan_generation(settings, load_renderer(settings.root / "mkdocs.yml"))
    return result.pages, result.refused, result.caches, result.rendered


def test_pool_and_sequence_give_the_same_plan(settings, monkeypatch, pools) -> None:
    hostile(settings)
    started = pools
    monkeypatch.setattr(gate_pool, "PARALLEL_FROM", 2)
    in_sequence = plan(settings, monkeypatch, "1")
    assert started == []
    in_pool = plan(settings, monkeypatch, "2")
    assert started == [2], "the pages were gated in two processes"
    assert in_pool == in_sequence
    refused = in_pool[1]["fa"]
    assert [finding.code for finding in refused] == ["S300"]
    assert refused[0].location.path == "locale/fa/LC_MESSAGES/guides/microneedling.po"


def test_pages_gated_in_batches_give_the_same_plan_and_hold_one_batch(settings, monkeypatch) -> None:
    """At 10,000 guides the pages are gated a batch at a time, so that one batch's catalogs and
    parsed pages are held, not the library's: the plan is the same, page for page, in order."""
    hostile(settings)
    whole = plan(settings, monkeypatch, "1")
    batches: list[int] = []
    gate_pages = generation.gate_pages
    monkeypatch.setattr(
        generation,
        "gate_pages",
        lambda settings, jobs, render: batches.append(len(jobs)) or gate_pages(settings, jobs, render),
    )
    monkeypatch.setattr(generation, "GATE_BATCH", 2)
    assert plan(settings, monkeypatch, "1") == whole
    assert batches == [2, 2] and sum(batches) == len(whole[0]["fa"])


def test_a_file_that_cannot_be_read_stops_the_pool_as_it_stops_the_sequence(settings, monkeypatch, pools) -> None:
    """Pages and catalogs are read where they are gated: the first one in order that cannot be read
    is the error, whole (path, line, what is wrong, how to fix it), with or without a pool."""
    for domain, line in (("about", 'msgid "unterminated\n'), ("guides/microneedling", 'msgstr "twice"\n')):
        path = settings.catalog_path("fa", domain)
        path.write_text(path.read_text(encoding="utf-8") + line, encoding="utf-8")
    monkeypatch.setattr(gate_pool, "PARALLEL_FROM", 2)
    errors = []
    for workers in ("1", "2"):
        with pytest.raises(CatalogError) as raised:
            plan(settings, monkeypatch, workers)
        errors.append(raised.value)
    assert pools == [2], "the second plan ran in a pool"
    assert errors[0].format() == errors[1].format()
    assert errors[1].format().startswith("locale/fa/LC_MESSAGES/about.po:")
    assert type(errors[1]) is CatalogError and errors[1].exit_code == 2


def test_few_pages_or_a_foreign_renderer_stay_in_this_process(settings, monkeypatch) -> None:
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", pytest.fail)
    monkeypatch.setenv("DOCLOCALE_WORKERS", "2")
    plan_generation(settings, load_renderer(settings.root / "mkdocs.yml"))  # fewer than PARALLEL_FROM pages
    monkeypatch.setattr(gate_pool, "PARALLEL_FROM", 2)
    renderer = load_renderer(settings.root / "mkdocs.yml")
    plan_generation(settings, lambda text: renderer(text))  # a function that cannot be sent to a process


@pytest.mark.parametrize(("value", "expected"), [("3", 3), ("1", 1), ("0", None), ("many", None), ("", None)])
def test_workers(monkeypatch, value, expected) -> None:
    monkeypatch.setenv("DOCLOCALE_WORKERS", value)
    assert parallel.workers() == (expected or len(os.sched_getaffinity(0)))
