"""One 404 page per language.

static-i18n renders the theme's ``404.html`` in every language's pass into the same file,
``site/404.html``. The source language's page is kept there, and each other language's page
goes to ``site/<language>/404.html``, where DEPLOYING.md tells the server to find it.
"""

from __future__ import annotations

from pathlib import Path


class NotFoundPages:
    def __init__(self) -> None:
        self.source = ""  # the source language's 404 page

    def place(self, output: str, language: str, source_language: str, site_dir: Path) -> str:
        """What MkDocs writes to ``site/404.html`` in this pass; another language's page is written
        beside its pages (in a build of one language's folder, ``site_dir`` is that folder)."""
        if language == source_language:
            self.source = output
            return output
        target = site_dir / language / "404.html"
        if target.parent.is_dir() or site_dir.name != language:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(output, encoding="utf-8")
        return self.source or output
