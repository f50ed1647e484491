"""The one rule: a translated page's HTML equals the source page's HTML except for text.

Both renderings are parsed with an HTML5 parser (lexbor, through selectolax: it
parses the way browsers do, comments, CDATA and raw-text elements included, and
takes 0.2 ms for a 20 KB page where html5lib takes 17 ms; lxml's libxml2 parser
is not an HTML5 parser). Each tree is flattened into a list of elements in
document order; the translation must have the same list:

- the same elements, nesting and order, and the same comments, word for word;
- the same attribute names on every element, and identical values except for
  human text (``alt``, ``title``, ``aria-label``), so ids, URLs, classes and
  styles cannot change;
- identical text inside code, scripts and styles;
- no text where HTML allows none (directly in a list, table or row), and no more
  bidi controls (embeddings, overrides, isolates) than the source has.

Elements the generator wraps around text are recognised by a marker the
caller passes (``transparent``): a random value a translator cannot know.
``<abbr title>`` is looked through too: the abbr extension wraps its term
wherever it appears, and a translation need not use the English term (its
title is human text, like an ``alt``).
Nothing here is a list of dangerous things: whatever the source page does not
have, the translation may not have either.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from doclocale.reading.html_prose import HUMAN_TEXT_ATTRIBUTES as PROSE_ATTRIBUTES
from doclocale.text_rules import BIDI_CONTROLS

#: Attributes whose value is words a reader sees or hears.
HUMAN_TEXT_ATTRIBUTES = PROSE_ATTRIBUTES
#: Attributes whose value is an address (compared after the caller's ``urls`` mapping).
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "action", "formaction", "poster", "cite", "data", "xlink:href"})
#: Elements whose text is code or data, never prose: it must stay the same.
VERBATIM = frozenset({"code", "pre", "kbd", "samp", "script", "style", "textarea", "svg", "math", "template"})
#: ... byte for byte inside these (elsewhere a line break and a space show the same).
PREFORMATTED = frozenset({"pre", "script", "style", "textarea"})
#: Elements whose content model has no text: text there means raw HTML was added.
NO_TEXT = frozenset(
    {
        "#document",
        "html",
        "head",
        "ul",
        "ol",
        "dl",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "colgroup",
        "select",
        "optgroup",
        "datalist",
        "menu",
    }
)

Item = tuple  # (depth, kind, name, attributes, payload)

#: The elements the site's template opens around a page's content, outermost first
#: (Material's base.html: ``body > div.md-container > main > div > div > article``).
#: A page is judged inside them, as browsers and the handout renderer parse it: an end
#: tag such as ``</div>`` in a translation closes one of them there, while in the
#: content alone it is ignored. ``tests/test_site_build.py`` holds this list equal to
#: the ancestors of the content in the built pages.
CONTENT_ANCESTORS = ("div", "main", "div", "div", "article")
#: Marks the elements ``in_page_context`` adds, so that differences name them in words.
CONTEXT_ATTRIBUTE = "data-doclocale-context"


def in_page_context(content_html: str) -> str:
    """A page's content inside the elements the template puts around it, with an element
    after the content at every level: whatever the content closes that it did not open
    moves those elements, and the comparison sees it."""
    opening = "".join(f'<{tag} {CONTEXT_ATTRIBUTE}="{n}">' for n, tag in enumerate(CONTENT_ANCESTORS))
    closing = "".join(
        f'<hr {CONTEXT_ATTRIBUTE}="after-{n}"></{tag}>' for n, tag in reversed(list(enumerate(CONTENT_ANCESTORS)))
    )
    return f"<!DOCTYPE html><html><head></head><body>{opening}{content_html}{closing}</body></html>"


@dataclass(frozen=True)
class Shape:
    """A page's elements in document order, which of them hold prose, and its bidi controls."""

    items: tuple[Item, ...]
    has_text: tuple[bool, ...]  # per item: the element holds prose directly
    bidi_controls: Counter


def _attributes(node: LexborNode, urls: Callable[[str], str] | None) -> tuple[tuple[str, str | None], ...]:
    found = []
    for name, value in node.attributes.items():
        if name in HUMAN_TEXT_ATTRIBUTES:
            value = None
        elif urls is not None and name in URL_ATTRIBUTES and value:
            value = urls(value)
        found.append((name, value))
    return tuple(sorted(found))


def html_shape(
    html: str,
    transparent: Callable[[str, dict], bool] | None = None,
    urls: Callable[[str], str] | None = None,
    abbreviations: frozenset[str] | None = None,
) -> Shape:
    """Flatten an HTML fragment or document into what the rule compares. ``abbreviations``: the
    meanings the page's own abbreviation definitions give; an ``<abbr>`` with another title is an
    element like any other (None: every ``<abbr title>`` is looked through)."""
    root = LexborHTMLParser(html).root
    items: list[Item] = [(0, "element", "#document", (), None)]
    has_text = [False]
    bidi: Counter = Counter()
    # (node, depth, owner item, inside verbatim): an explicit stack, as pages can nest deeply.
    stack: list[tuple[LexborNode, int, int, int]] = [(root, 1, 0, 0)] if root is not None else []
    while stack:
        node, depth, owner, verbatim = stack.pop()  # verbatim: 0 prose, 1 code, 2 preformatted
        tag = node.tag
        children_owner, children_depth, children_verbatim = owner, depth + 1, verbatim
        if tag == "-text":
            text = node.text_content or ""
            if verbatim:
                items.append((depth, "text", "", (), text if verbatim == 2 else " ".join(text.split())))
                has_text.append(False)
            elif text.strip():
                has_text[owner] = True
            bidi.update(BIDI_CONTROLS.findall(text))
        elif tag == "-comment":
            items.append((depth, "comment", "", (), node.html))
            has_text.append(False)
        elif tag is None or tag.startswith(("-", "_")):
            items.append((depth, "node", tag, (), node.html))
            has_text.append(False)
        else:
            attributes = {name: value or "" for name, value in node.attributes.items()}
            if (
                tag == "abbr"
                and set(attributes) <= {"title"}
                and (abbreviations is None or attributes.get("title", "").strip() in abbreviations)
                or transparent is not None
                and transparent(tag, attributes)
            ):
                children_depth = depth  # the generator's own wrapper: look through it
            else:
                items.append((depth, "element", tag, _attributes(node, urls), None))
                has_text.append(False)
                children_owner = len(items) - 1
                for name in HUMAN_TEXT_ATTRIBUTES & attributes.keys():
                    bidi.update(BIDI_CONTROLS.findall(attributes[name] or ""))
            children_verbatim = max(verbatim, 2 if tag in PREFORMATTED else 1 if tag in VERBATIM else 0)
        for child in reversed(list(_children(node))):
            stack.append((child, children_depth, children_owner, children_verbatim))
    return Shape(tuple(items), tuple(has_text), bidi)


def _children(node: LexborNode) -> Iterator[LexborNode]:
    child = node.child
    while child is not None:
        yield child
        child = child.next


def _describe(item: Item) -> str:
    _depth, kind, name, attributes, payload = item
    if kind == "text":
        return "text" if payload is None else f"code text {payload[:40]!r}"
    if kind == "comment":
        return f"an HTML comment {payload[:40]!r}"
    if kind == "node":
        return f"a {name} node"
    shown = " ".join(f'{key}="{value}"' if value is not None else key for key, value in attributes)
    return f"<{name}{' ' + shown if shown else ''}>"


def _path(items: tuple[Item, ...], index: int, depth: int | None = None) -> str:
    """The open elements around ``items[index]``: 'in <ul> > <li>'."""
    if depth is None:
        if index >= len(items):
            return "at the end of the page"
        depth = items[index][0]
    chain = []
    for item in reversed(items[:index]):
        if item[0] < depth and item[1] == "element":
            chain.append("" if _is_context(item) else f"<{item[2]}>")
            depth = item[0]
    chain = [name for name in reversed(chain) if name not in ("", "<html>", "<body>", "<#document>")]
    return "in " + " > ".join(chain) if chain else "at the top of the page"


def _is_context(item: Item) -> bool:
    return item[1] == "element" and any(name == CONTEXT_ATTRIBUTE for name, _ in item[3])


def _context_places(shape: Shape) -> list[tuple[int, str]]:
    """Where the elements of ``in_page_context`` ended up: their depth and what they are."""
    return [(item[0], dict(item[3])[CONTEXT_ATTRIBUTE]) for item in shape.items if _is_context(item)]


def compare_shapes(source: Shape, translated: Shape, limit: int = 3) -> list[str]:
    """How ``translated`` differs from ``source``, in words; empty when it keeps the rule."""
    problems = []
    if _context_places(source) != _context_places(translated):
        problems.append(
            "closes the page around its text: an end tag (such as </div>, </article> or </main>) that this text"
            " did not open would end the page's content early in browsers and on paper"
        )
        return problems  # every later element moved: the rest of the diff says nothing more
    if source.items == translated.items:  # the usual case: no diff to compute
        opcodes: list[tuple[str, int, int, int, int]] = [("equal", 0, len(source.items), 0, len(translated.items))]
    else:
        opcodes = list(difflib.SequenceMatcher(None, source.items, translated.items, autojunk=False).get_opcodes())
    for tag, a1, a2, b1, b2 in opcodes:
        if tag == "equal":
            for a, b in zip(range(a1, a2), range(b1, b2), strict=True):
                if translated.has_text[b] and not source.has_text[a] and translated.items[b][2] in NO_TEXT:
                    problems.append(f"adds text directly {_path(translated.items, b + 1, translated.items[b][0] + 1)}")
            continue
        removed = ", ".join(_describe(item) for item in source.items[a1:a2][:3])
        added = ", ".join(_describe(item) for item in translated.items[b1:b2][:3])
        # a removed item is placed where the English had it; others where the translation has them
        on_translated = tag != "delete" and b1 < len(translated.items) and not _is_context(translated.items[b1])
        where = _path(translated.items, b1) if on_translated else _path(source.items, a1)
        if tag == "insert":
            problems.append(f"adds {added} {where}")
        elif tag == "delete":
            problems.append(f"removes {removed} {where}")
        else:
            problems.append(f"has {added} where the English has {removed} ({where})")
    for char, count in sorted((translated.bidi_controls - source.bidi_controls).items()):
        problems.append(
            f"adds {count} invisible bidi control character(s) U+{ord(char):04X}, which reorder what readers see"
        )
    return problems[:limit]


def compare_html(
    source_html: str,
    translated_html: str,
    transparent: Callable[[str, dict], bool] | None = None,
    urls: tuple[Callable[[str], str], Callable[[str], str]] | None = None,
) -> list[str]:
    """The rule on two renderings: empty when only text differs. ``urls`` maps each
    page's addresses to one comparable form (pages at different places in a site)."""
    source_urls, translated_urls = urls or (None, None)
    return compare_shapes(
        html_shape(source_html, None, source_urls), html_shape(translated_html, transparent, translated_urls)
    )


def compare_published(english: str, translated: str, page: str, language: str) -> list[str]:
    """``compare_html`` of MkDocs' renderings of a page in the source language and in
    ``language``, each inside the template's elements: relative links compared as the
    site addresses they reach, the generator's English-text wrapper allowed."""
    return compare_html(
        in_page_context(english),
        in_page_context(translated),
        is_fallback_span,
        (site_address(page, ""), site_address(page, language)),
    )


def site_address(page: str, language: str):
    """A page's addresses as site paths without the language folder, so the same target
    compares equal from /guides/x/ and from /fa/guides/x/.

    Every address is resolved the way a browser does (``urljoin`` against the page's own
    address), then the language folder is taken off the front: the home page is ``/``
    from any depth and in any language (``../../`` from /guides/a/b/ and from
    /fa/guides/a/b/ both reach it), a fragment is the page's own path plus the fragment.
    Addresses of other sites, and other schemes, compare as written."""
    base = "https://site.invalid/" + (f"{language}/" if language else "")
    base += page.removesuffix(".md").removesuffix("index").strip("/")
    base = base.rstrip("/") + "/"
    prefix = f"/{language}" if language else ""

    def resolve(url: str) -> str:
        target = urlsplit(urljoin(base, url))
        if target.netloc != "site.invalid" or target.scheme != "https":
            return url
        path = target.path
        if prefix and (path == prefix or path.startswith(prefix + "/")):
            path = path[len(prefix) :] or "/"
        return urlunsplit(("", "", path, target.query, target.fragment))

    return resolve


def is_fallback_span(tag: str, attributes: dict) -> bool:
    """The generator's English-text wrapper (the gate has already refused lookalikes)."""
    return tag == "span" and set(attributes) == {"lang", "dir"} and attributes["dir"] == "ltr"
