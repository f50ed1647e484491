"""First visit of a page in Chromium: bytes (raw and gzip), requests, failures, third parties.

    .venv/bin/python scripts/page_weight.py [fa/guides/microneedling/]

Builds nothing: run `make build` first. Prints one line per request and a summary.
Target (patients on slow connections): under 80 KB gzip including the font.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from doclocale.website.browser import PHONE, launch_browser, serve_folder  # noqa: E402


def measure(site: Path, path: str) -> dict:
    requests, failed = [], []
    with serve_folder(site) as base, launch_browser() as browser:
        context = browser.new_context(viewport=PHONE)
        page = context.new_page()
        page.on("requestfailed", lambda request: failed.append(request.url))
        page.on("requestfinished", lambda request: requests.append(request.url))
        response_status = {}
        page.on("response", lambda response: response_status.__setitem__(response.url, response.status))
        page.goto(base + path, wait_until="networkidle")
        host = urlsplit(base).netloc
    rows = []
    for url in requests:
        local = urlsplit(url)
        file = site / local.path.lstrip("/")
        if file.is_dir() or local.path.endswith("/"):
            file = file / "index.html"
        data = file.read_bytes() if file.is_file() else b""
        rows.append((url, response_status.get(url, 0), len(data), len(gzip.compress(data, 6))))
    third_party = [url for url in requests + failed if urlsplit(url).netloc != host]
    bad = [url for url, status, _, _ in rows if status >= 400] + failed
    return {"rows": rows, "failed": bad, "third_party": third_party}


def main(argv: list[str]) -> int:
    path = argv[0] if argv else "fa/guides/microneedling/"
    result = measure(ROOT / "site", path)
    for url, status, raw, packed in result["rows"]:
        print(f"{status:>4} {raw:>8,} B {packed:>8,} B gz  {urlsplit(url).path}")
    raw = sum(r[2] for r in result["rows"])
    packed = sum(r[3] for r in result["rows"])
    print(
        f"page /{path}: {len(result['rows'])} requests, {raw / 1024:.1f} KB raw, {packed / 1024:.1f} KB gzip, "
        f"{len(result['failed'])} failed, {len(result['third_party'])} third-party"
    )
    return 1 if result["failed"] or result["third_party"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
