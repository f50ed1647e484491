"""Lighthouse (mobile profile) on the four pages patients open most, served as a static host serves them.

    .venv/bin/python scripts/lighthouse.py [runs]      # or: make lighthouse

Serves site/ from a plain HTTP server with gzip (what every static host does), runs Lighthouse
13 in Debian's Chromium ``runs`` times per page (default 3) and prints the median score of each
category and the median total blocking time. Lighthouse is installed on first use into
.cache/lighthouse/ (npm), not into the project's test tools. Needs a built site (make build).
"""

from __future__ import annotations

import gzip
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
TOOL = ROOT / ".cache" / "lighthouse"
VERSION = "13.5.0"
PAGES = ["", "fa/", "guides/microneedling/", "fa/guides/microneedling/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
COMPRESSED = {".html", ".css", ".js", ".svg", ".json", ".xml"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files; text compressed with gzip when the browser asks for it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(SITE), **kwargs)

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix in COMPRESSED and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
            data = gzip.compress(path.read_bytes(), mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            return _Body(data)
        return super().send_head()


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *_args) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def lighthouse() -> Path:
    binary = TOOL / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        TOOL.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(TOOL), f"lighthouse@{VERSION}"],
            check=True,
        )
    return binary


def run(binary: Path, url: str) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        subprocess.run(
            [str(binary), url, "--quiet", "--output=json", f"--output-path={report}",
             "--chrome-flags=--headless=new --no-sandbox"],
            check=True,
            env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
        )  # fmt: skip
        data = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES}
    scores["tbt"] = data["audits"]["total-blocking-time"]["numericValue"]
    return scores


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    if not (SITE / "index.html").exists():
        print("no site/: run make build first", file=sys.stderr)
        return 1
    binary = lighthouse()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), GzipHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    print(f"Lighthouse {VERSION}, mobile, median of {runs} runs, gzip static server")
    print(f"{'page':30} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5} {'TBT ms':>7}")
    for page in PAGES:
        results = [run(binary, base + page) for _ in range(runs)]
        median = {key: statistics.median(r[key] for r in results) for key in [*CATEGORIES, "tbt"]}
        print(
            f"/{page:29} {median['performance']:>5.0f} {median['accessibility']:>5.0f} "
            f"{median['best-practices']:>5.0f} {median['seo']:>5.0f} {median['tbt']:>7.0f}"
        )
    server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
