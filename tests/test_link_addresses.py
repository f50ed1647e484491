"""Links of every form, from pages at every depth, reach the same page in every language.

The page comparison judges relative addresses as the site paths they reach; a page
linking to the home page from a sub-folder once stopped the whole build because
the mapping lost the home page's ``./``. Two levels:

- the mapping itself, on random pages and links (many examples, no build);
- real builds of random pages at depths 0-3 (release mode, every message
  translated by identity and by a letter-changing transform): every page is
  published, and every Persian link reaches the Persian counterpart of the
  English link's target.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from doclocale.catalogs.merge import read_catalog, write_catalog
from doclocale.cli import main
from doclocale.translating.html_rule import site_address
from doclocale.translating.pseudo import pseudo_text

from .conftest import copy_project

#: New pages, at depths 0 to 3, with an index page in every folder.
PAGES = (
    "p0.md",
    "d1/index.md",
    "d1/p1.md",
    "d1/d2/index.md",
    "d1/d2/p2.md",
    "d1/d2/d3/index.md",
    "d1/d2/d3/p3.md",
)
TARGETS = PAGES + ("index.md", "about.md", "guides/microneedling.md")


def url_of(page: str) -> str:
    """The address MkDocs gives a page (directory URLs)."""
    stem = page.removesuffix(".md")
    stem = stem.removesuffix("index").rstrip("/")
    return "/" + (stem + "/" if stem else "")


def relative(page: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


@st.composite
def link(draw, page: str) -> tuple[str, str]:
    """(inline Markdown, reference definition or "") of one link from ``page``."""
    target = draw(st.sampled_from(TARGETS))
    form = draw(st.sampled_from(["page", "fragment", "self", "reference", "absolute", "external", "image"]))
    word = draw(st.sampled_from(["home", "care", "more", "next"]))
    label = f"r{draw(st.integers(0, 10**6))}"
    if form == "page":
        return f"[{word}]({relative(page, target)})", ""
    if form == "fragment":  # to a generated page: the site's own pages have no "part" heading
        return f"[{word}]({relative(page, draw(st.sampled_from(PAGES)))}#part)", ""
    if form == "self":
        return f"[{word}](#part)", ""
    if form == "reference":
        return f"[{word}][{label}]", f"[{label}]: {relative(page, target)}"
    if form == "absolute":
        return f"[{word}]({url_of(target)})", ""
    if form == "external":
        return f"[{word}](https://example.org/{word}/)", ""
    return f"![A {word} picture]({relative(page, 'assets/microneedling-skin.svg')})", ""


@st.composite
def site_pages(draw) -> dict[str, str]:
    pages = {}
    for page in PAGES:
        links = draw(st.lists(link(page), min_size=1, max_size=5))
        body = " ".join(inline for inline, _ in links)
        definitions = "\n".join(definition for _, definition in links if definition)
        pages[page] = f"# Page {len(pages)}\n\n## Part\n\nRead this: {body}.\n\n{definitions}\n"
    return pages


@given(page=st.sampled_from(TARGETS), target=st.sampled_from(TARGETS), fragment=st.sampled_from(["", "#part"]))
def test_a_relative_link_maps_to_the_same_site_path_in_every_language(page: str, target: str, fragment: str) -> None:
    english_url, persian_url = url_of(page), "/fa" + url_of(page)
    href = posixpath.relpath(url_of(target), english_url) + "/" if target != page else "./"
    href = href.replace("//", "/") + fragment
    assert urljoin(persian_url, href).startswith("/fa/")  # the same href reaches the Persian counterpart
    assert site_address(page, "")(href) == site_address(page, "fa")(href) == url_of(target) + fragment


def test_the_home_page_from_a_sub_folder_maps_to_the_home_page() -> None:
    """The case that stopped the site: ``./`` was lost for the home page."""
    for page, href in [("d1/d2/p2.md", "../../../"), ("about.md", "../"), ("index.md", "./")]:
        assert site_address(page, "")(href) == site_address(page, "fa")(href) == "/"


def fill_catalogs(root: Path, transform) -> None:
    for path in sorted((root / "locale" / "fa" / "LC_MESSAGES").rglob("*.po")):
        catalog = read_catalog(path)
        for message in catalog:
            if message.id:
                message.string = transform(str(message.id))
                message.flags.discard("fuzzy")
        write_catalog(path, catalog)


def article_links(html: Path, base: str) -> list[tuple[str, str]]:
    """(address as written, address it reaches) of the links and images of a page's content."""
    tree = LexborHTMLParser(html.read_text(encoding="utf-8"))
    found = []
    for node in tree.css("article a[href], article img[src]"):
        address = node.attributes.get("href") or node.attributes.get("src") or ""
        if not node.attributes.get("class") and not address.endswith(".pdf"):
            found.append((address, urljoin(base, address)))
    return found


@settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
    phases=[Phase.generate],  # a build per example: report the first failure as drawn
)
@given(pages=site_pages())
def test_pages_at_every_depth_with_every_link_form_build_in_both_modes(
    pages: dict[str, str], tmp_path_factory, monkeypatch
) -> None:
    monkeypatch.setenv("DOCLOCALE_HANDOUTS", "false")
    # The words of these translations (the English itself, or every letter changed) are not
    # Persian, and the release build stops on what make check says of them; this test is about
    # addresses, so only the words' checks are left out of its release builds.
    monkeypatch.setattr("doclocale.website.page_generation.release_findings", lambda settings, *options: [])
    root = copy_project(tmp_path_factory.mktemp("links") / "project")
    for page, text in pages.items():
        (root / "docs/en" / page).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs/en" / page).write_text(text, encoding="utf-8")
    # This site warns about addresses starting with / (they break under a sub-path); a site
    # that allows them must build too.
    mkdocs_yml = root / "mkdocs.yml"
    mkdocs_yml.write_text(mkdocs_yml.read_text().replace("absolute_links: warn", "absolute_links: info"))
    config = ["--config", str(root / "mkdocs.yml")]
    assert main([*config, "update"]) == 0
    for transform in (lambda text: text, pseudo_text):
        fill_catalogs(root, transform)
        assert main([*config, "build", "--strict"]) == 0
        for page in PAGES:
            folder = url_of(page).strip("/")
            english = article_links(root / "site" / folder / "index.html", url_of(page))
            persian = article_links(root / "site/fa" / folder / "index.html", "/fa" + url_of(page))
            assert len(english) == len(persian) > 0, page
            for (written, theirs), (_, ours) in zip(english, persian, strict=True):
                if urlsplit(written).scheme or written.startswith("/") or urlsplit(theirs).path.endswith(".svg"):
                    assert ours == theirs, (page, written)  # another site, an address as written, the one image
                else:
                    assert ours == "/fa" + theirs, (page, written, theirs, ours)  # the Persian counterpart
