"""The page rule on HTML pairs: tests/fixtures/structure/<case>.yml (english, translated) and
<case>.yml.report, the differences the rule reports (none for the .none cases, which keep the rule).
A case with ``abbreviations`` is judged with those meanings as the page's own (as the gate does);
one with a ``page`` is judged as published: MkDocs' renderings of that page in English and in
``language`` (Persian unless it says), inside the template, links compared as the pages they reach.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from doclocale.translating.html_rule import (
    CONTENT_ANCESTORS,
    compare_html,
    compare_published,
    compare_shapes,
    html_shape,
    in_page_context,
)

from .fixture_cases import assert_report, each_case, lines_text


@each_case("structure", "*.yml")
def test_structure_fixture(case: Path) -> None:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    if "abbreviations" in spec:  # the meanings the page's own abbreviation definitions give
        meanings = frozenset(spec["abbreviations"])
        problems = compare_shapes(
            html_shape(spec["english"], abbreviations=meanings), html_shape(spec["translated"], abbreviations=meanings)
        )
    elif "page" in spec:
        problems = compare_published(spec["english"], spec["translated"], spec["page"], spec.get("language", "fa"))
    else:
        problems = compare_html(spec["english"], spec["translated"])
    assert_report(case, lines_text(problems))


def test_the_generators_own_wrapper_is_looked_through_only_with_its_marker() -> None:
    english = "<p>Pain and more</p>"
    wrapped = '<p><span lang="en" dir="ltr" data-m="k">Pain</span> and more</p>'
    marker = lambda tag, attributes: tag == "span" and attributes.get("data-m") == "k"  # noqa: E731
    assert compare_shapes(html_shape(english), html_shape(wrapped, marker)) == []
    assert compare_shapes(html_shape(english), html_shape(wrapped)) != []
    forged = '<p><span lang="en" dir="ltr" data-m="guess">Pain</span> and more</p>'
    assert compare_shapes(html_shape(english), html_shape(forged, marker)) != []


def test_differences_are_capped_and_name_where_they_are() -> None:
    english = "<ul>" + "<li>a</li>" * 10 + "</ul>"
    translated = "<ul>" + "<li hidden>a</li>" * 10 + "</ul>"
    problems = compare_html(english, translated)
    assert 1 <= len(problems) <= 3 and all("in <ul>" in problem for problem in problems)


def test_url_mapping_lets_pages_at_different_places_compare() -> None:
    english = '<p><img alt="" src="../../assets/a.svg"></p>'
    persian = '<p><img alt="" src="../../../assets/a.svg"></p>'
    assert compare_html(english, persian) != []
    same = lambda url: url.replace("../", "")  # noqa: E731
    assert compare_html(english, persian, urls=(same, same)) == []


def test_an_end_tag_is_judged_in_the_page_it_lands_in() -> None:
    """Parsed alone, a stray end tag is ignored; inside the template's elements it closes them."""
    english = "<h1>Care</h1><p>Rest.</p><ul><li>Sun</li></ul><p>Call us.</p>"
    for tag in CONTENT_ANCESTORS:
        translated = f"<h1>Care</h1><p>Rest.</{tag}></p><ul><li>Sun</li></ul><p>Call us.</p>"
        assert compare_html(english, translated) == []  # the old way: content alone
        problems = compare_html(in_page_context(english), in_page_context(translated))
        assert problems and "closes the page around its text" in problems[0], tag
    at_the_end = english + "</article>"
    assert compare_html(in_page_context(english), in_page_context(at_the_end)) != []
    assert compare_html(in_page_context(english + "</main>"), in_page_context(english + "</main>")) == []
    assert (
        compare_html(in_page_context(english + "</main>"), in_page_context(english)) != []
    )  # no more than the English
