"""A pseudo-localised copy of the project, built: ``doclocale pseudo OUT`` (see ``translating.pseudo``)."""

from __future__ import annotations

import shutil
from pathlib import Path

from doclocale.catalogs.merge import render_catalog
from doclocale.catalogs.templates import build_templates, read_sources
from doclocale.settings import load_settings
from doclocale.translating.pseudo import pseudo_catalog
from doclocale.util.atomic import write_bytes_atomic
from doclocale.website.build import build_site


def build_pseudo_site(settings, out, language: str) -> None:
    """Copy the project to ``out``, give ``language`` pseudo catalogs, build ``out/site``
    (``BuildFailed`` if it cannot be built). The project itself is never touched.
    """
    out = Path(out)
    for folder in (settings.source_dir, settings.templates_dir, settings.locale_dir):
        if folder.exists():
            shutil.copytree(folder, out / folder.relative_to(settings.root), dirs_exist_ok=True)
    shutil.copy2(settings.root / "mkdocs.yml", out / "mkdocs.yml")
    copy = load_settings(out / "mkdocs.yml")
    for domain, template in build_templates(copy, read_sources(copy)).items():
        write_bytes_atomic(
            copy.catalog_path(language, domain),
            render_catalog(pseudo_catalog(template, language), str(copy.catalog_path(language, domain))),
        )
    build_site(copy)
