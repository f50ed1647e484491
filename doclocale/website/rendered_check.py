"""What MkDocs itself rendered, judged once more before it is written: a translated page's
content against the English page's, and then the whole page as browsers parse it.

The generator's gate compared the same renderings before the pages were written; these checks
judge what the site builder really produced. A difference is a defect of this project, not of a
translation, so the page is published in English (``fallback``) and recorded; a release build
stops instead. Engine-free: the plugin passes HTML strings and a function that renders the page's
English at its own place.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from doclocale.translating.html_rule import compare_published
from doclocale.util.result_store import ResultStore, result_key
from doclocale.website.content_marks import ContentMarks, content_out_of_place
from doclocale.website.isolation import isolate_latin

#: Renders the page's English content at its place, given what differed (or raises in a release build).
Fallback = Callable[[str], str]


class RenderedPageCheck:
    """One build's judgement of rendered pages; verdicts of identical renderings kept between builds."""

    def __init__(self) -> None:
        self.store = ResultStore(Path(".cache") / "unused")  # set per build by ``begin``
        self.marks = ContentMarks()
        self.published_in_english: list[dict[str, str]] = []  # pages stopped here, for ``make check``

    def begin(self, store: ResultStore) -> None:
        self.store = store
        self.published_in_english = []

    def content(self, name: str, language: str, english: str | None, html: str, fallback: Fallback) -> str:
        """A translated page's content, or its English when it differs from the English page's
        structure (``english`` is None when there is nothing to compare with)."""
        if english is None:
            return html
        key = result_key(name, language, english, html)  # the same renderings passed before: same verdict
        problems = [] if self.store.has(key) else compare_published(english, html, name, language)
        if not problems:
            self.store.put(key)
            return html
        return fallback("; ".join(problems))

    def isolated(self, html: str) -> str:
        """``isolate_latin`` of a right-to-left page's content, kept between builds."""
        key = result_key("isolate_latin", html)
        kept = self.store.get(key)
        if kept is not None:
            return kept.decode("utf-8")
        result = isolate_latin(html)
        self.store.put(key, result.encode("utf-8"))
        return result

    def record(self, where: str, difference: str) -> None:
        self.published_in_english.append({"page": where, "difference": difference})

    def whole_page(self, output: str, translated: bool, fallback: Fallback, report: Callable[[str], None]) -> str:
        """The whole page as browsers and the handout renderer parse it (``content_marks``): a
        translated page whose content does not end in place is published in English; on an
        English page the problem is reported (a defect of the site builder)."""
        if not self.marks.present(output):
            return self.marks.removed(output)  # a template that does not show the content
        problem = content_out_of_place(output, self.marks.attribute)
        if problem and translated:
            output = self.marks.replace_content(output, fallback(problem))
        elif problem:
            report(problem)
        return self.marks.removed(output)

    def finish(self) -> None:
        self.store.prune()
