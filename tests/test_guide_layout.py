"""The Persian translator guide as GitHub shows it: right-to-left paragraphs with English code in them.

GitHub renders Markdown with ``dir="auto"`` on each paragraph, list item, heading and table cell,
so a Persian line is laid out right to left, and a code span that begins or ends with a
punctuation mark (``</div>``, ``--date``, ``# qa-ignore``) is turned around by the bidi
algorithm unless a left-to-right mark stands beside it. Translators copy these spans: they must
read as typed. Rendered here with CommonMark (markdown-it) in Chromium, each span's letters must
run left to right on the screen.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from doclocale.website.browser import CHROMIUM, launch_browser

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Chromium is not installed (apt-get install chromium)"
)

#: The blocks GitHub gives dir="auto".
AUTO_DIRECTION = re.compile(r"<(p|li|h[1-6]|td|th|blockquote)>")

#: Code spans without Persian letters whose characters are not laid out left to right.
TURNED_AROUND = """() => {
  const found = [];
  for (const code of document.querySelectorAll('code')) {
    const text = code.textContent, node = code.firstChild;
    if (code.closest('pre') || /[\\u0600-\\u06FF]/.test(text) || !node || node.nodeType !== 3) continue;
    let last = -Infinity;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === ' ') continue;
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const left = range.getBoundingClientRect().left;
      if (left < last - 0.5) { found.push(text); break; }
      last = left;
    }
  }
  return found;
}"""


def as_github_shows(markdown: str) -> str:
    body = MarkdownIt("commonmark").enable("table").render(markdown)
    body = AUTO_DIRECTION.sub(lambda m: f'<{m.group(1)} dir="auto">', body)
    return f'<html><head><meta charset="utf-8"><style>code {{ white-space: nowrap }}</style></head><body>{body}</body></html>'


def turned_around(markdown: str) -> list[str]:
    with launch_browser() as browser:
        page = browser.new_page(viewport={"width": 4000, "height": 800})
        page.set_content(as_github_shows(markdown))
        return page.evaluate(TURNED_AROUND)


def test_every_code_span_of_the_persian_guide_reads_as_typed() -> None:
    assert turned_around((ROOT / "TRANSLATING.fa.md").read_text(encoding="utf-8")) == []


def test_a_code_span_without_a_mark_beside_it_is_turned_around() -> None:
    """The check itself can fail: the same span, with and without the left-to-right marks."""
    assert turned_around("برچسب `</div>` پذیرفته نمی‌شود.") == ["</div>"]
    assert turned_around("برچسب \u200e`</div>`\u200e پذیرفته نمی‌شود.") == []
