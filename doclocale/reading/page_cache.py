"""Parsed English pages kept between runs (.cache/pages/), keyed by the page's text and the code.

``update``, the build and ``check`` each need every English page parsed; parsing is most of
what ``update`` costs on a large library. A cached entry is used only when the page's path,
its text and the code that parses it (``fingerprint.code_fingerprint``) are the same; a
damaged or unreadable entry is parsed again. Errors are never cached: a page that cannot be
parsed is reported every time.

The entries are Python pickles, read only from the project's own .cache/ folder (as trusted as
the project's code itself).
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterable
from pathlib import Path

from doclocale.model import SourcePage
from doclocale.reading.page_parser import parse_page
from doclocale.util.atomic import write_cache_file
from doclocale.util.fingerprint import code_fingerprint


def entry_name(display: str, text: str) -> str:
    digest = hashlib.sha256(code_fingerprint())
    digest.update(display.encode("utf-8") + b"\0" + text.encode("utf-8"))
    return digest.hexdigest() + ".pickle"


def parsed_page(cache: Path, display: str, text: str) -> SourcePage:
    entry = cache / entry_name(display, text)
    try:
        page = pickle.loads(entry.read_bytes())
        if isinstance(page, SourcePage) and page.path == display and page.text == text:
            return page
    except Exception:  # noqa: BLE001 (a missing, torn or foreign entry: parse again)
        pass
    page = parse_page(display, text)
    write_cache_file(entry, pickle.dumps(page, protocol=pickle.HIGHEST_PROTOCOL))
    return page


def prune(cache: Path, keep: Iterable[str]) -> None:
    """Remove entries no current page uses (called after every page was read)."""
    wanted = set(keep)
    for old in cache.glob("*.pickle"):
        if old.name not in wanted:
            old.unlink(missing_ok=True)
