"""Persian as GitHub shows it: the translator guide, and the meanings of finding codes in the pull request.

GitHub renders Markdown with ``dir="auto"`` on each paragraph, list item, heading and table cell,
so a Persian line is laid out right to left, and a code span that begins or ends with a
punctuation mark (``</div>``, ``--date``, ``# qa-ignore``) is turned around by the bidi
algorithm unless a left-to-right mark stands beside it. Translators copy these spans: they must
read as typed. Rendered here with CommonMark (markdown-it) in Chromium, each span's letters must
run left to right on the screen.

An annotation and a line of the run's summary are left-to-right blocks with a Persian meaning in
them; its words must still follow each other from right to left, English names included.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from doclocale.checks.pull_request import annotation, job_summary
from doclocale.codes import TRANSLATED_MEANINGS
from doclocale.model import Finding, Location, Severity
from doclocale.report import Report
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


#: Pairs of neighbouring words of a right-to-left text, one of them Persian, where the second
#: stands right of the first on the screen (found inside the first element that holds the text).
OUT_OF_ORDER = """([selector, text]) => {
  const found = [];
  const walker = document.createTreeWalker(document.querySelector(selector), NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode()) && !node.data.includes(text));
  if (!node) return ['not shown: ' + text];
  const start = node.data.indexOf(text), words = [...text.matchAll(/\\S+/g)];
  const centre = (w) => {
    const range = document.createRange();
    range.setStart(node, start + w.index);
    range.setEnd(node, start + w.index + w[0].length);
    const box = range.getBoundingClientRect();
    return box.left + box.width / 2;
  };
  for (let i = 1; i < words.length; i++) {
    if (!/[\\u0600-\\u06FF]/.test(words[i - 1][0] + words[i][0])) continue;
    if (centre(words[i]) > centre(words[i - 1])) found.push(words[i - 1][0] + ' ' + words[i][0]);
  }
  return found;
}"""

#: The Persian meanings with English in them: the ones a left-to-right line turns around.
MIXED = {code: text for code, text in TRANSLATED_MEANINGS["fa"].items() if re.search("[A-Za-z]", text)}


def out_of_order(html: str, selector: str, text: str, browser) -> list[str]:
    page = browser.new_page(viewport={"width": 4000, "height": 800})
    page.set_content(html)
    return page.evaluate(OUT_OF_ORDER, [selector, text])


def finding(code: str) -> Finding:
    return Finding(Location("locale/fa/LC_MESSAGES/guides/a.po", 7), code, Severity.ERROR, "what is wrong", "fix")


def annotation_box(code: str) -> str:
    """The message of an annotation, unescaped, as a left-to-right block keeping its line breaks."""
    message = annotation(finding(code)).split("::", 2)[2].replace("%0A", "\n").replace("%25", "%")
    return f'<html><head><meta charset="utf-8"></head><body><div id="box" style="white-space: pre-wrap">{message}</div></body></html>'


def test_a_persian_meaning_reads_right_to_left_in_annotations_and_the_summary() -> None:
    assert len(MIXED) >= 5, MIXED
    with launch_browser() as browser:
        for code, meaning in MIXED.items():
            summary = job_summary(Report(findings=[finding(code)]), [])
            assert out_of_order(annotation_box(code), "#box", meaning, browser) == [], code
            assert out_of_order(as_github_shows(summary), "li", meaning, browser) == [], code


def test_a_persian_meaning_without_the_isolate_is_turned_around() -> None:
    """The check itself can fail: the same meaning in a left-to-right line, without U+2068 … U+2069."""
    code, meaning = next(iter(MIXED.items()))
    with launch_browser() as browser:
        bare = annotation_box(code).replace("\u2068", "").replace("\u2069", "")
        assert out_of_order(bare, "#box", meaning, browser) != []
