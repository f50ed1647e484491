"""Real pages nobody here wrote (tests/corpus/, see SOURCES.md) through the transform oracle.

Every message is translated by a transform that changes every letter and keeps the
markup; the published page must keep the English page's HTML structure, with no
translation refused and no English prose left — or the page is refused with
``path:line`` naming a construct ARCHITECTURE.md lists as unsupported.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from doclocale.testing.oracle import judge
from doclocale.translating.renderer import load_renderer

CORPUS = Path(__file__).parent / "corpus"
PAGES = sorted(p for p in CORPUS.rglob("*.md") if p.name != "SOURCES.md")
RENDER = load_renderer(Path(__file__).parent.parent / "mkdocs.yml")
#: The "not supported" constructs of ARCHITECTURE.md, as the refusal names them.
UNSUPPORTED = ("is not Markdown this site renders",)
#: Pages the oracle finds broken today, and why: each is a known defect, asserted to stay broken so
#: that a fix shows here (move the page out of this list when it passes).
KNOWN_BROKEN: dict[str, str] = {}


@pytest.mark.parametrize("page", PAGES, ids=[p.relative_to(CORPUS).as_posix() for p in PAGES])
def test_a_real_page_survives_translation_or_is_refused_by_name(page: Path) -> None:
    name = page.relative_to(CORPUS).as_posix()
    verdict = judge(name, page.read_text(encoding="utf-8"), RENDER)
    if name in KNOWN_BROKEN:
        assert verdict.outcome == "broken", f"{name} passes now: take it out of KNOWN_BROKEN"
        return
    if verdict.outcome == "refused":
        message = verdict.problems[0]
        assert message.startswith(f"{name}:") and any(construct in message for construct in UNSUPPORTED), message
    else:
        assert verdict.outcome == "passed", "\n".join(verdict.problems[:10])


def test_the_corpus_is_large_and_mostly_supported() -> None:
    assert len(PAGES) >= 100
    refused = [p for p in PAGES if judge(p.name, p.read_text(encoding="utf-8"), RENDER).outcome == "refused"]
    assert len(refused) / len(PAGES) <= 0.02, [p.name for p in refused]


def test_identity_translation_gives_every_corpus_page_back_byte_for_byte() -> None:
    from babel.messages.catalog import Message

    from doclocale.reading.page_parser import parse_page
    from doclocale.translating.substitute import render_page

    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        try:
            source = parse_page(page.name, text)
        except Exception:
            continue  # refused pages are covered above
        identity = {segment.key: Message(segment.text, segment.text) for segment in source.segments}
        assert render_page(source, identity, page=page.name, pin_anchors=False).text == text, page
