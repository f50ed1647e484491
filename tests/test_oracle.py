"""The transform oracle, and hostile text, on random documents through the real gate and renderer.

Identity translation cannot catch an offset bug (writing the English back where it
came from gives the English, whatever the offsets). A translation that changes
every letter and keeps the markup can: the published page must render to the
English page's HTML structure, with no translation refused and no English prose left.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from doclocale.model import SegmentKind
from doclocale.reading.page_parser import parse_page
from doclocale.testing.oracle import judge
from doclocale.translating.gate import gate_page
from doclocale.translating.html_rule import VERBATIM, compare_shapes, html_shape
from doclocale.translating.pseudo import pseudo_text
from doclocale.translating.renderer import load_renderer
from doclocale.translating.substitute import PageState

from .fixture_cases import each_case
from .test_properties import Translation, document

RENDER = load_renderer(Path(__file__).parent.parent / "mkdocs.yml")
HOSTILE = st.text(alphabet="<>/=\"'&;#{}[]()!*_`|\\-:.\n \u202e\u2066\u200bscriptonerrhidenstyl{}%|ی۲", max_size=40)
_ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")


def fallback_span(tag: str, attributes: dict) -> bool:
    return tag == "span" and attributes == {"lang": "en", "dir": "ltr"}


def english_prose(html: str) -> list[str]:
    """Latin words in the page's running text (code and English-marked spans left out)."""
    words = []
    for node in LexborHTMLParser(html).body.traverse(include_text=True):
        if node.tag != "-text":
            continue
        ancestors = []
        parent = node.parent
        while parent is not None:
            ancestors.append(parent)
            parent = parent.parent
        if any(a.tag in VERBATIM or a.attributes.get("lang") == "en" for a in ancestors):
            continue
        words.extend(_ENGLISH_WORD.findall(node.text_content or ""))
    return words


def oracle(text: str, segments=None) -> list[str]:
    """What is wrong with the page translated by the every-letter transform (empty: nothing)."""
    page = parse_page("random.md", text)
    if segments is not None:
        page = replace(page, segments=segments(page.segments))
    messages = {segment.key: Translation(pseudo_text(segment.text)) for segment in page.segments}
    gated = gate_page(page, messages, RENDER, page="random.md")
    problems = [f"refused {r.segment.text!r}: {r.problems}" for r in gated.refusals] + list(gated.page_problems)
    published = RENDER(gated.page.text)
    problems += compare_shapes(html_shape(RENDER(text)), html_shape(published, fallback_span))
    problems += [f"English prose left: {word}" for word in english_prose(published)]
    return problems


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document())
def test_every_letter_changed_keeps_the_english_structure(text: str) -> None:
    assert oracle(text) == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document(), st.data())
def test_hostile_text_is_refused_or_changes_only_text(text: str, data) -> None:
    page = parse_page("random.md", text)
    messages = {
        segment.key: Translation(data.draw(st.one_of(HOSTILE, st.just(pseudo_text(segment.text)))))
        for segment in page.segments
    }
    gated = gate_page(page, messages, RENDER, page="random.md")
    assert gated.page_problems == ()
    if gated.page.state is PageState.UNTRANSLATED:
        return  # nothing published from the catalog: a notice page
    published = RENDER(gated.page.text)
    assert compare_shapes(html_shape(RENDER(text)), html_shape(published, fallback_span)) == []


SAMPLE = """---
title: Sample
---

# A heading with **bold**

Some text with a [link](other.md#part) and `code`.

- first item
- second item

| Name | Value |
|---|---|
| one | two |
"""


def test_the_oracle_passes_on_the_sample() -> None:
    assert oracle(SAMPLE) == []


@each_case("extract", "*.md")
def test_the_oracle_passes_on_every_extract_fixture(case: Path) -> None:
    assert oracle(case.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "break_segments",
    [
        pytest.param(
            lambda segments: tuple(
                replace(s, start=s.start + 1, end=s.end + 1) if not s.yaml_value else s for s in segments
            ),
            id="offsets-shifted-by-one",
        ),
        pytest.param(
            lambda segments: tuple(s for s in segments if s.kind is not SegmentKind.LIST_ITEM),
            id="list-items-not-extracted",
        ),
        pytest.param(
            lambda segments: tuple(s for s in segments if s.kind is not SegmentKind.TABLE_CELL),
            id="table-cells-not-extracted",
        ),
    ],
)
def test_the_oracle_fails_when_the_extractor_is_wrong(break_segments) -> None:
    assert oracle(SAMPLE, break_segments) != []


UNDEFINED_LABEL = "Set as the [`schema`][pydantic.main.BaseModel.__pydantic_core_schema__] attribute.\n"


def test_the_label_of_a_reference_the_page_does_not_define_is_not_english_left() -> None:
    """The site shows such a label as written (``__x__`` in it turns bold) and translators keep it."""
    assert judge("label.md", UNDEFINED_LABEL, RENDER).outcome == "passed"


def test_words_outside_undefined_labels_are_still_english_left() -> None:
    defined = "Read the [guide][setup wizard] first.\n\n[setup wizard]: https://example.org\n"
    for text in (defined, UNDEFINED_LABEL):
        verdict = judge("label.md", text, RENDER, segments=lambda segments: ())
        assert verdict.outcome == "broken" and "English prose left" in verdict.problems[-1], verdict
