"""Shared fixtures: a throw-away copy of the real project to build and break."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from doclocale.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("docs/en", "locale", "overrides", "mkdocs.yml")


def copy_project(target: Path) -> Path:
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    (target / "docs" / "fa").mkdir(parents=True, exist_ok=True)
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's content and catalogs in a temporary folder."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def settings(project: Path):
    return load_settings(project / "mkdocs.yml")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real content built once (read-only for tests)."""
    from doclocale.website.build import build_site

    root = copy_project(tmp_path_factory.mktemp("built") / "project")
    prebuilt = os.environ.get("DOCLOCALE_PREBUILT_SITE")
    if prebuilt:  # `make mutants`: the checks are what is mutated; the built site is their fixed input
        shutil.copytree(prebuilt, root / "site")
        return root / "site"
    build_site(load_settings(root / "mkdocs.yml"))
    return root / "site"


@pytest.fixture
def pools(monkeypatch) -> list[int]:
    """The process pools started (their sizes), pools that really run."""
    import doclocale.util.parallel as parallel

    started: list[int] = []
    real = parallel.ProcessPoolExecutor

    def pool(count, **options):
        started.append(count)
        return real(count, **options)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", pool)
    return started


def counted_parses(monkeypatch) -> list[str]:
    """Every catalog parsed from now on, by its path (both names the reader is called by)."""
    import doclocale.catalogs.merge as merge
    import doclocale.catalogs.po_reader as po_reader

    parsed: list[str] = []
    real = po_reader.parse_catalog

    def counting(display, data, locale=None):
        parsed.append(display)
        return real(display, data, locale)

    monkeypatch.setattr(po_reader, "parse_catalog", counting)
    monkeypatch.setattr(merge, "parse_catalog", counting)
    return parsed
