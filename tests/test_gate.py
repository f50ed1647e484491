"""The publishing gate on small pages: which translations it refuses, with which code, and what it publishes."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Message

from doclocale.reading.page_parser import parse_page
from doclocale.translating.gate import gate_page
from doclocale.translating.html_rule import compare_shapes, html_shape
from doclocale.translating.renderer import load_renderer
from doclocale.translating.substitute import PageState

RENDER = load_renderer(Path(__file__).parent.parent / "mkdocs.yml")
PAGE = """---
title: Care
---

# Care

Wash your skin gently.

- Use sunscreen.
- Rest for a day.

Call the [clinic](about.md) if it hurts.
"""


def gate(translations: dict[str, str], text: str = PAGE):
    source = parse_page("care.md", text)
    messages = {
        (english, None): Message(english, persian, lineno=10 + n)
        for n, (english, persian) in enumerate(translations.items())
    }
    return source, gate_page(source, messages, RENDER, page="care.md")


GOOD = {
    "Care": "مراقبت",
    "Wash your skin gently.": "پوستتان را آرام بشویید.",
    "Use sunscreen.": "ضدآفتاب بزنید.",
    "Rest for a day.": "یک روز استراحت کنید.",
    "Call the [clinic](about.md) if it hurts.": "اگر درد داشت با [کلینیک](about.md) تماس بگیرید.",
}


def test_good_translations_are_all_published() -> None:
    _, gated = gate(GOOD)
    assert gated.refusals == () and gated.page_problems == ()
    assert (
        gated.page.state is PageState.COMPLETE and gated.page.translated == 6
    )  # the title counts twice: front matter and heading
    assert "ضدآفتاب" in gated.page.text and "Use sunscreen" not in gated.page.text


def test_each_breaking_translation_is_refused_by_itself_and_the_rest_published() -> None:
    bad = {
        **GOOD,
        "Use sunscreen.": "ضدآفتاب بزنید. { hidden=hidden }\n{: hidden }",
        "Rest for a day.": "استراحت <b>کنید</b>.",
    }
    _, gated = gate(bad)
    refused = {r.segment.text: r for r in gated.refusals}
    assert set(refused) == {"Use sunscreen.", "Rest for a day."}
    assert all(r.code == "S300" and r.lineno > 0 and r.problems for r in refused.values())
    assert "پوستتان" in gated.page.text, "a good translation on the same page was dropped"
    assert gated.page.state is PageState.PARTIAL and gated.page.missing == 2
    assert ("refused", "Rest for a day.") in gated.page.pending


def test_an_element_opened_in_one_translation_and_closed_in_another_is_refused() -> None:
    """Together the two would hide the list between them; the published page keeps the English structure."""
    bad = {
        **GOOD,
        "Wash your skin gently.": "بشویید.\n\n<div hidden>",
        "Call the [clinic](about.md) if it hurts.": "</div> [کلینیک](about.md)",
    }
    source, gated = gate(bad)
    published = html_shape(RENDER(gated.page.text), lambda tag, a: tag == "span" and a == {"lang": "en", "dir": "ltr"})
    assert compare_shapes(html_shape(RENDER(source.text)), published) == []
    assert {r.segment.text for r in gated.refusals} >= {"Wash your skin gently."}


def test_template_values_are_plain_text_and_invisible_characters_are_refused() -> None:
    bad = {**GOOD, "Care": "مراقبت</title>", "Rest for a day.": "یک روز \u202eاستراحت کنید."}
    _, gated = gate(bad)
    codes = {r.segment.text: r.code for r in gated.refusals}
    assert codes == {"Care": "S303", "Rest for a day.": "S302"}  # the title and the heading share one message
    assert "</title>" not in gated.page.text


def test_fuzzy_and_missing_entries_are_not_judged_and_show_english() -> None:
    source = parse_page("care.md", PAGE)
    messages = {("Care", None): Message("Care", "<script>", flags=["fuzzy"])}
    gated = gate_page(source, messages, RENDER, page="care.md")
    assert gated.refusals == ()
    assert gated.page.state is PageState.UNTRANSLATED  # nothing translated: the notice page


def test_a_refusal_carries_its_entrys_line_and_code_even_after_an_untranslated_entry() -> None:
    """The text rules go on past an entry with no translation; a refusal names its own entry's line
    (0 when the catalog gave none, so no line is claimed)."""
    translations = {english: persian for english, persian in GOOD.items() if not english.startswith("Call")}
    translations["Rest for a day."] = "یک روز \u202eاستراحت کنید."
    source = parse_page("care.md", PAGE)
    messages = {(e, None): Message(e, p, lineno=10 + n) for n, (e, p) in enumerate(translations.items())}
    messages[("Use sunscreen.", None)] = Message("Use sunscreen.", "ضدآفتاب <b>بزنید</b>.")  # no line known
    messages[("Care", None)] = Message("Care", "مراقبت</title>")  # no line known
    gated = gate_page(source, messages, RENDER, page="care.md")
    assert {(r.segment.text, r.lineno, r.code) for r in gated.refusals} == {
        ("Rest for a day.", 13, "S302"),
        ("Use sunscreen.", 0, "S300"),
        ("Care", 0, "S303"),
    }
    assert all(isinstance(r.problems, tuple) and r.problems for r in gated.refusals)


ABBREVIATIONS = {
    **GOOD,
    'Use SPF 30 and <abbr title="ultraviolet">UV</abbr> care.': 'از SPF ۳۰ و مراقبت <abbr title="ultraviolet">UV</abbr> استفاده کنید.',
    "sun protection factor": "ضریب محافظت در برابر آفتاب",
}


@pytest.mark.parametrize(
    ("changed", "refused"),
    [
        ({}, []),  # the page's own abbreviation, its meaning translated; the English's own <abbr> kept
        ({"Use sunscreen.": "<span>ضدآفتاب</span> بزنید."}, [("Use sunscreen.", ("adds <span> in <ul> > <li>",))]),
        (
            {
                'Use SPF 30 and <abbr title="ultraviolet">UV</abbr> care.': 'از <abbr title="call 0912 now">SPF</abbr>'
                ' ۳۰ و مراقبت <abbr title="ultraviolet">UV</abbr> استفاده کنید.'
            },
            [('Use SPF 30 and <abbr title="ultraviolet">UV</abbr> care.', ("adds <abbr title> in <p>",))],
        ),
    ],
    ids=["abbreviations-kept", "a-span-of-the-translators", "a-tooltip-the-page-never-defined"],
)
def test_only_the_generators_wrappers_and_the_pages_abbreviations_are_looked_through(changed, refused) -> None:
    text = PAGE + '\nUse SPF 30 and <abbr title="ultraviolet">UV</abbr> care.\n\n*[SPF]: sun protection factor\n'
    _, gated = gate({**ABBREVIATIONS, **changed}, text)
    assert [(r.segment.text, r.problems) for r in gated.refusals] == refused


def test_english_left_in_a_page_is_marked_with_the_source_language() -> None:
    """A site whose pages are written in another language marks its untranslated text with that one."""
    source = parse_page("care.md", PAGE)
    messages = {(e, None): Message(e, p, lineno=10) for e, p in GOOD.items() if e != "Rest for a day."}
    gated = gate_page(source, messages, RENDER, page="care.md", source_language="de")
    assert gated.refusals == ()
    assert '<span lang="de" dir="ltr">Rest for a day.</span>' in gated.page.text
