"""Extraction fixtures: tests/fixtures/extract/<case>.md -> <case>.md.report.

Each segment is written as "LINE KIND: text  # comment" (what the translator reads), followed, where they
differ from the text, by the exact source it replaces and the prefix a translated line break continues with.
"""

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file

from doclocale.reading.page_parser import parse_page
from doclocale.translating.substitute import render_page

from .fixture_cases import FIXTURES, assert_report, each_case, lines_text


@each_case("extract", "*.md")
def test_segments_match_expected(case: Path) -> None:
    page = parse_page(str(case), case.read_text(encoding="utf-8"))
    found = []
    for s in page.segments:
        found.append(
            f"{s.location.line} {s.kind.name}{f'[{s.context}]' if s.context else ''}: {s.text}".replace("\n", "\\n")
            + f"  # {s.comment()}"  # what the translator reads beside the entry
        )
        if page.text[s.start : s.end] != s.text:
            found.append(f"    replaces {page.text[s.start : s.end]!r} at {s.start}")
        if s.continuation:
            found.append(f"    continues with {s.continuation!r}")
    assert_report(case, lines_text(found))


@each_case("extract", "*.md")
def test_identity_translation_gives_back_the_source(case: Path) -> None:
    text = case.read_text(encoding="utf-8")
    page = parse_page(str(case), text)

    class Same:
        def __init__(self, s):
            self.string, self.fuzzy = s, False

    identity = {s.key: Same(s.text) for s in page.segments}
    assert render_page(page, identity, page=case.name, pin_anchors=False).text == text


def test_code_html_and_urls_are_never_messages() -> None:
    case = FIXTURES / "extract" / "blocks.md"
    texts = " ".join(s.text for s in parse_page(str(case), case.read_text()).segments)
    assert "never a message" not in texts
    assert "img/skin.svg" not in texts


def test_babel_finds_the_markdown_extractor_by_name() -> None:
    case = FIXTURES / "extract" / "blocks.md"
    messages = list(extract_from_file("markdown", str(case)))
    assert messages[0][:2] == (2, "Skin care")
    assert messages[0][2] == ["page title (front matter)"]
    link = next(m for m in messages if "[link]" in m[1])
    assert "keep each link target in (…) unchanged" in link[2][0]


def test_a_context_comment_becomes_msgctxt_in_babel() -> None:
    case = FIXTURES / "extract" / "context.md"
    messages = list(extract_from_file("markdown", str(case)))
    assert ("Results", "table header: what the treatment achieves") in [(m[1], m[3]) for m in messages]
    assert ("Results", None) in [(m[1], m[3]) for m in messages]


def test_the_parser_reads_every_construct_the_site_renders() -> None:
    """Front matter, tables, definitions, call-outs, footnotes, and links to any address (Python-Markdown
    keeps javascript: links, so the extractor must see them to judge them)."""
    from doclocale.reading.page_parser import make_parser

    page = "---\ntitle: x\n---\n\n| a | b |\n|---|---|\n| c | d |\n\nTerm\n:   Meaning\n\n"
    page += '!!! note "T"\n    Body\n\nText[^1].\n\n[^1]: Foot\n'
    types = {token.type for token in make_parser().parse(page)}
    assert {"front_matter", "table_open", "dl_open", "admonition_open", "footnote_block_open"} <= types, types
    assert "footnote_ref" in {
        child.type for token in make_parser().parse("Text[^1].\n\n[^1]: x\n") for child in token.children or []
    }
    link = [child for token in make_parser().parse("[bad](javascript:alert(1))") for child in token.children or []]
    assert [child.type for child in link] == ["link_open", "text", "link_close"]
    assert link[0].attrs["href"] == "javascript:alert(1)"
    assert "<p><strong>" in make_parser().render("**b**")  # CommonMark rules, not a stripped-down preset


def test_a_block_may_have_a_thousand_brackets_but_not_one_more() -> None:

    from doclocale.errors import SourceError

    parse_page("docs/en/x.md", "# T\n\n" + "[" * 1000 + "\n")
    with pytest.raises(SourceError) as error:
        parse_page("docs/en/x.md", "# T\n\nText.\n\n" + "[" * 1001 + "\n")
    assert (error.value.location.path, error.value.location.line) == ("docs/en/x.md", 5)
    assert error.value.format() == (
        "docs/en/x.md:5: error: more than 1000 [ in one block\n    hint: Python-Markdown's time grows with the "
        "square of that number: split the block or write the brackets as &#91;"
    )
    with pytest.raises(SourceError) as error:  # blank lines before the block: its first line is counted
        parse_page("docs/en/x.md", "# T\n\nText.\n\n\n\n" + "[" * 1001 + "\n")
    assert error.value.location.line == 7
    with pytest.raises(SourceError) as error:  # an odd blank line starts the block itself
        parse_page("docs/en/x.md", "# T\n\nText.\n\n\n" + "[" * 1001 + "\n")
    assert error.value.location.line == 6
    parse_page("docs/en/x.md", "# T\n\n" + "[" * 1000 + "\n\n[\n")  # 1,001 in the page, 1,000 in a block
