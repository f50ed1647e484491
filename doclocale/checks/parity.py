"""Page parity: a generated page has the structure of its English page."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from doclocale.model import Finding, Location, Outline, Severity, SourcePage
from doclocale.reading.page_outline import outline_of_tokens
from doclocale.reading.page_parser import TRANSLATABLE_FRONT_MATTER, shared_parser
from doclocale.translating.substitute import MISSING_KEY, OUTDATED_KEY, STATUS_KEY, PageState, page_state

STATUS_KEYS = {STATUS_KEY, OUTDATED_KEY, MISSING_KEY}  # written by the generator


def outline(text: str, anchors: tuple[str, ...] | None = None) -> Outline:
    """Structure of a page; heading ids come from ``{#id}`` or, for English, ``anchors``."""
    return with_anchors(outline_of_tokens(shared_parser().parse(text)), anchors)


def with_anchors(found: Outline, anchors: tuple[str, ...] | None) -> Outline:
    if anchors is None:
        return found
    headings = tuple((level, anchor) for (level, _), anchor in zip(found.headings, anchors, strict=False))
    return replace(found, headings=headings)  # anchors may be fewer


def check_page_parity(source: SourcePage, generated: str, path: str) -> Iterator[Finding]:
    anchors = tuple(h.anchor for h in source.headings)
    english = outline(source.text, anchors) if source.outline is None else with_anchors(source.outline, anchors)
    other = outline(generated)
    where = Location(path)
    if english.headings != other.headings:
        yield Finding(
            where,
            "R801",
            Severity.ERROR,
            f"headings differ from {source.path}: {english.headings} vs {other.headings}",
            "regenerate with 'make build'; if it persists, report it",
        )
    english_fm = {k: v for k, v in english.front_matter.items() if k not in TRANSLATABLE_FRONT_MATTER}
    other_fm = {
        k: v for k, v in other.front_matter.items() if k not in TRANSLATABLE_FRONT_MATTER and k not in STATUS_KEYS
    }
    if page_state(other.front_matter) is PageState.UNTRANSLATED and "search" not in english_fm:
        other_fm.pop("search", None)  # a notice page is kept out of search by the generator
    if english_fm != other_fm:
        yield Finding(
            where,
            "R806",
            Severity.ERROR,
            "front-matter fields (dates, reviewer, sources) differ from the English page",
            "these fields are copied from docs/en/; regenerate with 'make build'",
        )
    if page_state(other.front_matter) is PageState.UNTRANSLATED:
        return  # a declared notice page: only headings and dates must match
    checks = (
        ("R802", "list items", english.list_items, other.list_items),
        ("R803", "table shapes", english.tables, other.tables),
        ("R804", "images", english.images, other.images),
        ("R805", "links", sorted(english.links), sorted(other.links)),
    )
    for code, what, a, b in checks:
        if a != b:
            yield Finding(
                where,
                code,
                Severity.ERROR,
                f"{what} differ from {source.path}: {a} vs {b}",
                "a translation added or removed Markdown structure; see the markup findings of its catalog",
            )
