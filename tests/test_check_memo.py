"""`make check` keeps the findings of unchanged pages and catalogs, and checks again whatever changed."""

from __future__ import annotations

import pytest

import doclocale.checks.catalog_checks as catalog_checks
import doclocale.checks.runner as runner
from doclocale.catalogs.merge import read_catalog, write_catalog
from doclocale.catalogs.templates import read_sources
from doclocale.translating.generation import generate_all


@pytest.fixture
def calls(monkeypatch) -> dict[str, list[str]]:
    """What each costly check was run on."""
    seen: dict[str, list[str]] = {"parity": [], "readability": [], "entry": []}
    parity, readability, entry = runner.check_page_parity, runner.check_english_readability, catalog_checks.check_entry

    def check_page_parity(source, generated, path):
        seen["parity"].append(path)
        return parity(source, generated, path)

    def check_english_readability(source):
        seen["readability"].append(source.path)
        return readability(source)

    def check_entry(item, glossary):
        seen["entry"].append(item.location.path)
        return entry(item, glossary)

    monkeypatch.setattr(runner, "check_page_parity", check_page_parity)
    monkeypatch.setattr(runner, "check_english_readability", check_english_readability)
    monkeypatch.setattr(catalog_checks, "check_entry", check_entry)
    return seen


def formatted(report) -> list[str]:
    return sorted(finding.format() for finding in report.findings)


def edit_translation(settings, msgid: str, change) -> None:
    path = settings.catalog_path("fa", "guides/microneedling")
    catalog = read_catalog(path)
    message = next(m for m in catalog if m.id == msgid)
    message.string = change(message.string)
    write_catalog(path, catalog)


def test_unchanged_inputs_are_not_checked_again(settings, calls) -> None:
    generate_all(settings)
    first = runner.run_checks(settings)
    assert len(calls["parity"]) >= 4 and len(calls["readability"]) >= 4 and len(calls["entry"]) > 50
    for seen in calls.values():
        seen.clear()
    assert formatted(runner.run_checks(settings)) == formatted(first)
    assert calls == {"parity": [], "readability": [], "entry": []}


def test_an_edited_catalog_is_checked_again_and_its_findings_follow_it(settings, calls) -> None:
    generate_all(settings)
    clean = runner.run_checks(settings)
    for seen in calls.values():
        seen.clear()
    edit_translation(settings, "Key points", lambda text: f"{text} 12")  # a number the English does not have
    changed = runner.run_checks(settings)
    assert set(calls["entry"]) == {"locale/fa/LC_MESSAGES/guides/microneedling.po"}
    assert calls["parity"] == ["docs/fa/guides/microneedling.md"]
    assert calls["readability"] == []
    added = set(formatted(changed)) - set(formatted(clean))
    assert any("N40" in line and "microneedling.po" in line for line in added), added

    edit_translation(settings, "Key points", lambda text: text.removesuffix(" 12"))
    assert formatted(runner.run_checks(settings)) == formatted(clean), "the finding leaves with the number"


def test_a_glossary_edit_checks_every_entry_again(settings, calls) -> None:
    clean = runner.run_checks(settings)
    every = len(calls["entry"])
    calls["entry"].clear()
    glossary = settings.locale_dir / "fa" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(text + "# reviewed in December\n", encoding="utf-8")
    runner.run_checks(settings)
    assert calls["entry"] == [], "a comment changes no term: nothing to check again"
    glossary.write_text(text.replace("  collagen: کلاژن", "  collagen: کلاژن‌ها"), encoding="utf-8")
    changed = runner.run_checks(settings)
    assert len(calls["entry"]) == every, "a new term is looked for in every entry"
    added = set(formatted(changed)) - set(formatted(clean))
    assert added and all("کلاژن‌ها" in line for line in added), added


def test_a_damaged_memo_means_a_full_check(settings, calls) -> None:
    first = runner.run_checks(settings)
    for stored in settings.cache_dir("checks").glob("*"):
        stored.write_bytes(b"\x80\x05not a pickle")
    calls["parity"].clear()
    assert formatted(runner.run_checks(settings)) == formatted(first)
    assert len(calls["parity"]) >= 4


def test_checks_run_in_a_pool_find_the_same(settings, monkeypatch, pools) -> None:
    import shutil

    import doclocale.checks.memo as memo

    edit_translation(settings, "Key points", lambda text: f"{text} 12")
    started = pools
    monkeypatch.setattr(memo, "PARALLEL_FROM", 2)
    monkeypatch.setenv("DOCLOCALE_WORKERS", "1")
    alone = runner.run_checks(settings)
    assert started == []
    shutil.rmtree(settings.cache_dir("checks"))
    monkeypatch.setenv("DOCLOCALE_WORKERS", "2")
    shared = runner.run_checks(settings)
    assert started == [2]
    assert [f.format() for f in shared.findings] == [f.format() for f in alone.findings], "same findings, same order"
    assert any(f.code.startswith("N40") for f in shared.findings)


def test_a_release_builds_catalog_checks_leave_the_page_checks_kept(settings, calls) -> None:
    """check, then a release build's catalog checks (some of the checks), then check: nothing again."""
    generate_all(settings)
    runner.run_checks(settings)
    runner.check_catalogs(settings, read_sources(settings))
    for seen in calls.values():
        seen.clear()
    runner.run_checks(settings)
    assert calls == {"parity": [], "readability": [], "entry": []}


class Inputs:
    """Something a check reads, as a key sees it."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"Inputs({self.text!r})"


def test_a_job_is_keyed_by_its_inputs_and_does_not_hold_them() -> None:
    """The inputs of every job (entries, page texts) held until the checks ran took 50 MB at
    10,000 guides: a job keeps its key, not what it was made from."""
    import gc
    import weakref

    from doclocale.checks.memo import CheckJob

    inputs = Inputs("a")
    gone = weakref.ref(inputs)
    job = CheckJob((inputs,), catalog_checks.check_entries, ([], None))
    assert job.key == CheckJob((Inputs("a"),), catalog_checks.check_entries, ([], None)).key
    assert job.key != CheckJob((Inputs("b"),), catalog_checks.check_entries, ([], None)).key
    assert job.key != CheckJob((Inputs("a"),), runner.check_english_readability, ([], None)).key
    del inputs
    gc.collect()
    assert gone() is None
