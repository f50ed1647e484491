"""`update` skips its work when nothing it reads has changed since a run that wrote nothing.

When every file an update reads (English pages, catalogs and templates, theme overrides,
mkdocs.yml) and the code are byte for byte what they were in such a run, the same run would
give the same answer; the stamp in .cache/update/update.json keeps that answer, so it is given
again without parsing a page or a catalog: the catalogs of pages that are gone, and the files
an update would change (none after ``make update``; after ``update --check``, what it reported
out of date, which a later ``update`` then writes). A build's check ahead runs ``update --check``
on the idle core, so the one CI runs after the build is answered from the stamp.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from doclocale.settings import Settings
from doclocale.util.atomic import write_cache_file
from doclocale.util.fingerprint import files_digest

STAMP = "update.json"


def inputs_digest(settings: Settings, languages: Iterable[str]) -> str:
    files = [settings.root / "mkdocs.yml"]
    for folder, pattern in (
        (settings.source_dir, "*.md"),
        (settings.templates_dir, "*"),
        (settings.locale_dir, "*.po"),
        (settings.locale_dir, "*.pot"),
    ):
        files.extend(
            sorted(p for p in folder.rglob(pattern) if p.is_file() or p.is_symlink()) if folder.is_dir() else []
        )
    return files_digest(settings.root, files, repr(sorted(languages)))


@dataclass(frozen=True)
class Stamp:
    """What the stamped run found: catalogs of no page (and their translations), files out of date."""

    orphaned: dict[str, int]
    out_of_date: tuple[str, ...] = ()


def unchanged_since_stamp(settings: Settings, digest: str) -> Stamp | None:
    """What the stamped run found when the inputs are the same; None otherwise."""
    try:
        stamp = json.loads((settings.cache_dir("update") / STAMP).read_text(encoding="utf-8"))
        if stamp["inputs"] == digest:
            return Stamp(
                {str(path): int(count) for path, count in stamp["orphaned"].items()},
                tuple(str(path) for path in stamp["out_of_date"]),
            )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    return None


def write_stamp(settings: Settings, digest: str, stamp: Stamp) -> None:
    data = {"inputs": digest, "orphaned": stamp.orphaned, "out_of_date": list(stamp.out_of_date)}
    write_cache_file(settings.cache_dir("update") / STAMP, json.dumps(data).encode("utf-8"))  # else: only slower
