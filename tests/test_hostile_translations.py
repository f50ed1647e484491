"""A hostile translator, with write access to locale/ only: tests/fixtures/hostile/<case>.yml.

Each case sets one msgstr of a real catalog and builds the real site in a copy.
``expect: refused``: the release build fails naming the catalog's path:line and
the code, and writes nothing; the preview build publishes exactly the bytes it
would publish had the entry never been translated. ``expect: untranslated``: the
same, except that the release build names the page as not fully translated (a
msgstr with no words is no translation). ``expect: inert``: the
translation is published, and every Persian page still has the element
structure of the site built from the untouched catalogs (compared as DOM trees).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

from doclocale.catalogs.merge import read_catalog, write_catalog
from doclocale.cli import main
from doclocale.translating.html_rule import compare_shapes, html_shape

from .conftest import copy_project

CASES = sorted((Path(__file__).parent / "fixtures" / "hostile").glob("*.yml"))
FAMILIES = (
    "raw-html",
    "attr-list",
    "template",
    "percent",
    "hidden",
    "blocks",
    "waiver",
    "context",
    "no-words",
    "definitions",
)


def load(case: Path) -> dict:
    return yaml.safe_load(case.read_text(encoding="utf-8"))


def po_path(spec: dict) -> str:
    return f"locale/fa/LC_MESSAGES/{spec['po']}"


def set_msgstr(root: Path, spec: dict, msgstr: str) -> int:
    """Set one entry's translation (and comment); return its line in the written file."""
    path = root / po_path(spec)
    catalog = read_catalog(path)
    message = catalog.get(spec["msgid"], spec.get("msgctxt"))
    assert message is not None, f"fixture out of date: {spec['msgid']!r} not in {spec['po']}"
    message.string = msgstr
    if spec.get("comment"):
        message.user_comments.append(spec["comment"].removeprefix("# "))
    write_catalog(path, catalog)
    return read_catalog(path).get(spec["msgid"], spec.get("msgctxt")).lineno


def is_isolation(tag: str, attributes: dict) -> bool:
    """<bdi> around English words: the site adds it to the rendered text, after the gate."""
    return tag == "bdi" and not attributes


def build(root: Path, *args: str) -> int:
    return main(["--config", str(root / "mkdocs.yml"), "build", *args])


def persian_pages(root: Path) -> dict[str, bytes]:
    site = root / "site" / "fa"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html"))}


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for part in ("docs/fa", "site")
        for p in sorted((root / part).rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    assert build(root) == 0
    return root


def fresh_copy(baseline: Path, target: Path) -> Path:
    shutil.copytree(baseline, target, symlinks=True)
    return target


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_a_hostile_translation_never_changes_the_published_page(
    case: Path, baseline: Path, tmp_path: Path, capsys
) -> None:
    spec = load(case)
    root = fresh_copy(baseline, tmp_path / "hostile")
    line = set_msgstr(root, spec, spec["msgstr"])
    if spec["expect"] == "inert":
        assert build(root, "--strict") == 0
        for name, data in persian_pages(root).items():
            before = (baseline / "site" / "fa" / name).read_text(encoding="utf-8")
            assert (
                compare_shapes(html_shape(before, is_isolation), html_shape(data.decode("utf-8"), is_isolation)) == []
            ), name
        if "cell" in spec:  # the translation fills its own cell; the row's other cells are unchanged
            cells = {
                page: [td.text() for td in LexborHTMLParser(data.decode()).css("article td")]
                for page, data in persian_pages(root).items()
            }
            old = {
                page: [td.text() for td in LexborHTMLParser(data.decode()).css("article td")]
                for page, data in persian_pages(baseline).items()
            }
            changed = [(page, a, b) for page in cells for a, b in zip(old[page], cells[page], strict=True) if a != b]
            assert [b for _, _, b in changed] == [spec["cell"]], changed
        return
    # Release: refused by name and place (or, for "untranslated", counted as not translated), nothing written.
    before = snapshot(root)
    capsys.readouterr()
    assert build(root, "--strict") == 1
    output = capsys.readouterr()
    report = output.out + output.err
    if spec["expect"] == "untranslated":
        assert "not fully translated" in report and spec["po"].removesuffix(".po") in report, report
    else:
        assert f"{po_path(spec)}:{line}: {spec['code']} error: translation refused" in report, report
    if spec["expect"] == "untranslated":  # the generated Markdown is rewritten; the published site is not
        before = {name: data for name, data in before.items() if name.startswith("site")}
        assert {n: d for n, d in snapshot(root).items() if n.startswith("site")} == before
    else:
        assert snapshot(root) == before, "a refused release build wrote files"
    # Preview: the page is published as if the entry had never been translated.
    assert build(root) == 0
    published = persian_pages(root)
    untranslated = fresh_copy(baseline, tmp_path / "untranslated")
    set_msgstr(untranslated, spec, "")
    assert build(untranslated) == 0
    assert published == persian_pages(untranslated)


def test_every_family_has_two_cases() -> None:
    families = [load(case)["family"] for case in CASES]
    for family in FAMILIES:
        assert families.count(family) >= 2 or family == "waiver", family


def test_an_entity_in_a_heading_stays_text_in_the_title_and_header(baseline: Path, tmp_path: Path) -> None:
    root = fresh_copy(baseline, tmp_path / "p")
    spec = {"po": "guides/microneedling.po", "msgid": "Micro-needling"}
    set_msgstr(root, {**spec, "msgid": "What it is"}, "چیست &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
    assert build(root) == 0
    tree = LexborHTMLParser((root / "site/fa/guides/microneedling/index.html").read_text(encoding="utf-8"))
    assert tree.css("script") and not any("alert(1)" in (s.text() or "") for s in tree.css("script"))
    assert "</title><script>alert(1)</script>" in tree.css_first("article h2#what-it-is").text()


def test_with_the_comparison_disabled_the_hostile_markup_is_published(
    baseline: Path, tmp_path: Path, monkeypatch
) -> None:
    """The suite depends on the comparison: switch it off and the attack gets through."""
    monkeypatch.setattr("doclocale.translating.gate.compare_shapes", lambda *args, **kwargs: [])
    monkeypatch.setattr("doclocale.website.rendered_check.compare_published", lambda *args, **kwargs: [])
    root = fresh_copy(baseline, tmp_path / "p")
    set_msgstr(
        root, load(CASES[[c.stem for c in CASES].index("raw-html-img-onerror")]), "درد<img src=x onerror=alert(1)>"
    )
    assert build(root, "--strict") == 0
    tree = LexborHTMLParser((root / "site/fa/guides/microneedling/index.html").read_text(encoding="utf-8"))
    assert any(img.attributes.get("onerror") for img in tree.css("img"))


def test_every_translation_in_the_project_is_published(baseline: Path) -> None:
    """No false positives: the real catalogs pass the gate untouched."""
    assert build(baseline, "--strict") == 0
    cache = yaml.safe_load((baseline / "docs/fa/.doclocale-inputs.json").read_text(encoding="utf-8"))
    assert all(entry["refused"] == [] for entry in cache.values())
