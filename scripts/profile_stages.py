"""Where the time goes: cProfile of a warm build, a check after a build and a cold update.

    .venv/bin/python scripts/profile_stages.py [N] [--top 15] [--keep DIR]       (default: N = 1000)

On a synthetic library of N guides (scripts/synthetic_corpus.py), with handouts off as
scripts/bench_pipeline.py builds: one build first (not profiled), then, each in its own process
under cProfile,
  warm build      python -m doclocale build, nothing changed since the build before
  check           python -m doclocale check, right after that build
  cold update     python -m doclocale update with .cache/ removed
and, for scale, the plain `mkdocs build` of the same pages (timed, not profiled). For each, the
wall time and the top entries by own time ("tottime") and by cumulative time are printed, with
paths shortened to the package or library they belong to.
"""

from __future__ import annotations

import argparse
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from bench_pipeline import plain_config  # noqa: E402
from synthetic_corpus import make_corpus  # noqa: E402

PY = sys.executable
PROFILED = {
    "warm build": ["-m", "doclocale", "build"],
    "check after a build": ["-m", "doclocale", "check"],
    "cold update": ["-m", "doclocale", "update"],
}


def short(path: str) -> str:
    for marker in ("site-packages/", "/doclocale/", "/lib/python3"):
        if marker in path:
            return path.split(marker, 1)[1] if marker != "/doclocale/" else "doclocale/" + path.split(marker, 1)[1]
    return path


def top(profile: Path, key: str, count: int) -> list[str]:
    stats = pstats.Stats(str(profile))
    rows = []
    for (file, line, name), (_, calls, own, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append((own if key == "tottime" else cumulative, own, cumulative, calls, f"{short(file)}:{line}({name})"))
    rows.sort(reverse=True)
    return [f"| {own:7.2f} | {cum:7.2f} | {calls:8d} | `{where}` |" for _, own, cum, calls, where in rows[:count]]


def run(root: Path, args: list[str], env: dict) -> float:
    started = time.perf_counter()
    subprocess.run([PY, *args], cwd=root, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=1000)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--keep", type=Path, help="keep the project and the .prof files in this folder")
    options = parser.parse_args()
    folder = options.keep or Path(tempfile.mkdtemp(prefix="profile-"))
    env = {**os.environ, "DOCLOCALE_HANDOUTS": "false", "SOURCE_DATE_EPOCH": "1"}
    try:
        root = make_corpus(folder / "project", options.count)
        plain_config(root)
        run(root, ["-m", "doclocale", "update"], env)
        run(root, ["-m", "doclocale", "build"], env)  # the build before: the next one is warm
        plain = run(root, ["-m", "mkdocs", "build", "-q", "-f", "mkdocs-plain.yml", "-d", "site-plain"], env)
        print(f"# {options.count} guides, handouts off; plain `mkdocs build` of the same pages: {plain:.2f} s\n")
        for stage, args in PROFILED.items():
            if stage == "cold update":
                shutil.rmtree(root / ".cache", ignore_errors=True)
            profile = folder / f"{stage.replace(' ', '-')}.prof"
            wall = run(root, ["-m", "cProfile", "-o", str(profile), *args], env)
            print(f"## {stage}: {wall:.2f} s under the profiler\n")
            for key, title in (("tottime", "own time"), ("cumulative", "cumulative time")):
                print(f"Top {options.top} by {title}:\n")
                print("| own s | cumulative s | calls | function |\n|---|---|---|---|")
                print("\n".join(top(profile, key, options.top)) + "\n")
    finally:
        if options.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
