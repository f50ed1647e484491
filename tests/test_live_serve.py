"""`make serve`: saving a catalog shows the new translation in the served page, rebuilding
only the page that changed."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import copy_project

MAKEFILE = (Path(__file__).resolve().parent.parent / "Makefile").read_text(encoding="utf-8")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return answer.read().decode("utf-8", errors="replace")
    except OSError:
        return None


def navigation(html: str) -> list[str]:
    from selectolax.lexbor import LexborHTMLParser

    nav = LexborHTMLParser(html).css_first("nav.md-nav--primary")
    return [" ".join(link.text().split()) for link in nav.css("a")] if nav else []


def without_reload(html: str) -> str:
    """The page without the script the server adds to it, which names the build it served."""
    return re.sub(r"<script>\s*var livereload.*?</script>", "", html, flags=re.S)


def wait_for(condition, what: str, log: Path, seconds: float = 120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.3)
    pytest.fail(f"{what} within {seconds} s; server log:\n{log.read_text()[-3000:]}")


@pytest.fixture
def served(tmp_path: Path):
    """The project served as `make serve` serves it (the same mkdocs command line)."""
    command = re.search(r"^serve:.*\n\t\$\(VENV\)/bin/(mkdocs serve[^\n]*)", MAKEFILE, re.M).group(1).split()
    project = copy_project(tmp_path / "project")
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", *command, "-a", f"127.0.0.1:{port}"], cwd=project, stdout=out, stderr=out
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: fetch(f"{base}/fa/guides/microneedling/"), "the first build is served", log)
        yield project, base, log
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_saving_a_catalog_shows_the_translation_after_rebuilding_that_page_only(served) -> None:
    project, base, log = served
    catalog = project / "locale/fa/LC_MESSAGES/guides/microneedling.po"
    text = catalog.read_text(encoding="utf-8")
    old = "نکته‌های اصلی"
    assert f'msgstr "{old}"' in text
    first = fetch(f"{base}/fa/guides/microneedling/")
    assert old in first
    catalog.write_text(text.replace(f'msgstr "{old}"', 'msgstr "نکته‌های بسیار مهم"'), encoding="utf-8")

    page = wait_for(
        lambda: (page := fetch(f"{base}/fa/guides/microneedling/")) and "نکته‌های بسیار مهم" in page and page,
        "the new translation is served",
        log,
    )
    assert old not in page
    # The pages around it were not read again, yet the navigation names them as the first build did,
    # and the rest of the page (language switch, addresses, links) is the first build's, word for word.
    assert navigation(page) == navigation(first) and any("درباره" in title for title in navigation(page))
    assert without_reload(page).replace("نکته‌های بسیار مهم", old) == without_reload(first)
    time.sleep(2)  # neither the Persian page the rebuild wrote nor the files it read start a rebuild
    rebuilt = re.findall(r"live preview: (\d+) changed pages rebuilt in ([\d.]+) s", log.read_text())
    assert [count for count, _ in rebuilt] == ["1"], log.read_text()[-3000:]  # the Persian guide, once
    assert "Aborted" not in log.read_text() and "Traceback" not in log.read_text()
    # What the rebuild leaves as the first build made it: the other pages, the search index, the handouts.
    assert fetch(f"{base}/fa/") and fetch(f"{base}/pagefind/pagefind-entry.json")
    assert fetch(f"{base}/fa/guides/microneedling/microneedling-fa.pdf") is not None


def test_saving_an_english_page_shows_it_in_both_languages(served) -> None:
    """The editors' folder is still watched once the generated one is not."""
    project, base, log = served
    page = project / "docs/en/about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA sentence an editor just added.\n", encoding="utf-8")
    wait_for(
        lambda: "A sentence an editor just added." in (fetch(f"{base}/about/") or ""), "the English edit is served", log
    )
    wait_for(
        lambda: "A sentence an editor just added." in (fetch(f"{base}/fa/about/") or ""),
        "the new English sentence is shown on the Persian page until it is translated",
        log,
    )


def test_the_server_hears_a_save_from_the_system_and_keeps_every_watch(tmp_path: Path) -> None:
    """MkDocs' own watcher looks every 0.5 s; the live preview's is told of a save at once, and
    still watches what MkDocs watched, apart from the generated language folder."""
    from mkdocs.livereload import LiveReloadServer
    from watchdog.observers.polling import PollingObserver

    from doclocale.website.live import LiveServe

    docs = tmp_path / "docs"
    for folder in ("en", "fa", "assets"):
        (docs / folder).mkdir(parents=True)
    (tmp_path / "locale").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=free_port(), root=str(tmp_path / "site"))
    for path in (docs, tmp_path / "mkdocs.yml", tmp_path / "locale"):
        server.watch(str(path))
    LiveServe().watch_sources(server, docs, ("fa",))

    assert not isinstance(server.observer, PollingObserver)
    assert sorted(Path(path).relative_to(tmp_path).as_posix() for path in server._watched_paths) == [
        "docs/assets",
        "docs/en",
        "locale",
        "mkdocs.yml",
    ]
