"""The real site: `make build` vs a plain `mkdocs build` of the same generated pages (median of 5).

.venv/bin/python scripts/bench_build.py
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from bench_pipeline import plain_config  # noqa: E402


def timed(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return time.perf_counter() - started


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "project"
        for part in ("docs/en", "locale", "overrides", "mkdocs.yml"):
            source = ROOT / part
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / part)
        build = [sys.executable, "-m", "doclocale", "build"]  # what `make build` runs once .venv exists
        subprocess.run(build, cwd=root, check=True, capture_output=True)  # generated pages exist
        plain_config(root)
        ours = [timed(build, root) for _ in range(5)]
        plain = [
            timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs-plain.yml", "-d", "site-plain"], root)
            for _ in range(5)
        ]
    print(
        f"make build (doclocale build): median {statistics.median(ours):.2f} s  ({', '.join(f'{t:.2f}' for t in ours)})"
    )
    print(f"plain mkdocs build: median {statistics.median(plain):.2f} s  ({', '.join(f'{t:.2f}' for t in plain)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
