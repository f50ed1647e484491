"""Check fixtures: tests/fixtures/checks/<case>.po, whose first line says '# expect: CODES' (or none)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from doclocale.catalogs.merge import parse_catalog, read_catalog, write_catalog
from doclocale.catalogs.translation_review import record_page_check
from doclocale.checks.catalog_checks import check_entry
from doclocale.checks.completeness import check_obsolete
from doclocale.checks.consistency import Consistency, check_consistency
from doclocale.checks.entry import Entry, ignored_codes
from doclocale.checks.glossary import Glossary, check_glossary, read_glossary
from doclocale.checks.runner import run_checks
from doclocale.checks.safety import check_unit
from doclocale.model import Location, Severity
from doclocale.translating.renderer import load_renderer

from .fixture_cases import assert_report, cases

FIXTURES = Path(__file__).parent / "fixtures" / "checks"
CASES = cases("checks", "*.po")
RENDER = load_renderer(Path(__file__).parent.parent / "mkdocs.yml")  # the site's own Markdown configuration


def entries_of(path: Path) -> list[Entry]:
    catalog = parse_catalog(path.name, path.read_bytes(), "fa")
    return [
        Entry(
            str(m.id),
            str(m.string or ""),
            Location(path.name, m.lineno),
            "fa",
            m.fuzzy,
            m.context,
            ignored_codes(m.user_comments),
        )
        for m in catalog
        if m.id
    ]


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_check_fixture(case: Path) -> None:
    expect = case.read_text(encoding="utf-8").splitlines()[0].removeprefix("# expect:").split()
    entries = entries_of(case)
    catalog = parse_catalog(case.name, case.read_bytes(), "fa")
    obsolete = list(check_obsolete(case.name, [m.lineno or 0 for m in catalog.obsolete.values()]))
    glossary = read_glossary(FIXTURES / "glossary.yml", "glossary.yml")  # read here, by the code under test
    findings = [f for e in entries for f in [*check_entry(e, glossary), *check_unit(e, RENDER)]]
    findings += list(check_consistency(entries)) + obsolete
    found = sorted(f.code for f in findings if not f.suppressed)
    assert found == sorted(c for c in expect if c != "none"), "\n".join(f.format() for f in findings)
    for finding in findings:
        assert finding.location.path == case.name and finding.location.line > 0
        assert finding.hint
    assert_report(case, findings)


def test_every_check_family_has_a_failing_and_a_passing_fixture() -> None:
    names = {case.stem for case in CASES}
    assert any(n.endswith("-pass") for n in names) and any(n.endswith("-fail") for n in names)
    failing_codes = {
        code for case in CASES if case.stem.endswith("-fail") for code in case.read_text().splitlines()[0].split()[2:]
    }
    for family in "CMSNPGK":
        assert any(code.startswith(family) for code in failing_codes), family
    for family in ("markup", "safety", "number", "persian", "glossary", "consistency", "identical"):
        assert any(n.startswith(family) and n.endswith("-pass") for n in names), family


def test_same_english_translated_differently_on_two_pages_is_a_warning_either_file_settles() -> None:
    long = "پس از جلسه پوست شما ممکن است چند روز قرمز بماند و کمی بسوزد"
    a = Entry("After the session your skin may stay red.", long, Location("a.po", 3), "fa")
    b = Entry("After the session your skin may stay red.", "پوست قرمز می‌ماند.", Location("b.po", 9), "fa")
    fuzzy = Entry("After the session your skin may stay red.", "قرمز", Location("c.po", 4), "fa", fuzzy=True)
    findings = list(check_consistency([a, b, fuzzy]))  # a fuzzy entry is not a translation yet
    assert [f.format() for f in findings] == [
        f"b.po:9: K601 warning: same English translated differently at a.po:3: «{long[:39]}…»\n"
        "    msgid: After the session your skin may stay red.\n"
        "    hint: use one translation in both files (change this one or a.po), or keep both if each page needs"
        " its own words"
    ]
    [finding] = check_consistency([b, a])  # a translation with a ZWNJ is quoted as a reader sees it
    assert finding.code == "K601" and finding.severity is Severity.WARNING
    assert "«پوست قرمز می\u200cماند.»" in finding.message and "\\u200c" not in finding.format()


def test_a_silenced_finding_is_counted_in_the_summary(settings) -> None:
    po = settings.catalog_path("fa", "guides/microneedling")
    catalog = read_catalog(po)
    catalog["Pain"].string = "درد 2"
    catalog["Pain"].user_comments.append("qa-ignore: P703 N402")
    write_catalog(po, catalog)
    report = run_checks(settings)
    assert report.exit_code == 0 and report.count()["suppressed"] == 2, report.format_text()
    assert sorted(f.code for f in report.active) == ["C106", "V103"]


def test_the_real_catalogs_pass_with_zero_findings(settings) -> None:
    report = run_checks(settings)
    # The only findings allowed: the English guide's pending medical review and its translation
    # not yet checked by a second translator (warnings until the clinic names the people who
    # did; names are never invented).
    assert sorted(f.code for f in report.findings) == ["C106", "V103"], report.format_text()


def test_an_error_in_the_real_content_fails_the_check(settings) -> None:
    po = settings.catalog_path("fa", "guides/microneedling")
    po.write_text(po.read_text(encoding="utf-8").replace("۳۰ تا ۴۰", "۳۰ تا ۵۰", 1), encoding="utf-8")
    report = run_checks(settings)
    assert report.exit_code == 1
    assert any(
        f.code == "N401" and f.location.path.endswith("microneedling.po") and f.location.line > 0
        for f in report.findings
    )


SHAPE = (
    "locale/fa/glossary.yml:1: error: glossary needs a 'terms:' mapping and a 'do_not_translate:' list\n"
    "    hint: under 'terms:' write lines 'English term: translation'; under 'do_not_translate:' lines '- term'"
)
YAML_HINT = "\n    hint: each line is 'English term: translation'"


@pytest.mark.parametrize(
    ("text", "report"),
    [
        (b"- collagen\n", SHAPE),
        (b"terms:\n  - collagen\n", SHAPE),
        (b"do_not_translate: SPF\n", SHAPE),
        (b"terms: {a: b}\n\tx: y\n", "locale/fa/glossary.yml:2: error: glossary is not valid YAML: "
         "found character that cannot start any token" + YAML_HINT),
        (b"terms:\n  a: b\n  bad: [\n", "locale/fa/glossary.yml:4: error: glossary is not valid YAML: "
         "did not find expected node content" + YAML_HINT),
        (b"terms:\n  a: \xff\n", "locale/fa/glossary.yml: error: glossary is not valid UTF-8\n    hint: save it as UTF-8"),
        (b"terms: {}\n" + b"#" * 1_000_000, "locale/fa/glossary.yml: error: glossary is larger than 1 MB\n"
         "    hint: keep it to the key terms of the guides"),
    ],
)  # fmt: skip
def test_a_broken_glossary_is_named_with_what_to_write(tmp_path: Path, text: bytes, report: str) -> None:
    from doclocale.errors import CatalogError

    path = tmp_path / "glossary.yml"
    path.write_bytes(text)
    with pytest.raises(CatalogError) as error:
        read_glossary(path, "locale/fa/glossary.yml")
    assert error.value.format() == report


def test_a_glossary_may_be_missing_or_have_one_part_only(tmp_path: Path) -> None:
    from doclocale.checks.glossary import MAX_GLOSSARY_BYTES, Glossary

    assert read_glossary(tmp_path / "none.yml", "none.yml") == Glossary()
    path = tmp_path / "glossary.yml"
    path.write_text("do_not_translate:\n  - SPF\n", encoding="utf-8")
    assert read_glossary(path, "g.yml") == Glossary({}, frozenset({"SPF"}))
    path.write_text("terms:\n  Collagen: کلاژن\n", encoding="utf-8")
    assert read_glossary(path, "g.yml") == Glossary({"collagen": "کلاژن"}, frozenset())
    path.write_text("terms: {}\n" + "#" * (MAX_GLOSSARY_BYTES - 11) + "\n", encoding="utf-8")
    assert path.stat().st_size == MAX_GLOSSARY_BYTES and read_glossary(path, "g.yml") == Glossary()
    path.write_bytes(path.read_bytes() + b"#")
    with pytest.raises(Exception, match="larger than 1 MB"):
        read_glossary(path, "g.yml")


def test_the_whole_check_reports_each_problem_at_its_place(settings) -> None:
    """One project with a problem of each kind the runner wires together: a refused translation, a
    glossary term, an obsolete entry, a fuzzy entry; a built site exists but is not checked unless asked."""
    po = settings.catalog_path("fa", "guides/microneedling")
    text = po.read_text(encoding="utf-8")
    text = text.replace('msgstr "میکرونیدلینگ یک درمان پوستی است و جراحی نیست."',
                        'msgstr "میکرونیدلینگ <b>یک درمان</b> پوستی است و جراحی نیست."')  # fmt: skip
    text = text.replace('msgstr "جای جوش، و آکنه (جوش) در زمان‌هایی که جوش فعال ندارید"',
                        'msgstr "جای جوش، و جوش در زمان‌هایی که جوش فعال ندارید"', 1)  # fmt: skip
    text = text.replace('msgid "Micro-needling can help with:"', '#, fuzzy\nmsgid "Micro-needling can help with:"', 1)
    text += '\n#~ msgid "An old sentence."\n#~ msgstr "جمله‌ای قدیمی."\n'
    po.write_text(text, encoding="utf-8")
    (settings.site_dir).mkdir(parents=True, exist_ok=True)
    (settings.site_dir / "index.html").write_text('<a href="missing/">x</a>', encoding="utf-8")
    report = run_checks(settings, today=dt.date(2026, 12, 5))
    assert_report(FIXTURES.parent / "run_checks", report.findings)
    assert "L901" in {f.code for f in run_checks(settings, include_site=True, today=dt.date(2026, 12, 5)).findings}


def test_a_broken_glossary_stops_the_check_naming_its_file(settings) -> None:
    (settings.locale_dir / "fa" / "glossary.yml").write_text("- acne\n", encoding="utf-8")
    report = run_checks(settings, today=dt.date(2026, 12, 5))
    assert [(f.code, f.location.path, f.location.line) for f in report.findings if f.code == "E001"] == [
        ("E001", "locale/fa/glossary.yml", 1)
    ]


def test_persian_rules_apply_to_persian_only_and_sentences_up_to_thirty_words_pass() -> None:
    from doclocale.checks.persian import check_persian
    from doclocale.checks.readability import check_sentence_length

    def entry(msgstr: str, language: str = "fa") -> Entry:
        return Entry("Text.", msgstr, Location("x.po", 3), language)

    german = "ك " + " ".join(["Wort"] * 40) + "."
    assert list(check_persian(entry(german, "de"))) == [] and list(check_sentence_length(entry(german, "de"))) == []
    assert [f.code for f in check_persian(entry("ك"))] == ["P702"]
    thirty, thirty_one = " ".join(["کلمه"] * 30) + ".", " ".join(["کلمه"] * 31) + "."
    assert list(check_sentence_length(entry(thirty))) == []
    assert [f.code for f in check_sentence_length(entry(thirty_one))] == ["Y201"]


def test_a_large_glossary_is_matched_by_the_entrys_words_not_term_by_term(monkeypatch) -> None:
    """20,000 terms: an entry is searched only for the terms its own words can start (linear in
    the entry, not in the glossary), and still finds the term and the term to keep."""
    import doclocale.checks.glossary as glossary_module

    terms = {f"term{n} word": f"واژه{n}" for n in range(20_000)} | {"numbing cream": "کرم بی‌حسی"}
    glossary = Glossary(terms, frozenset({"SPF"} | {f"Keep{n}" for n in range(5_000)}))
    searched: list[str] = []
    real = glossary_module.re.search
    monkeypatch.setattr(
        glossary_module.re, "search", lambda pattern, text: searched.append(pattern) or real(pattern, text)
    )
    entry = Entry("Put numbing cream and SPF 50 on.", "کرم بزنید و SPF بزنید.", Location("g.po", 3), "fa")
    codes = [finding.code for finding in check_glossary(entry, glossary)]
    assert codes == ["G501"]
    assert 1 <= len(searched) <= 3, searched


def test_an_edited_msgctxt_is_an_error_on_its_line(settings) -> None:
    """The release build stops on it (the page is not translated); make check says why, where."""
    from doclocale.checks.runner import run_checks

    path = settings.root / "locale/fa/LC_MESSAGES/_site.po"
    text = path.read_text(encoding="utf-8")
    assert 'msgctxt "navigation section"' in text, "fixture out of date"
    path.write_text(text.replace('msgctxt "navigation section"', 'msgctxt "navigation sektion"', 1), encoding="utf-8")
    line = path.read_text(encoding="utf-8").splitlines().index('msgctxt "navigation sektion"') + 2  # its msgid
    findings = [f for f in run_checks(settings).findings if f.code == "C105"]
    assert [(str(f.location), f.severity) for f in findings] == [
        (f"locale/fa/LC_MESSAGES/_site.po:{line}", Severity.ERROR)
    ]


def test_a_changed_msgctxt_and_the_second_translators_check_are_reported_at_their_place(settings) -> None:
    """C105 on a page catalog and on the site strings, C106 on a complete guide nobody checked, C107 once a
    recorded check no longer matches: each finding as `make check` prints it (tests/fixtures/catalog_checks.report)."""
    site = settings.catalog_path("fa", "_site")
    site.write_text(site.read_text(encoding="utf-8").replace('msgctxt "footer"\n', 'msgctxt "Footer"\n', 1), "utf-8")
    about = settings.catalog_path("fa", "about")
    rest = about.read_text(encoding="utf-8")
    first_entry = rest.index('\nmsgid "', rest.index('\nmsgid "') + 1)
    about.write_text(rest[:first_entry] + '\nmsgctxt "a guess"' + rest[first_entry:], encoding="utf-8")
    codes = {"C105", "C106", "C107"}
    before = [f for f in run_checks(settings, today=dt.date(2026, 12, 5)).findings if f.code in codes]
    record_page_check(settings, "fa", "guides/microneedling", "Sara Ahmadi", "2026-12-01")
    guide = settings.catalog_path("fa", "guides/microneedling")
    catalog = read_catalog(guide)
    catalog.get("small wrinkles").string = "چین‌های کوچک"
    write_catalog(guide, catalog)
    after = [f for f in run_checks(settings, today=dt.date(2026, 12, 5)).findings if f.code in {"C106", "C107"}]
    assert {f.code for f in before} == {"C105", "C106"} and {f.code for f in after} == {"C107"}
    assert_report(FIXTURES.parent / "catalog_checks", before + after)


def test_each_block_is_one_sentence_or_more_when_readability_is_scored() -> None:
    """A heading or list item without a full stop gets one, so a list is not read as one long sentence;
    a block that already ends a sentence keeps its own mark."""
    from doclocale.checks.readability import hardest_sentences, prose_blocks

    blocks = prose_blocks(["Vitamin X", "Is it safe?", "What to bring:", "Rest well.", "", "Wash it off!"])
    assert blocks == ["Vitamin X.", "Is it safe?", "What to bring:", "Rest well.", "Wash it off!"]
    # marks and line breaks are not words: emphasis does not move the full stop, code is read
    marked = prose_blocks(["Rest *well*.", "Run `make build`, then\nrest.", "See [the guide](a.md)."])
    assert marked == ["Rest well.", "Run make build, then rest.", "See the guide."]
    # sentences of five words or more are the ones named; a page with none names its shorter ones
    five = "Come back in one week."
    assert hardest_sentences(["Rest well.", five, "Go home now."]) == [five]
    assert hardest_sentences(["Rest well.", "Go home."]) == ["Rest well.", "Go home."]


def test_an_edited_msgctxt_names_every_msgctxt_the_english_has() -> None:
    """The English may have the same text with and without a msgctxt; the message names both, in one order."""
    from babel.messages.catalog import Catalog

    from doclocale.checks.completeness import check_changed_contexts

    template, catalog = Catalog(), Catalog(locale="fa")
    template.add("Rest", context="aftercare")
    template.add("Rest")
    catalog.add("Rest", "استراحت", context="aftercare care", lineno=7)
    [finding] = check_changed_contexts("fa.po", catalog, template)
    assert finding.code == "C105" and str(finding.location) == "fa.po:7"
    assert "the English has no msgctxt or msgctxt 'aftercare';" in finding.message


def test_a_complete_page_of_one_entry_nobody_checked_names_the_command_to_record_a_check() -> None:
    from babel.messages.catalog import Catalog

    from doclocale.checks.completeness import check_translation_review

    entry = Entry("Rest", "استراحت", Location("fa.po", 8), "fa")
    [finding] = check_translation_review("fa.po", "guides/rest", Catalog(locale="fa"), [entry])
    assert finding.code == "C106"
    assert finding.hint.endswith('doclocale review-translation fa guides/rest --by "NAME"')


def test_consistency_read_in_batches_finds_what_it_finds_at_once() -> None:
    """The check gives a language's entries a batch of pages at a time; the findings and their
    order do not depend on where the batches end."""
    entries = [
        Entry(msgid, msgstr, Location(f"{page}.po", line), "fa")
        for page, line, msgid, msgstr in [
            ("a", 3, "Red skin", "پوست قرمز"),
            ("a", 5, "Swelling", "تورم"),
            ("b", 3, "Swelling", "ورم"),
            ("b", 7, "Red skin", "قرمزی پوست"),
            ("c", 2, "Puffiness", "تورم"),
            ("c", 4, "Red skin", "پوست سرخ"),
        ]
    ]
    whole = [f.format() for f in check_consistency(entries)]
    assert [f.split(": ")[1].split()[0] for f in whole] == ["K601", "K601", "K601", "K602"]
    for end in range(len(entries) + 1):
        consistency = Consistency()
        consistency.add(entries[:end])
        consistency.add(entries[end:])
        assert [f.format() for f in consistency.findings()] == whole
