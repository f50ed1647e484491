"""`make check` after a build reuses the build's gate verdicts, and reports exactly what a full check reports."""

from __future__ import annotations

import shutil

import doclocale.checks.runner as runner
from doclocale.catalogs.merge import read_catalog, write_catalog
from doclocale.translating.generation import generate_all
from doclocale.translating.renderer import load_renderer


def counting_renderer(monkeypatch) -> list[str]:
    rendered: list[str] = []

    def load(path):
        real = load_renderer(path)

        def render(markdown: str) -> str:
            rendered.append(markdown)
            return real(markdown)

        return render

    monkeypatch.setattr(runner, "load_renderer", load)
    return rendered


def test_a_check_after_the_build_renders_only_what_changed(settings, monkeypatch) -> None:
    catalog_path = settings.catalog_path("fa", "guides/microneedling")
    catalog = read_catalog(catalog_path)
    message = next(m for m in catalog if m.id == "Key points")
    message.string = f"{message.string} <b>"  # markup the English does not have: refused by the gate
    write_catalog(catalog_path, catalog)
    generate_all(settings)
    rendered = counting_renderer(monkeypatch)

    reused = runner.run_checks(settings)
    assert rendered == [], "a page whose inputs did not change was rendered again"

    shutil.rmtree(settings.output_dir("fa"))
    every = runner.run_checks(settings)
    assert len(rendered) >= 2 * 3, "without a previous build, every page is rendered (English and Persian)"
    assert [f.format() for f in sorted(reused.findings)] == [f.format() for f in sorted(every.findings)]
    assert [f.code for f in reused.findings if "translation refused" in f.message] == ["S300"]

    generate_all(settings)
    rendered.clear()
    about = settings.catalog_path("fa", "about")
    about.write_bytes(about.read_bytes() + b"\n")
    runner.run_checks(settings)
    assert len(rendered) == 2, "only the page whose catalog changed is rendered (its English and its Persian)"
