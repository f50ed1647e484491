"""`check --online`: links to other sites asked over real HTTP (a local server), answers cached for a week."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from doclocale.checks.online import CACHE_DAYS, check_online, fetch_status
from doclocale.model import Severity

# path -> (status of HEAD, status of GET)
ANSWERS = {
    "/ok": (200, 200),
    "/head-not-allowed": (405, 200),
    "/head-forbidden": (403, 404),
    "/head-not-implemented": (501, 204),
    "/gone": (404, 200),
    "/server-error": (500, 500),
    "/moved": (301, 301),
}


class Handler(BaseHTTPRequestHandler):
    def answer(self, which: int) -> None:
        if self.path == "/slow":
            time.sleep(1.0)
        status = ANSWERS.get(self.path, (200, 200))[which]
        if self.path == "/python-refused" and self.headers.get("User-Agent") != "clinic-guides-link-check":
            status = 403  # sites that refuse Python's default User-Agent (Python-urllib/3.x)
        self.send_response(status)
        if status == 301:
            self.send_header("Location", "/ok")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self) -> None:  # noqa: N802 (the standard library's name)
        self.answer(0)

    def do_GET(self) -> None:  # noqa: N802
        self.answer(1)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/ok", 200),
        ("/head-not-allowed", 200),  # a site that refuses HEAD is asked with GET
        ("/head-forbidden", 404),
        ("/head-not-implemented", 204),
        ("/gone", 404),  # HEAD's own error is the answer: no second request
        ("/server-error", 500),
        ("/moved", 200),  # redirects are followed
        ("/python-refused", 200),  # the check names itself
    ],
)
def test_the_status_a_site_answers(server: str, path: str, status: int) -> None:
    assert fetch_status(server + path) == status


def test_a_host_that_does_not_answer_is_unreachable(server: str) -> None:
    assert fetch_status("http://127.0.0.1:9/") == 0  # nothing listens on the discard port
    assert fetch_status(server + "/slow", timeout=0.2) == 0


def test_dead_links_are_reported_per_page_with_what_to_do(tmp_path: Path) -> None:
    answers = {"https://ok.example/": 200, "https://moved.example/": 399, "https://gone.example/": 404}
    answers |= {"https://no.example/": 400, "https://new.example/": 199}
    links = [("site/fa/index.html", url) for url in [*answers, "https://down.example/"]]
    cache = tmp_path / "new" / "folder" / "links.json"
    findings = list(check_online(links, cache, lambda url: answers.get(url, 0), now=1000.0))
    assert [(f.code, f.severity, f.location.path, f.location.line, f.message, f.hint) for f in findings] == [
        (
            "L913",
            Severity.ERROR,
            "site/fa/index.html",
            0,
            f"link to https://{name} {reason}",
            "fix or remove the link in the English page",
        )
        for name, reason in [
            ("gone.example/", "answers HTTP 404"),
            ("no.example/", "answers HTTP 400"),
            ("new.example/", "answers HTTP 199"),
            ("down.example/", "cannot be reached"),
        ]
    ]
    saved = json.loads(cache.read_text(encoding="utf-8"))
    assert saved["https://gone.example/"] == {"checked": 1000.0, "status": 404}
    assert cache.read_text(encoding="utf-8").startswith('{\n "https://down.example/": {\n  "checked": 1000.0,')


def test_answers_are_kept_for_a_week(tmp_path: Path) -> None:
    calls: list[str] = []

    def fetch(url: str) -> int:
        calls.append(url)
        return 404

    links = [("site/index.html", "https://gone.example/")]
    cache = tmp_path / "links.json"
    week = CACHE_DAYS * 86400
    assert len(list(check_online(links, cache, fetch, now=1000.0))) == 1
    assert len(list(check_online(links, cache, fetch, now=1000.0 + week))) == 1, "the cached answer is reported"
    assert len(calls) == 1, "an answer exactly a week old is still used"
    list(check_online(links, cache, fetch, now=1001.0 + week))
    assert len(calls) == 2, "an answer older than a week is asked again"


def test_a_damaged_cache_is_asked_again(tmp_path: Path) -> None:
    cache = tmp_path / "links.json"
    cache.write_text("{not json", encoding="utf-8")
    findings = list(check_online([("site/index.html", "https://ok.example/")], cache, lambda url: 200))
    assert findings == []
    assert json.loads(cache.read_text(encoding="utf-8"))["https://ok.example/"]["status"] == 200
    assert json.loads(cache.read_text(encoding="utf-8"))["https://ok.example/"]["checked"] > 1e9, "stamped now"
