"""The whole page, as browsers and the handout renderer parse it: does the content end in place?

The gate judges a page's content inside the elements the template opens around it
(``structure.CONTENT_ANCESTORS``). After the template has made the page, this
checks the page itself: the content, bracketed by two empty marks with a random
attribute nobody can write in a catalog, must end in the element it begins in,
and that element must sit where the gate assumed.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from doclocale.translating.html_rule import CONTENT_ANCESTORS


@dataclass(frozen=True)
class ContentMarks:
    """Two empty elements around a page's content, removed once the page has been checked."""

    attribute: str = field(default_factory=lambda: f"data-doclocale-{secrets.token_hex(8)}")

    @property
    def start(self) -> str:
        return f'<span {self.attribute}="start"></span>'

    @property
    def end(self) -> str:
        return f'<span {self.attribute}="end"></span>'

    def around(self, content_html: str) -> str:
        return f"{self.start}{content_html}{self.end}"

    def present(self, page_html: str) -> bool:
        return page_html.count(self.start) == 1 and page_html.count(self.end) == 1

    def replace_content(self, page_html: str, content_html: str) -> str:
        before, rest = page_html.split(self.start)
        _, after = rest.split(self.end)
        return before + self.start + content_html + self.end + after

    def removed(self, page_html: str) -> str:
        return page_html.replace(self.start, "").replace(self.end, "")


def content_out_of_place(page_html: str, mark: str) -> str | None:
    """On a whole page, with its content between two empty ``<span mark="start|end">``: what is
    wrong when the content does not end in the element it begins in, or that element is not
    where ``CONTENT_ANCESTORS`` says the template puts it."""
    tree = LexborHTMLParser(page_html)
    start, end = tree.css_first(f"span[{mark}=start]"), tree.css_first(f"span[{mark}=end]")
    if start is None or end is None or start.parent is None or end.parent is None:
        return "the page's content has lost its end: something in it hides the rest of the page"
    if start.parent.mem_id != end.parent.mem_id:
        return (
            "the page's content ends outside the element it begins in: an end tag (such as </div>) closes"
            " the page around it in browsers and on paper"
        )
    chain: list[str] = []
    node: LexborNode | None = start.parent
    while node is not None and node.tag not in ("body", "html", "-document"):
        chain.append(str(node.tag))
        node = node.parent
    if tuple(reversed(chain)) != CONTENT_ANCESTORS:
        return (
            f"the template puts the content inside {' > '.join(reversed(chain))}, but pages are judged inside"
            f" {' > '.join(CONTENT_ANCESTORS)}: update CONTENT_ANCESTORS in doclocale/translating/html_rule.py"
        )
    return None
