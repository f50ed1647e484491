"""A translator's one-page preview: built in a second from the real catalogs, whatever the library's size."""

from __future__ import annotations

from pathlib import Path

from doclocale.cli import main


def test_a_preview_has_the_one_page_in_both_languages_and_shows_a_catalog_edit(project: Path, capsys) -> None:
    config = str(project / "mkdocs.yml")
    assert main(["--config", config, "preview", "guides/microneedling"]) == 0
    site = project / ".cache" / "preview" / "site"
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))
    assert pages == [
        "fa/guides/microneedling/index.html",
        "fa/index.html",
        "guides/microneedling/index.html",
        "index.html",
    ]
    assert not list(site.rglob("*.pdf"))  # pages only
    po = project / "locale/fa/LC_MESSAGES/guides/microneedling.po"
    po.write_text(po.read_text(encoding="utf-8").replace("جراحی نیست", "عمل جراحی نیست", 1), encoding="utf-8")
    assert main(["--config", config, "preview", "guides/microneedling"]) == 0
    assert "عمل جراحی نیست" in (site / "fa/guides/microneedling/index.html").read_text(encoding="utf-8")
    assert (project / "docs/en/guides/microneedling.md").is_file()  # the real project is untouched
    assert "with guides/microneedling only" in capsys.readouterr().out


def test_a_page_that_does_not_exist_is_named(project: Path, capsys) -> None:
    assert main(["--config", str(project / "mkdocs.yml"), "preview", "guides/nope"]) != 0
    error = capsys.readouterr().err
    assert "docs/en/guides/nope.md: error: no such English page" in error and "PAGE=guides/microneedling" in error
