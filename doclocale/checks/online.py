"""Optional: are links to other sites reachable? (``check --online``; CI stays offline.)

Results are cached in .cache/external-links.json for a week, each request has a
timeout, and a site that refuses HEAD gets a GET.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from doclocale.model import Finding, Location, Severity

CACHE_DAYS = 7
TIMEOUT = 8.0


def fetch_status(url: str, timeout: float = TIMEOUT) -> int:
    """HTTP status of ``url`` (0 when the host cannot be reached)."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": "clinic-guides-link-check"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return error.code
        except (urllib.error.URLError, TimeoutError, OSError):
            return 0
    return 0


def check_online(
    links: Iterable[tuple[str, str]],
    cache_file: Path,
    fetch: Callable[[str], int] = fetch_status,
    now: float | None = None,
) -> Iterator[Finding]:
    """One finding per (page, URL) whose URL does not answer with a success."""
    now = now or time.time()
    try:
        cache = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cache = {}
    for page, url in links:
        entry = cache.get(url)
        if not entry or now - entry["checked"] > CACHE_DAYS * 86400:
            entry = cache[url] = {"status": fetch(url), "checked": now}
        status = entry["status"]
        if not 200 <= status < 400:
            reason = "cannot be reached" if status == 0 else f"answers HTTP {status}"
            yield Finding(
                Location(page),
                "L913",
                Severity.ERROR,
                f"link to {url} {reason}",
                "fix or remove the link in the English page",
            )
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    cache_file.write_text(json.dumps(cache, indent=1, sort_keys=True), encoding="utf-8")
