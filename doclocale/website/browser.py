"""A real browser for what readers see: Debian's Chromium driven by Playwright.

Used by the screenshot command, the page-weight script and the browser tests.
Never downloads a browser: it runs /usr/bin/chromium (or $CHROMIUM).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Flags that keep Chromium from calling home on a machine without internet.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        pass


@contextlib.contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a free localhost port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def launch_browser() -> Iterator:
    from playwright.sync_api import sync_playwright  # 0.1 s; only screenshots and the browser tests need it

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def site_pages(site: Path) -> list[str]:
    """URL paths of every page of the built site (404 page left out)."""
    return sorted(p.relative_to(site).as_posix()[: -len("index.html")] for p in site.rglob("index.html"))


def take_screenshots(site: Path, out: Path, pages: list[str] | None = None) -> list[Path]:
    """Full-page PNGs of ``pages`` (default: every page) at phone and desktop width."""
    written = []
    with serve_folder(site) as base, launch_browser() as browser:
        for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
            context = browser.new_context(viewport=viewport)
            page = context.new_page()
            for path in pages or site_pages(site):
                page.goto(base + path, wait_until="networkidle")
                target = out / f"{(path.strip('/') or 'home').replace('/', '_')}-{name}.png"
                target.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(target), full_page=True)
                written.append(target)
            context.close()
    return written
