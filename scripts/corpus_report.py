"""Run the transform oracle over the real-page corpus (tests/corpus/) and print a verdict per page.

.venv/bin/python scripts/corpus_report.py [-v]
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from doclocale.oracle import judge  # noqa: E402
from doclocale.rendering import load_renderer  # noqa: E402


def main() -> int:
    verbose = "-v" in sys.argv
    render = load_renderer(ROOT / "mkdocs.yml")
    pages = sorted((ROOT / "tests" / "corpus").rglob("*.md"))
    pages = [p for p in pages if p.name != "SOURCES.md"]
    outcomes: Counter = Counter()
    started = time.perf_counter()
    for path in pages:
        name = path.relative_to(ROOT / "tests" / "corpus").as_posix()
        try:
            verdict = judge(name, path.read_text(encoding="utf-8"), render)
        except Exception as error:  # the report must show crashes, not stop at the first
            outcomes["crashed"] += 1
            print(f"CRASHED {name}: {type(error).__name__}: {error}")
            continue
        outcomes[verdict.outcome] += 1
        print(f"{verdict.outcome:8} {name} ({verdict.messages} messages)")
        if verbose or verdict.outcome != "passed":
            for problem in verdict.problems[:6]:
                print(f"    {problem[:300]}")
    elapsed = time.perf_counter() - started
    print(
        f"\n{len(pages)} pages in {elapsed:.1f} s: "
        + ", ".join(f"{count} {outcome}" for outcome, count in sorted(outcomes.items()))
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
