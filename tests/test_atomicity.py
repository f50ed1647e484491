"""A failed or killed run leaves the previous docs/fa/ and site/ whole."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from doclocale.cli import main
from doclocale.translating.substitute import GENERATED_NOTE, write_pages
from doclocale.util.atomic import write_bytes_atomic, write_files_atomic


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_an_exception_while_writing_leaves_the_folder_as_it_was(tmp_path: Path) -> None:
    folder = tmp_path / "fa"
    write_pages(folder, {"index.md": "# قبلی\n"})
    before = snapshot(folder)
    with pytest.raises(OSError):
        write_pages(folder, {"index.md": "# جدید\n", "page": "a file", "page/child.md": "cannot exist beside a file"})
    assert snapshot(folder) == before
    assert [p.name for p in tmp_path.iterdir()] == ["fa"], "a staging folder was left behind"


def test_pages_are_replaced_exactly_and_an_unchanged_file_is_left_alone(tmp_path: Path) -> None:
    """docs/fa/ holds exactly the pages given; a page whose text did not change keeps its file and
    time (mkdocs serve rebuilds what changed), and a run with nothing new writes nothing."""
    folder = tmp_path / "fa"
    assert write_pages(folder, {"a.md": "A", "b/c.md": "C"}) == ["a.md", "b/c.md"]
    os.utime(folder / "a.md", ns=(10**9, 10**9))
    assert write_pages(folder, {"a.md": "A", "b/c.md": "C"}) == []
    assert write_pages(folder, {"a.md": "A", "d/e/f.md": "F"}) == ["b/c.md", "d/e/f.md"]
    assert snapshot(folder) == {".gitignore": GENERATED_NOTE.encode(), "a.md": b"A", "d/e/f.md": b"F"}
    assert (folder / "a.md").stat().st_mtime_ns == 10**9
    assert write_pages(folder, {"a.md": "X", "d/e/f.md": "F"}) == ["a.md"]  # same size, other bytes


def test_a_save_that_changes_one_page_renames_it_into_the_folder_it_was_in(tmp_path: Path, monkeypatch) -> None:
    """A live preview's save: the changed page and the record after it are renamed over their
    files, in the order given; the folder and every other file stay. A failure before the
    renames leaves every file as it was."""
    folder = tmp_path / "fa"
    write_pages(folder, {"a.md": "A", "b/c.md": "C", "record.json": "1"})
    kept = folder.stat().st_ino, (folder / "a.md").stat().st_ino
    renamed: list[str] = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda old, new: renamed.append(Path(new).name) or real_replace(old, new))
    assert write_pages(folder, {"a.md": "A", "b/c.md": "C2", "record.json": "2"}) == ["b/c.md", "record.json"]
    assert renamed == ["c.md", "record.json"]
    assert (folder.stat().st_ino, (folder / "a.md").stat().st_ino) == kept
    assert snapshot(folder) == {
        ".gitignore": GENERATED_NOTE.encode(),
        "a.md": b"A",
        "b/c.md": b"C2",
        "record.json": b"2",
    }

    before = snapshot(folder)
    monkeypatch.setattr(os, "fsync", lambda descriptor: (_ for _ in ()).throw(OSError(28, "No space left on device")))
    with pytest.raises(OSError):
        write_pages(folder, {"a.md": "A", "b/c.md": "C3", "record.json": "3"})
    assert snapshot(folder) == before and sorted(p.name for p in (folder / "b").iterdir()) == ["c.md"]


def test_writing_pages_holds_one_page_at_a_time_not_the_whole_folder(tmp_path: Path) -> None:
    """At 10,000 guides docs/fa/ is 350 MB: its pages are compared and written one by one, never
    held all at once in memory as bytes (new or on disk)."""
    import tracemalloc

    folder = tmp_path / "fa"
    pages = {f"g{n:03}.md": f"صفحهٔ {n}\n" + "متن " * 25_000 for n in range(40)}  # 40 pages of 200 KB
    write_pages(folder, pages)
    pages = {name: text + "." for name, text in pages.items()}  # every page changed: compared, then written
    tracemalloc.start()
    try:
        assert len(write_pages(folder, pages)) == 40
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 3 * 200_000 * 2, f"{peak:,} bytes held while writing 40 pages of 200 KB"


def test_a_build_killed_mid_run_leaves_the_previous_site(project: Path) -> None:
    assert main(["--config", str(project / "mkdocs.yml"), "build"]) == 0
    site_before, pages_before = snapshot(project / "site"), snapshot(project / "docs/fa")
    page = project / "docs/en/about.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("We write these guides", "We wrote these guides"), encoding="utf-8"
    )

    process = subprocess.Popen(
        [sys.executable, "-m", "doclocale", "build"], cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    staging = None
    while time.monotonic() < deadline and process.poll() is None:
        staging = next((p for p in project.glob(".site.new-*") if (p / "index.html").exists()), None)
        if staging:
            break
        time.sleep(0.005)
    assert staging is not None, "the build finished before it could be interrupted"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()

    assert snapshot(project / "site") == site_before
    pages_now = snapshot(project / "docs/fa")
    assert pages_now == pages_before or "We wrote these guides" in pages_now["about.md"].decode(), (
        "docs/fa is half-written"
    )
    # The next run cleans up and succeeds.
    assert main(["--config", str(project / "mkdocs.yml"), "build"]) == 0
    assert not list(project.glob(".site.*")), "stale staging folders were not removed"


def test_a_running_build_keeps_its_staging_folder_and_a_dead_one_loses_it(tmp_path: Path) -> None:
    from doclocale.util.atomic import staging_dir

    target = tmp_path / "site"
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        alive = tmp_path / f".site.new-{sleeper.pid}-abcd"
        alive.mkdir()
        finished = subprocess.run(
            [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
        )
        dead = tmp_path / f".site.new-{finished.stdout.strip()}-efgh"
        dead.mkdir()
        mine = staging_dir(target)
        assert alive.exists(), "the staging folder of a build still running was deleted"
        assert not dead.exists(), "a staging folder of a process that is gone was kept"
        assert str(os.getpid()) in mine.name
    finally:
        sleeper.kill()


def test_a_file_written_whole_keeps_the_permissions_others_read_it_with(tmp_path: Path) -> None:
    """A catalog rewritten by ``make update`` or a page of site/ stays readable by the web server
    and the translation platform (a temporary file starts as 0600)."""
    old = tmp_path / "kept.po"
    old.write_text("x")
    old.chmod(0o664)
    write_bytes_atomic(old, b"y")
    new = tmp_path / "new.po"
    write_bytes_atomic(new, b"y")
    together = tmp_path / "docs" / "page.md"
    write_files_atomic([(together, b"z")])
    assert stat.S_IMODE(old.stat().st_mode) == 0o664
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(new.stat().st_mode) == stat.S_IMODE(together.stat().st_mode) == 0o666 & ~umask
