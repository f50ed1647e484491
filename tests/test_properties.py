"""Property tests: random documents in the Markdown we support, random catalog edits."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doclocale.checks.catalog_checks import check_entry
from doclocale.checks.entry import Entry
from doclocale.checks.glossary import Glossary
from doclocale.model import Location
from doclocale.reading.page_parser import parse_page
from doclocale.translating.substitute import render_page

WORD = st.from_regex(r"[a-z]{1,8}", fullmatch=True)
NUMBER = st.integers(0, 999).map(str)


@st.composite
def inline(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["word", "word", "word", "number", "em", "strong", "code", "link"]))
        word = draw(WORD)
        parts.append(
            {
                "word": word,
                "number": draw(NUMBER),
                "em": f"*{word}*",
                "strong": f"**{word}**",
                "code": f"`{word}`",
                "link": f"[{word}]({draw(WORD)}.md#{draw(WORD)})",
            }[kind]
        )
    return "A " + " ".join(parts) + "."


@st.composite
def block(draw) -> str:
    kind = draw(
        st.sampled_from(
            [
                "heading",
                "paragraph",
                "multiline",
                "bullets",
                "numbers",
                "table",
                "admonition",
                "code",
                "image",
                "quote",
                "tabs",
                "details",
                "definitions",
                "footnote",
                "abbreviation",
                "tasks",
                "hard-break",
                "reference",
                "admonition-list",
                "tab-table",
            ]
        )
    )
    text = draw(inline())
    if kind == "heading":
        return f"{'#' * draw(st.integers(1, 3))} {text}"
    if kind == "multiline":
        return f"{text}\n{draw(inline())}"
    if kind == "bullets":
        return "\n".join(f"- {draw(inline())}" for _ in range(draw(st.integers(1, 3))))
    if kind == "numbers":
        return "\n".join(f"{n}. {draw(inline())}" for n in range(1, draw(st.integers(2, 4))))
    if kind == "table":
        return f"| {draw(WORD)} | {draw(WORD)} |\n|---|---|\n| {draw(inline())} | {draw(inline())} |"
    if kind == "admonition":
        return f'!!! note "{draw(WORD)}"\n    {text}'
    if kind == "code":
        return f"```\n{text}\n```"
    if kind == "image":
        return f"![{draw(WORD)} {draw(WORD)}](img/{draw(WORD)}.svg)"
    if kind == "quote":
        return f"> {text}"
    if kind == "tabs":
        return f'=== "{draw(WORD)}"\n\n    {text}\n\n=== "{draw(WORD)}"\n\n    {draw(inline())}'
    if kind == "details":
        return f'???+ note "{draw(WORD)} {draw(WORD)}"\n    {text}'
    if kind == "definitions":
        return f"{draw(WORD)} {draw(WORD)}\n:   {text}"
    if kind == "footnote":
        return f"{text}[^n{draw(st.integers(1, 9))}]\n\n[^n{draw(st.integers(1, 9))}]: {draw(inline())}"
    if kind == "abbreviation":
        return f"The SPF {text}\n\n*[SPF]: Sun protection {draw(WORD)}"
    if kind == "tasks":
        return "\n".join(
            f"- [{draw(st.sampled_from([' ', 'x']))}] {draw(inline())}" for _ in range(draw(st.integers(1, 3)))
        )
    if kind == "hard-break":
        return f"{text}  \n{draw(inline())}"
    if kind == "reference":
        label = draw(WORD)
        return f"See [{label}] and [{draw(WORD)}][{label}] {text}\n\n[{label}]: {draw(WORD)}.md"
    if kind == "admonition-list":
        return f'!!! tip "{draw(WORD)}"\n    - {text}\n    - {draw(inline())}'
    if kind == "tab-table":
        return (
            f'=== "{draw(WORD)}"\n\n    | {draw(WORD)} | {draw(WORD)} |\n    |---|---|\n    | {text} | {draw(WORD)} |'
        )
    return text


@st.composite
def document(draw) -> str:
    front = f'---\ntitle: "{draw(WORD)}"\n---\n\n' if draw(st.booleans()) else ""  # quoted: "no" is a YAML boolean
    return front + "\n\n".join(draw(st.lists(block(), min_size=1, max_size=8))) + "\n"


@dataclass
class Translation:
    string: str
    fuzzy: bool = False
    lineno: int = 0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document())
def test_identity_translation_gives_back_the_source(text: str) -> None:
    page = parse_page("random.md", text)
    identity = {segment.key: Translation(segment.text) for segment in page.segments}
    assert render_page(page, identity, page="random.md", pin_anchors=False).text == text
    again = render_page(page, identity, page="random.md")
    assert again.text == render_page(page, identity, page="random.md").text  # same inputs, same bytes


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document(), st.data())
def test_random_catalog_edits_never_crash_the_generator_or_the_checks(text: str, data) -> None:
    page = parse_page("random.md", text)
    messages = {}
    for segment in page.segments:
        edited = data.draw(
            st.one_of(
                st.just(segment.text),
                st.text(max_size=60),
                st.text(alphabet="#*-_>[]()!`|<>/\\\"'\n ۰۱۲ی‌ك0123456789", max_size=40),
            )
        )
        messages[segment.key] = Translation(edited, data.draw(st.booleans()))
    rendered = render_page(page, messages, page="random.md")
    assert isinstance(rendered.text, str)
    for segment in page.segments:
        message = messages[segment.key]
        entry = Entry(segment.text, message.string, Location("random.po", 1), "fa", message.fuzzy)
        for finding in check_entry(entry, Glossary()):
            assert finding.code and finding.message
