"""A large library's build runs MkDocs in a process of its own and writes the search index once
that process has ended (its memory given back): the same site, byte for byte, and the same answer
when the build fails."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import doclocale.website.build as build
import doclocale.website.plugin as plugin
from doclocale.errors import BuildFailed
from doclocale.settings import load_settings

from .conftest import copy_project


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def build_project(project: Path, monkeypatch, apart: bool) -> None:
    monkeypatch.setattr(build, "SEARCH_APART_FROM", 1 if apart else 10**9)
    build.build_site(load_settings(project / "mkdocs.yml"))


def test_a_build_apart_gives_the_same_site_and_indexes_it_in_this_process(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    monkeypatch.setenv("DOCLOCALE_HANDOUTS", "false")
    seen = tmp_path / "processes"  # a child's lists are its own: it writes what it did to a file
    finish, index = plugin.finish_site, build.write_search_index

    def finishing(*args, **options):
        with seen.open("a") as out:
            out.write(f"finish {os.getpid()} {options['search_store'] is not None}\n")
        return finish(*args, **options)

    def indexing(site, store=None):
        with seen.open("a") as out:
            out.write(f"index {os.getpid()}\n")
        return index(site, store)

    monkeypatch.setattr(plugin, "finish_site", finishing)
    monkeypatch.setattr(build, "write_search_index", indexing)
    build_project(copy_project(tmp_path / "one"), monkeypatch, apart=False)
    assert seen.read_text().splitlines() == [f"finish {os.getpid()} True"]
    seen.unlink()
    build_project(copy_project(tmp_path / "two"), monkeypatch, apart=True)
    finished, indexed = seen.read_text().splitlines()
    assert finished.startswith("finish ") and finished != f"finish {os.getpid()} False" and finished.endswith("False")
    assert indexed == f"index {os.getpid()}", "the search index is written by the command, after MkDocs' process"

    one, two = snapshot(tmp_path / "one/site"), snapshot(tmp_path / "two/site")
    assert one.keys() == two.keys() and "pagefind/pagefind-entry.json" in two
    assert [name for name in one if one[name] != two[name]] == []


def test_a_build_apart_that_fails_says_what_the_build_says_and_keeps_the_site(project: Path, monkeypatch) -> None:
    page = project / "docs/en/about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[a page that is not there](missing.md)\n", encoding="utf-8")
    answers = []
    for apart in (False, True):
        with pytest.raises(BuildFailed) as raised:
            build_project(project, monkeypatch, apart)
        answers.append(raised.value.format())
        assert not (project / "site").exists(), "no half-written site"
        assert [p.name for p in project.iterdir() if "site" in p.name] == [], "a staging folder was left behind"
    assert answers[0] == answers[1] and "missing.md" in answers[1]


def _stuck_worker(pids) -> None:
    with open(pids, "a") as out:
        out.write(f"{os.getpid()}\n")
    import time

    time.sleep(60)


def test_a_builder_killed_while_its_workers_run_is_a_failed_build_not_a_hang(project: Path, monkeypatch) -> None:
    """The builder's own worker processes keep the answer's pipe open when it is killed (the
    system's out-of-memory killer, say): the command sees its end and fails, keeping the site."""
    import signal
    import time
    from concurrent.futures import ProcessPoolExecutor

    pids = project / "workers"

    def killed(*args, **options):
        pool = ProcessPoolExecutor(2)
        pool.submit(_stuck_worker, pids)
        pool.submit(_stuck_worker, pids)
        time.sleep(1)
        os.kill(os.getpid(), signal.SIGKILL)

    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("the previous site", encoding="utf-8")
    monkeypatch.setattr(build, "run_mkdocs", killed)
    monkeypatch.setattr(build, "SEARCH_APART_FROM", 1)
    started = time.monotonic()
    try:
        with pytest.raises(BuildFailed) as raised:
            build.build_site(load_settings(project / "mkdocs.yml"))
    finally:
        for pid in pids.read_text().split() if pids.exists() else []:
            try:
                os.kill(int(pid), signal.SIGKILL)
            except ProcessLookupError:
                pass
    assert time.monotonic() - started < 30
    assert "stopped without finishing (exit code -9)" in raised.value.format()
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "the previous site"
    assert [p.name for p in project.iterdir() if "site" in p.name] == ["site"]


def test_a_large_librarys_check_ahead_works_in_one_process(project: Path, monkeypatch) -> None:
    """Beside MkDocs' own process, the check ahead's two workers would each hold their own memory
    for the one core MkDocs leaves (at 10,000 guides the build's processes then passed 1 GB):
    a large library's build gives it one process, a small one every core."""
    from doclocale.website.check_ahead import CheckAhead

    monkeypatch.setenv("DOCLOCALE_HANDOUTS", "false")
    seen = project / "workers"  # written by MkDocs' process, which may be a child

    def starting(self, config_file, cache, workers=0):
        with seen.open("a") as out:
            out.write(f"{workers}\n")

    real = CheckAhead.start
    monkeypatch.setattr(CheckAhead, "start", starting)
    for apart in (False, True):
        monkeypatch.setattr(build, "SEARCH_APART_FROM", 1 if apart else 10**9)
        build.build_site(load_settings(project / "mkdocs.yml"), check_ahead=True)
    assert seen.read_text().split() == ["0", "1"]

    ahead = CheckAhead()
    real(ahead, project / "mkdocs.yml", project / ".cache/checks", 1)
    try:
        environment = Path(f"/proc/{ahead.process.pid}/environ").read_bytes().split(b"\0")
    finally:
        ahead.stop()
    assert b"DOCLOCALE_WORKERS=1" in environment


def test_translated_pages_are_generated_while_mkdocs_renders_the_english(project: Path, monkeypatch) -> None:
    """``doclocale build`` generates docs/fa/ in a second process while MkDocs renders the English
    pages, which do not read it; a release build generates first and stops before MkDocs renders."""
    import doclocale.website.page_generation as page_generation

    monkeypatch.setenv("DOCLOCALE_HANDOUTS", "false")
    events = project / "events"  # appended by both processes, in the order things happened
    generate, content = page_generation.generate_pages, plugin.DocLocalePlugin.on_page_content

    def generating(*args, **options):
        import time

        with events.open("a") as out:
            out.write(f"generating {os.getpid()}\n")
        time.sleep(2)  # long enough for MkDocs to render English pages meanwhile
        generated = generate(*args, **options)
        with events.open("a") as out:
            out.write("generated\n")
        return generated

    def rendering(self, html, page, config, files):
        with events.open("a") as out:
            out.write(f"rendered {self.language} {os.getpid()}\n")
        return content(self, html, page, config, files)

    monkeypatch.setattr(page_generation, "generate_pages", generating)
    monkeypatch.setattr(plugin.DocLocalePlugin, "on_page_content", rendering)
    for release in (False, True):
        events.unlink(missing_ok=True)
        try:
            build.build_site(load_settings(project / "mkdocs.yml"), release=release)
        except BuildFailed:
            assert release  # the bundled catalogs are not all a release's
        seen = events.read_text(encoding="utf-8").splitlines()
        pid = os.getpid()
        before = seen[: seen.index("generated")]
        if release:
            assert seen[0] == f"generating {pid}" and not any(line.startswith("rendered") for line in before)
        else:
            assert seen[0].startswith("generating ") and seen[0] != f"generating {pid}"
            assert f"rendered en {pid}" in before, "English pages are rendered while docs/fa/ is generated"
            assert all(line == f"rendered fa {pid}" for line in seen[seen.index("generated") :][1:])
            assert f"rendered fa {pid}" in seen


def test_a_generation_killed_is_a_failed_build_that_keeps_the_site_and_the_pages(project: Path, monkeypatch) -> None:
    import signal

    import doclocale.website.page_generation as page_generation

    monkeypatch.setenv("DOCLOCALE_HANDOUTS", "false")
    build.build_site(load_settings(project / "mkdocs.yml"))
    site = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    pages = {p: p.read_bytes() for p in (project / "docs/fa").rglob("*") if p.is_file()}
    (project / "locale/fa/LC_MESSAGES/about.po").write_text(
        (project / "locale/fa/LC_MESSAGES/about.po").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    monkeypatch.setattr(page_generation, "generate_pages", lambda *a, **o: os.kill(os.getpid(), signal.SIGKILL))
    with pytest.raises(BuildFailed) as raised:
        build.build_site(load_settings(project / "mkdocs.yml"))
    assert "generating the translated pages stopped without finishing (exit code -9)" in raised.value.format()
    assert {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()} == site
    assert {p: p.read_bytes() for p in (project / "docs/fa").rglob("*") if p.is_file()} == pages
    assert [p.name for p in project.iterdir() if "site" in p.name] == ["site"]


def test_a_build_that_stops_early_stops_the_generation_it_started(project: Path, monkeypatch) -> None:
    """MkDocs reports a ``SystemExit`` from a hook to no plugin; the generation started beside the English
    pass must not go on (and the command must not wait for it at exit)."""
    import time

    import doclocale.website.page_generation as page_generation

    monkeypatch.setenv("DOCLOCALE_HANDOUTS", "false")
    pids = project / "generating"

    def slow(*args, **options):
        pids.write_text(str(os.getpid()), encoding="utf-8")
        time.sleep(60)

    def stop(self, html, page, config, files):
        while not pids.exists():
            time.sleep(0.05)
        raise SystemExit(3)

    monkeypatch.setattr(page_generation, "generate_pages", slow)
    monkeypatch.setattr(plugin.DocLocalePlugin, "on_page_content", stop)
    started = time.monotonic()
    with pytest.raises(BuildFailed):
        build.build_site(load_settings(project / "mkdocs.yml"))
    assert time.monotonic() - started < 30
    child = int(pids.read_text(encoding="utf-8"))
    assert not Path(f"/proc/{child}").exists(), "the generating process outlived the build"


def test_an_answer_nobody_reads_ends_the_child() -> None:
    """The parent gone (its end of the pipe closed), a child whose answer is larger than the pipe holds
    ends with an error instead of waiting for ever to send it."""
    import time

    from doclocale.util.apart import Apart

    child = Apart(bytes, 1_000_000)
    child._receiving.close()  # what the parent's death does to its end of the pipe
    deadline = time.monotonic() + 20
    while child._child.exitcode is None and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        assert child._child.exitcode not in (None, 0)
    finally:
        child.stop()
