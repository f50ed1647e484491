"""A one-page preview for translators of a large library.

``make serve`` rebuilds every page of every language on each change: at 1,000 guides that
takes half a minute. ``make preview PAGE=guides/x`` builds a project with only that page
and the home page (copied; images, catalogs and theme are linked, so they stay where they
are), so saving the page's catalog shows the change in about a second, whatever the size of
the library. Links to other pages are not followed there; an edit to the English page needs
the preview restarted.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from doclocale.errors import PipelineError
from doclocale.model import Location
from doclocale.settings import Settings


def preview_project(settings: Settings, page: str) -> Path:
    """Prepare .cache/preview/ for ``page`` (e.g. guides/microneedling) and return its mkdocs.yml."""
    name = page.removesuffix(".md") + ".md"
    source_root = settings.docs_dir / settings.source_language
    source = source_root / name
    if not source.is_file():
        raise PipelineError(
            Location(f"docs/{settings.source_language}/{name}"),
            "no such English page",
            "give the page's path under docs/en/ without .md, e.g. PAGE=guides/microneedling",
        )
    root = settings.root / ".cache" / "preview"
    shutil.rmtree(root, ignore_errors=True)
    english = root / "docs" / settings.source_language
    for path in {source, source_root / "index.md"}:
        if path.is_file():
            (english / path.relative_to(source_root)).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, english / path.relative_to(source_root))
    for folder in source_root.iterdir():
        if folder.is_dir() and not any(folder.rglob("*.md")):  # images and other files pages show
            (english / folder.name).symlink_to(folder.resolve())
    for language in settings.languages:
        (root / "docs" / language).mkdir(parents=True, exist_ok=True)
    for shared in ("locale", "overrides"):
        if (settings.root / shared).exists():
            (root / shared).symlink_to((settings.root / shared).resolve())
    config = (settings.root / "mkdocs.yml").read_text(encoding="utf-8")
    # Links to pages left out are expected here: warnings, not failures. Pages only: handouts are
    # made by the full build.
    config = re.sub(r"(?m)^strict: true$", "strict: false", config)
    config = re.sub(r"(?m)^(\s+handouts:).*$", r"\1 false", config)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return (root / "mkdocs.yml").resolve()
