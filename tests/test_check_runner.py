"""`make check` as a whole: what it reports when a catalog cannot be read, with the built site, and online."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from doclocale.catalogs.merge import read_catalog, write_catalog
from doclocale.catalogs.update import update_catalogs
from doclocale.checks.memo import CheckJob, FindingsMemo
from doclocale.checks.runner import run_checks
from doclocale.model import Finding, Location, Severity
from doclocale.reading.page_parser import parse_page


def test_a_catalog_that_cannot_be_read_is_one_error_naming_its_line(settings) -> None:
    path = settings.catalog_path("fa", "about")
    path.write_text(path.read_text(encoding="utf-8") + '\nmsgid "Broken\n', encoding="utf-8")
    report = run_checks(settings)
    assert [f.code for f in report.findings if f.code.startswith("E")] == ["E001"]
    error = next(f for f in report.findings if f.code == "E001")
    assert error.severity is Severity.ERROR and report.exit_code == 1
    assert error.location.path == "locale/fa/LC_MESSAGES/about.po" and error.location.line > 1
    assert error.message and error.hint, error.format()


def test_the_same_english_in_two_contexts_may_be_translated_differently(settings) -> None:
    page = settings.source_dir / "about.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\nCall us.\n\n<!-- i18n-context: the clinic's phone line -->\nCall us.\n",
        encoding="utf-8",
    )
    update_catalogs(settings)
    waiting = [(f.code, f.excerpt) for f in run_checks(settings).findings if f.code == "C101"]
    assert waiting == [("C101", "Call us."), ("C101", "Call us.")], "each is waiting for its translation"
    path = settings.catalog_path("fa", "about")
    catalog = read_catalog(path)
    catalog.get("Call us.").string = "با ما تماس بگیرید."
    catalog.get("Call us.", "the clinic's phone line").string = "به کلینیک زنگ بزنید."
    write_catalog(path, catalog)
    assert [f.format() for f in run_checks(settings).findings if f.code == "K601"] == []


def test_the_built_site_and_links_to_other_sites(settings, built_site: Path) -> None:
    site = settings.root / "site"
    shutil.copytree(built_site, site)
    settings = dataclasses.replace(settings, site_dir=site)
    page = site / "about" / "index.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace("<p>", '<p><a href="http://127.0.0.1:1/gone">x</a>', 1),
        encoding="utf-8",
    )
    offline = run_checks(settings, include_site=True)
    codes = [f.code for f in offline.findings if f.location.path == "site/about/index.html"]
    assert sorted(codes) == ["L904", "L920"], "an http link is an error, and listed"
    assert "L913" not in [f.code for f in offline.findings], "nothing is fetched unless asked"
    online = run_checks(settings, include_site=True, online=True)
    dead = [f for f in online.findings if f.code == "L913"]
    assert [(f.location.path, "http://127.0.0.1:1/gone" in f.message) for f in dead] == [
        ("site/about/index.html", True)
    ]
    shutil.rmtree(site)
    assert not [f for f in run_checks(settings, include_site=True).findings if f.code.startswith("L")]


def test_new_english_text_before_an_update_is_reported_as_waiting(settings) -> None:
    page = settings.source_dir / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA first new line.\n\nA second new line.\n", encoding="utf-8")
    waiting = [
        (f.code, f.location.path, f.location.line, f.excerpt) for f in run_checks(settings).findings if f.code == "C101"
    ]
    assert waiting == [
        ("C101", "locale/fa/LC_MESSAGES/about.po", 0, "A first new line."),
        ("C101", "locale/fa/LC_MESSAGES/about.po", 0, "A second new line."),
    ]


def test_readability_is_reported_for_the_page_that_is_hard_to_read(settings) -> None:
    hard = "Notwithstanding considerable interindividual variability, dermatological microneedling interventions necessitate comprehensive preprocedural consultation. "
    (settings.source_dir / "hard.md").write_text("# Hard\n\n" + (hard + "\n\n") * 4, encoding="utf-8")
    found = [f.location.path for f in run_checks(settings).findings if f.code == "Y101"]
    assert found == ["docs/en/hard.md"]


def count(found: list[str], text: str) -> list[Finding]:
    found.append(text)
    return [Finding(Location(text, 1), "C101", Severity.WARNING, text)]


def test_the_memo_keeps_exactly_what_the_last_run_used(tmp_path: Path) -> None:
    path = tmp_path / "not" / "yet" / "findings.pickle"
    calls: list[str] = []
    jobs = [CheckJob((text,), count, (calls, text)) for text in ("a", "b")]
    first = FindingsMemo(path)
    assert first.run(jobs) == [tuple(count([], "a")), tuple(count([], "b"))]
    first.save()
    assert calls == ["a", "b"]
    second = FindingsMemo(path)
    assert second.run(jobs[:1]) == [tuple(count([], "a"))] and calls == ["a", "b"]
    second.save()  # its folder exists now
    third = FindingsMemo(path)
    assert third.run(jobs) == [tuple(count([], "a")), tuple(count([], "b"))]
    assert calls == ["a", "b", "b"], "b was not used by the second run, so it was not kept"


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("", ["D101"]),
        ("- [Chemical peel](guides/chemical-peel.md): an acid that removes the top layer of skin.\n", []),
        ("- [Chemical peel][peel]\n\n[peel]: ./guides/chemical-peel.md#what-it-is\n", []),
        ("- [Chemical peel](https://example.org/guides/chemical-peel.md)\n", ["D101"]),  # another site's page
        ("- [Chemical peel](#guides/chemical-peel.md)\n", ["D101"]),  # a place on the home page
    ],
    ids=["not-listed", "listed", "listed-by-reference", "another-site", "fragment-only"],
)
def test_a_guide_the_home_page_does_not_list_is_named(settings, link: str, expected: list[str]) -> None:
    guide = settings.source_dir / "guides" / "microneedling.md"
    (settings.source_dir / "guides" / "chemical-peel.md").write_text(guide.read_text(encoding="utf-8"), "utf-8")
    home = settings.source_dir / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\n" + link, encoding="utf-8")
    found = [f for f in run_checks(settings).findings if f.code == "D101"]
    assert [f.code for f in found] == expected
    title = parse_page("guides/microneedling.md", guide.read_text(encoding="utf-8")).front_matter["title"]
    assert [finding.format() for finding in found] == [
        "docs/en/index.md:1: D101 error: neither the home page nor its section's page lists the guide"
        f" guides/chemical-peel.md ({title}): readers of every language miss it\n"
        f"    hint: add a line to the list of guides: - [{title}](guides/chemical-peel.md): what it is about, in a few words"
    ] * len(expected)


def test_a_guide_two_sections_down_is_listed_on_its_own_section_page(settings) -> None:
    """A guide without a title is named by its path; each folder above it has a page that may list it."""
    deep = settings.source_dir / "guides" / "face" / "skin" / "peel.md"
    deep.parent.mkdir(parents=True)
    deep.write_text("# Peel\n\nA short guide.\n", encoding="utf-8")
    found = [f for f in run_checks(settings).findings if f.code == "D101"]
    assert [f.message for f in found] == [
        "neither the home page nor its section's page lists the guide guides/face/skin/peel.md"
        " (guides/face/skin/peel.md): readers of every language miss it"
    ]
    section = settings.source_dir / "guides" / "face" / "index.md"
    section.write_text("# Face\n\n- [Peel](skin/peel.md)\n", encoding="utf-8")
    assert [f for f in run_checks(settings).findings if f.code == "D101"] == []
    section.unlink()
    guides = settings.source_dir / "guides" / "index.md"
    if not guides.exists():
        guides.write_text("# Guides\n\n- [Micro-needling](microneedling.md)\n", encoding="utf-8")
    guides.write_text(guides.read_text(encoding="utf-8") + "\n- [Peel](face/skin/peel.md)\n", encoding="utf-8")
    assert [f for f in run_checks(settings).findings if f.code == "D101"] == []


def test_a_guide_listed_on_its_section_page_is_listed(settings) -> None:
    guide = settings.source_dir / "guides" / "microneedling.md"
    (settings.source_dir / "guides" / "chemical-peel.md").write_text(guide.read_text(encoding="utf-8"), "utf-8")
    section = settings.source_dir / "guides" / "index.md"
    section.write_text("# Guides\n\n- [Chemical peel](chemical-peel.md)\n- [Micro-needling](microneedling.md)\n")
    assert [f for f in run_checks(settings).findings if f.code == "D101"] == []
    section.write_text("# Guides\n\n- [Micro-needling](microneedling.md)\n")
    assert len([f for f in run_checks(settings).findings if f.code == "D101"]) == 1


def test_the_checks_read_what_the_build_recorded_of_pages_shown_in_english(settings) -> None:
    """The build writes one record per run (and one per shard) into .cache/build/; the checks read them
    all, and skip one that cannot be read instead of failing."""
    from doclocale.checks.runner import read_build_records

    folder = settings.cache_dir("build")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "published-in-english.json").write_text('[{"page": "fa/a/"}]', encoding="utf-8")
    (folder / "published-in-english-fa.json").write_text('[{"page": "fa/b/"}]', encoding="utf-8")
    (folder / "published-in-english-en.json").write_text("[{", encoding="utf-8")  # cut off mid-write
    assert read_build_records(settings) == [{"page": "fa/b/"}, {"page": "fa/a/"}]


def test_a_release_builds_catalog_findings_are_kept_for_make_check(settings) -> None:
    """The release build checks the catalogs first; it keeps the findings where make check reads them."""
    from doclocale.catalogs.templates import read_sources
    from doclocale.checks.runner import check_catalogs

    assert not (settings.cache_dir("checks") / "findings.pickle").exists()
    check_catalogs(settings, read_sources(settings))
    assert (settings.cache_dir("checks") / "findings.pickle").is_file()


def test_every_guide_is_judged_after_one_that_is_listed(settings) -> None:
    """The guides are judged in order; one listed does not end the search for those after it."""
    guide = settings.source_dir / "guides" / "microneedling.md"
    (settings.source_dir / "guides" / "zinc.md").write_text("# Zinc\n\nA short guide.\n", encoding="utf-8")
    found = [f.message for f in run_checks(settings).findings if f.code == "D101"]
    assert found == [
        "neither the home page nor its section's page lists the guide guides/zinc.md (guides/zinc.md):"
        " readers of every language miss it"
    ]
    assert guide.exists()  # listed, and sorted before it


def test_the_catalog_checks_hold_one_catalog_at_a_time(settings, monkeypatch) -> None:
    """At 10,000 guides the check held every template and catalog of a language at once (a
    gigabyte): each is now read, checked and dropped before the next."""
    import doclocale.checks.catalog_checks as catalog_checks
    import doclocale.checks.runner as runner

    read: list[int] = []
    real = catalog_checks.read_language_catalogs

    def counting(settings, language, domains, store=None):
        domains = list(domains)
        read.append(len(domains))
        return real(settings, language, domains, store)

    monkeypatch.setattr(catalog_checks, "read_language_catalogs", counting)
    runner.run_checks(settings)
    assert len(read) > 3 and set(read) == {1}


def test_the_check_holds_one_batch_of_pages_at_a_time(settings, monkeypatch) -> None:
    """At 10,000 guides the check held every parsed page, generated page and entry at once (1.4 GB
    over its processes): now a batch's pages are let go before the next batch is read, and the
    findings are the same, in the same order, whatever the batches."""
    import datetime as dt
    import gc
    import weakref

    import doclocale.checks.runner as runner

    today = dt.date(2026, 12, 6)
    page = settings.source_dir / "guides" / "zinc.md"  # not listed: D101 needs every page read
    page.write_text("# Zinc\n\nA short guide.\n", encoding="utf-8")
    whole = [f.format() for f in runner.computed_findings(settings, today)]
    shutil.rmtree(settings.cache_dir("checks"))
    monkeypatch.setattr(runner, "CHECK_BATCH", 1)
    read, held = [], []
    real = runner.read_pages

    def reading(settings, pages):
        gc.collect()
        held.extend(ref().path for ref in read if ref() is not None)
        pages = real(settings, pages)
        read.extend(weakref.ref(source) for source in pages.values())
        return pages

    monkeypatch.setattr(runner, "read_pages", reading)
    batched = [f.format() for f in runner.computed_findings(settings, today)]
    assert len(read) > 3 and held == [], "pages of an earlier batch were still held"
    assert batched == whole and any("D101" in f for f in whole)
