"""`make check` after a build reuses the build's gate verdicts and the findings it checked ahead, and
reports exactly what a full check reports."""

from __future__ import annotations

import shutil
from pathlib import Path

import doclocale.checks.memo as memo
import doclocale.checks.runner as runner
from doclocale.catalogs.merge import read_catalog, write_catalog
from doclocale.cli import main
from doclocale.settings import load_settings
from doclocale.translating.generation import generate_all
from doclocale.translating.renderer import load_renderer
from doclocale.website.check_ahead import PID_FILE, CheckAhead, wait_for_check_ahead


def counting_renderer(monkeypatch) -> list[str]:
    rendered: list[str] = []

    def load(path):
        real = load_renderer(path)

        def render(markdown: str) -> str:
            rendered.append(markdown)
            return real(markdown)

        return render

    monkeypatch.setattr(runner, "load_renderer", load)
    return rendered


def test_a_check_after_the_build_renders_only_what_changed(settings, monkeypatch) -> None:
    catalog_path = settings.catalog_path("fa", "guides/microneedling")
    catalog = read_catalog(catalog_path)
    message = next(m for m in catalog if m.id == "Key points")
    message.string = f"{message.string} <b>"  # markup the English does not have: refused by the gate
    write_catalog(catalog_path, catalog)
    generate_all(settings)
    rendered = counting_renderer(monkeypatch)

    reused = runner.run_checks(settings)
    assert rendered == [], "a page whose inputs did not change was rendered again"

    shutil.rmtree(settings.output_dir("fa"))
    every = runner.run_checks(settings)
    assert len(rendered) >= 2 * 3, "without a previous build, every page is rendered (English and Persian)"
    assert [f.format() for f in sorted(reused.findings)] == [f.format() for f in sorted(every.findings)]
    assert [f.code for f in reused.findings if "translation refused" in f.message] == ["S300"]

    generate_all(settings)
    rendered.clear()
    about = settings.catalog_path("fa", "about")
    about.write_bytes(about.read_bytes() + b"\n")
    runner.run_checks(settings)
    assert len(rendered) == 2, "only the page whose catalog changed is rendered (its English and its Persian)"


def computed_jobs(monkeypatch) -> list[int]:
    """How many costly check jobs were computed, call by call (a check calls once per batch of
    pages, and once for the site's catalog; the others came from the store)."""
    counts: list[int] = []
    real = memo.map_in_pool

    def counting(function, initial, items, parallel_from):
        counts.append(len(items))
        return real(function, initial, items, parallel_from)

    monkeypatch.setattr(memo, "map_in_pool", counting)
    return counts


def test_a_build_that_checks_ahead_leaves_the_check_nothing_to_compute(project, monkeypatch) -> None:
    monkeypatch.setenv("DOCLOCALE_HANDOUTS", "false")
    config = ["--config", str(project / "mkdocs.yml")]
    computed = computed_jobs(monkeypatch)
    assert main([*config, "build", "--check-ahead"]) == 0
    assert main([*config, "check", "--no-site"]) in (0, 1)
    assert sum(computed) == 0, "the check computed findings the build's check had computed"
    assert not (project / ".cache/checks" / PID_FILE).exists()

    (project / ".cache/checks/answer.pickle").unlink()  # the findings one by one, from the memo
    computed.clear()
    assert main([*config, "check", "--no-site"]) in (0, 1)
    assert computed and sum(computed) == 0

    shutil.rmtree(project / ".cache/checks")  # the same without checking ahead: everything is computed
    computed.clear()
    assert main([*config, "build"]) == 0
    assert main([*config, "check", "--no-site"]) in (0, 1)
    assert sum(computed) > 0


def test_a_build_that_checks_ahead_answers_the_update_check(project, monkeypatch, capsys) -> None:
    """CI runs `update --check` right after the build: the build's second process has already
    compared every catalog with the English, so the answer comes from the stamp, the same answer."""
    import doclocale.catalogs.update as update

    monkeypatch.setenv("DOCLOCALE_HANDOUTS", "false")
    config = ["--config", str(project / "mkdocs.yml")]
    page = project / "docs/en/about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA sentence no catalog has yet.\n", encoding="utf-8")
    reads: list[int] = []
    real = update.each_source
    monkeypatch.setattr(update, "each_source", lambda settings, pages: reads.append(1) or real(settings, pages))
    assert main([*config, "build", "--check-ahead"]) == 0
    capsys.readouterr()
    assert main([*config, "update", "--check"]) == 1
    answered = capsys.readouterr().out
    assert reads == [], "the update check read the English pages the build's check had read"
    assert "locale/fa/LC_MESSAGES/about.po: out of date" in answered

    shutil.rmtree(project / ".cache/update")  # computed again, from nothing: the same answer
    assert main([*config, "update", "--check"]) == 1
    assert capsys.readouterr().out == answered
    assert reads == [1]


def test_a_check_after_a_build_that_checked_ahead_reads_no_page(project, monkeypatch, capsys) -> None:
    """The build's second process checked the pages and catalogs the build generated: the check
    after it hashes the files, finds them unchanged and gives that answer, word for word; any
    change of a file, or another day, is checked again."""
    import datetime as dt

    monkeypatch.setenv("DOCLOCALE_HANDOUTS", "false")
    config = ["--config", str(project / "mkdocs.yml")]
    reads: list[int] = []
    real = runner.read_pages
    monkeypatch.setattr(runner, "read_pages", lambda settings, pages: reads.append(1) or real(settings, pages))
    assert main([*config, "build", "--check-ahead"]) == 0
    capsys.readouterr()
    assert main([*config, "check", "--no-site"]) in (0, 1)
    answered = capsys.readouterr().out
    assert reads == [], "the check read the English pages the build's check had read"

    (project / ".cache/checks/answer.pickle").unlink()
    assert main([*config, "check", "--no-site"]) in (0, 1)
    assert capsys.readouterr().out == answered and reads == [1]

    settings = load_settings(project / "mkdocs.yml")
    page = settings.output_dir("fa") / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n## A heading the English does not have\n", encoding="utf-8")
    changed = runner.run_checks(settings)
    assert reads == [1, 1] and any(f.code.startswith("R80") for f in changed.findings)
    runner.run_checks(settings, today=dt.date.today() + dt.timedelta(days=1))
    assert reads == [1, 1, 1], "review dates are judged by the day: another day is checked again"


def test_a_failed_build_stops_the_check_it_started(project, monkeypatch) -> None:
    ahead = CheckAhead()
    ahead.start(project / "mkdocs.yml", project / ".cache/checks")
    pid = ahead.process.pid
    ahead.stop()
    assert not (project / ".cache/checks" / PID_FILE).exists()
    assert not Path(f"/proc/{pid}").exists()
    assert wait_for_check_ahead(project / ".cache/checks") == 0.0


def test_a_page_linked_into_the_english_folder_is_part_of_the_kept_answer(settings) -> None:
    """A page may be a symbolic link to a file inside docs/: adding one, or pointing it elsewhere,
    changes the key of the kept answer, so the check reports the page."""
    import datetime as dt

    today = dt.date(2026, 12, 6)
    shared = settings.docs_dir / "shared"
    shared.mkdir()
    (shared / "a.md").write_text("# Extra page\n\nSome English text nobody has translated yet.\n", encoding="utf-8")
    (shared / "b.md").write_text("# Another page\n\nOther English text, not translated either.\n", encoding="utf-8")
    before = runner.content_findings(settings, today)
    link = settings.source_dir / "guides" / "extra.md"
    link.symlink_to("../../shared/a.md")
    linked = runner.content_findings(settings, today)
    assert [f.format() for f in linked] == [f.format() for f in runner.computed_findings(settings, today)]
    assert len(linked) > len(before)
    link.unlink()
    link.symlink_to("../../shared/b.md")
    moved = runner.content_findings(settings, today)
    assert [f.format() for f in moved] == [f.format() for f in runner.computed_findings(settings, today)]
    assert [f.format() for f in moved] != [f.format() for f in linked]


def test_an_answer_computed_while_a_file_changed_is_not_kept(settings, monkeypatch) -> None:
    """The key is taken before the files are read: if one changes meanwhile, the answer belongs to
    neither state and is not kept."""
    import datetime as dt

    real = runner.computed_findings

    def editing(settings, today):
        found = real(settings, today)
        page = settings.source_dir / "about.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nEdited meanwhile.\n", encoding="utf-8")
        return found

    monkeypatch.setattr(runner, "computed_findings", editing)
    runner.content_findings(settings, dt.date(2026, 12, 6))
    assert not (settings.cache_dir("checks") / runner.ANSWER_FILE).exists()


def test_a_failed_build_stops_the_check_ahead_and_its_workers(tmp_path, monkeypatch) -> None:
    """A worker whose check was stopped would otherwise wait for work for ever (its parent gone)."""
    import os
    import time

    from doclocale.website import check_ahead

    pids = tmp_path / "pids"
    monkeypatch.setenv("POOL_PIDS", str(pids))
    monkeypatch.setattr(check_ahead, "AHEAD_MODULE", "tests.pool_that_waits")
    ahead = check_ahead.CheckAhead()
    ahead.start(tmp_path / "mkdocs.yml", tmp_path / "checks")
    started = time.monotonic()
    while len(pids.read_text().split() if pids.exists() else []) < 2 and time.monotonic() - started < 30:
        time.sleep(0.1)
    workers = [int(pid) for pid in pids.read_text().split()]
    ahead.stop()

    def alive(pid: int) -> bool:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return False
        return state != "Z"

    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in workers if alive(pid)]
    for pid in left:
        os.kill(pid, 9)
    assert left == [], "the check's workers outlived it"
