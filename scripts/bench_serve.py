"""Live preview benchmark: how long after a translator saves a catalog the served page shows it.

    .venv/bin/python scripts/bench_serve.py [N] [--edits 3]     (default: N = 1000)

Builds a synthetic project of N guides (scripts/synthetic_corpus.py), starts `make serve`'s
command on it (`mkdocs serve --dirty`), then edits one guide's Persian catalog a few times. For
each edit it prints the time from the save to the served page carrying the new text (polling the
server every 50 ms) and the rebuild time the plugin reports. The first build is timed too.
"""

from __future__ import annotations

import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from synthetic_corpus import make_corpus  # noqa: E402

PAGE = "fa/guides/s000/g00000/"
CATALOG = "locale/fa/LC_MESSAGES/guides/s000/g00000.po"


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.read().decode("utf-8", errors="replace")
    except OSError:
        return ""


def main() -> int:
    args = sys.argv[1:]
    edits = 3
    if "--edits" in args:
        at = args.index("--edits")
        edits, args = int(args[at + 1]), args[:at] + args[at + 2 :]
    count = int(args[0]) if args else 1000
    with tempfile.TemporaryDirectory() as folder:
        root = make_corpus(Path(folder) / "project", count)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DOCLOCALE_HANDOUTS": "false"}
        subprocess.run(
            [sys.executable, "-m", "doclocale", "update"], cwd=root, env=env, check=True, capture_output=True
        )
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        log = Path(folder) / "serve.log"
        started = time.perf_counter()
        with log.open("w") as out:
            server = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
                cwd=root,
                env=env,
                stdout=out,
                stderr=out,
            )
        url = f"http://127.0.0.1:{port}/{PAGE}"
        try:
            while not fetch(url):
                if server.poll() is not None:
                    raise SystemExit(f"mkdocs serve stopped:\n{log.read_text()[-3000:]}")
                time.sleep(0.2)
            print(f"N={count}: first build served after {time.perf_counter() - started:.1f} s", flush=True)
            catalog = root / CATALOG
            latencies = []
            for edit in range(edits):
                time.sleep(2)  # let the watcher settle (the generator's own writes trigger one more rebuild)
                marker = f"ویرایش{edit}"
                text = catalog.read_text(encoding="utf-8")
                first = re.search(r'\nmsgstr "([^"]+)"', text)
                assert first, "no translated entry"
                catalog.write_text(text[: first.start(1)] + marker + " " + text[first.start(1) :], encoding="utf-8")
                saved = time.perf_counter()
                while marker not in fetch(url):
                    if time.perf_counter() - saved > 120:
                        raise SystemExit(f"the edit was not served in 120 s:\n{log.read_text()[-3000:]}")
                    time.sleep(0.05)
                latencies.append(time.perf_counter() - saved)
                print(f"N={count}: edit {edit + 1}: saved -> served in {latencies[-1]:.2f} s", flush=True)
        finally:
            server.terminate()
            server.wait(timeout=30)
        reported = [float(s) for s in re.findall(r"changed pages rebuilt in ([\d.]+) s", log.read_text())]
        print(
            f"N={count}: saved -> served, median of {edits}: {statistics.median(latencies):.2f} s "
            f"(goal < 1 s); rebuilds reported by the plugin: {', '.join(f'{r:.2f} s' for r in reported)}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
