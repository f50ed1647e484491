"""The home page (or the guide's section page) lists every guide: a guide nobody links to from
there is a page readers of either language never find. The list stays the editor's words (a line of what each guide is
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


def listing_pages(guide: str) -> list[str]:
    """Where a reader looks for a guide: the home page, and the index page of each folder above it
    (a library in sections lists its guides on each section's page)."""
    folders = guide.split("/")[:-1]
    return [HOME] + ["/".join(folders[: depth + 1]) + "/index.md" for depth in range(len(folders))]


class GuideListing:
    """What D101 needs of the English pages, gathered a batch of pages at a time: the links of
    every index page and the title of every guide (not the parsed pages themselves)."""

    def __init__(self) -> None:
        self.links: dict[str, set[str]] = {}
        self.titles: dict[str, str] = {}

    def add(self, sources: dict[str, SourcePage]) -> None:
        for name, page in sources.items():
            if name.endswith("index.md"):
                self.links[name] = linked_pages(name, page)
            if is_guide(name):
                self.titles[name] = page.front_matter.get("title") or name

    def findings(self, source_dir: str) -> Iterator[Finding]:
        """D101 on the home page for each guide neither it nor its section's index page links to."""
        if HOME not in self.links:
            return
        for page in sorted(self.titles):
            if any(page in self.links.get(listing, set()) for listing in listing_pages(page)):
                continue
            title = self.titles[page]
            yield Finding(
                Location(f"{source_dir}/{HOME}", 1),
                "D101",
                Severity.ERROR,
                f"neither the home page nor its section's page lists the guide {page} ({title}): readers of every"
                " language miss it",
                f"add a line to the list of guides: - [{title}]({page}): what it is about, in a few words",
            )
