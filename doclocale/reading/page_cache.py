"""Parsed English pages kept between runs (.cache/pages/), in the project's one result store.

``update``, the build and ``check`` each need every English page parsed; parsing is most of
what ``update`` costs on a large library. An entry is used only when the page's path, its text
and the code that parses it are the same (``result_store.result_key``); a damaged or unreadable
entry is parsed again. Errors are never kept: a page that cannot be parsed is reported every
time.

The entries are Python pickles, read only from the project's own .cache/ folder (as trusted as
the project's code itself).
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable
from pathlib import Path

from doclocale.model import SourcePage
from doclocale.reading.page_parser import parse_page
from doclocale.util.result_store import ResultStore, result_key


def page_key(display: str, text: str) -> str:
    return result_key("parsed page", display, text)


def parsed_page(cache: Path, display: str, text: str) -> SourcePage:
    store, key = ResultStore(cache), page_key(display, text)
    kept = store.get(key)
    if kept is not None:
        try:
            page = pickle.loads(kept)
            if isinstance(page, SourcePage) and page.path == display and page.text == text:
                return page
        except Exception:  # noqa: BLE001 (a torn or foreign entry: parse again)
            pass
    page = parse_page(display, text)
    store.put(key, pickle.dumps(page, protocol=pickle.HIGHEST_PROTOCOL))
    return page


def prune(cache: Path, keep: Iterable[str]) -> None:
    """Remove entries no current page uses (called after every page was read)."""
    ResultStore(cache).prune(keep)
