"""The home page lists every guide: a guide nobody links to from the home page is a page readers
of either language never find. The list stays the editor's words (a line of what each guide is
about); this check names the guide missing from it."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from doclocale.model import Finding, Location, Severity, SourcePage
from doclocale.reading.page_parser import shared_parser
from doclocale.reading.review import is_guide

HOME = "index.md"


def linked_pages(name: str, page: SourcePage) -> set[str]:
    """The pages page ``name`` links to (inline or by reference), as paths under docs/<language>/."""
    found = set()
    for token in shared_parser().parse(page.text):
        for child in token.children or []:
            href = str(child.attrs.get("href", "")) if child.type == "link_open" else ""
            parts = urlsplit(href)
            if href and not parts.scheme and not parts.netloc and parts.path:
                found.add(posixpath.normpath(posixpath.join(posixpath.dirname(name), unquote(parts.path))))
    return found


def check_guide_list(sources: dict[str, SourcePage], source_dir: str) -> Iterator[Finding]:
    """D101 on the home page for each guide it does not link to."""
    home = sources.get(HOME)
    if home is None:
        return
    listed = linked_pages(HOME, home)
    for page in sorted(name for name in sources if is_guide(name) and name not in listed):
        title = sources[page].front_matter.get("title") or page
        yield Finding(
            Location(f"{source_dir}/{HOME}", 1),
            "D101",
            Severity.ERROR,
            f"the home page does not list the guide {page} ({title}): readers of every language miss it",
            f"add a line to the list of guides: - [{title}]({page}): what it is about, in a few words",
        )
