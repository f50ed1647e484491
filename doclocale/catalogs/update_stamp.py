"""`update` skips its work when nothing it reads has changed since a run that changed nothing.

A catalog update is a fixed point: run on its own output, it writes nothing. So when every
file it reads (English pages, catalogs and templates, theme overrides, mkdocs.yml) and the
code are byte for byte what they were after such a run, it would write nothing again; the
stamp in .cache/update/update.json says so without parsing a page or a catalog. What that run
reported (catalogs of pages that are gone) is kept with it and reported again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from doclocale.settings import Settings
from doclocale.util.atomic import write_cache_file
from doclocale.util.fingerprint import code_fingerprint

STAMP = "update.json"


def inputs_digest(settings: Settings, languages: Iterable[str]) -> str:
    digest = hashlib.sha256(code_fingerprint())
    digest.update(repr(sorted(languages)).encode())
    files = [settings.root / "mkdocs.yml"]
    for folder, pattern in (
        (settings.source_dir, "*.md"),
        (settings.templates_dir, "*"),
        (settings.locale_dir, "*.po"),
        (settings.locale_dir, "*.pot"),
    ):
        files.extend(sorted(path for path in folder.rglob(pattern) if path.is_file()) if folder.is_dir() else [])
    for path in files:
        digest.update(path.as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest() if path.exists() else b"-")
    return digest.hexdigest()


def unchanged_since_stamp(settings: Settings, digest: str) -> dict[str, int] | None:
    """The orphaned catalogs of the stamped run when the inputs are the same; None otherwise."""
    try:
        stamp = json.loads((settings.cache_dir("update") / STAMP).read_text(encoding="utf-8"))
        if stamp["inputs"] == digest:
            return {str(path): int(count) for path, count in stamp["orphaned"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    return None


def write_stamp(settings: Settings, digest: str, orphaned: dict[str, int]) -> None:
    stamp = json.dumps({"inputs": digest, "orphaned": orphaned}).encode("utf-8")
    write_cache_file(settings.cache_dir("update") / STAMP, stamp)  # without it the next update only takes longer
