"""Run the transform oracle over the real-page corpus (tests/corpus/) and print a verdict per page,
then time the extraction alone: per page, and per KB for the smaller and the larger half of the pages
(linear if the two are close).

.venv/bin/python scripts/corpus_report.py [-v]
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from doclocale.testing.oracle import judge  # noqa: E402
from doclocale.translating.renderer import load_renderer  # noqa: E402


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
    if not pages:
        print(f"no pages in {ROOT / 'tests' / 'corpus'}", file=sys.stderr)
        return 2
    print_extraction_timing(pages)
    return 0


def print_extraction_timing(pages: list[Path]) -> None:
    from doclocale.errors import PipelineError
    from doclocale.reading.page_parser import parse_page

    timings = []
    for path in pages:
        text = path.read_text(encoding="utf-8")
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            try:
                parse_page(path.name, text)
            except PipelineError:
                pass
            best = min(best, time.perf_counter() - started)
        timings.append((len(text.encode("utf-8")) / 1024, best))
    timings.sort()
    half = len(timings) // 2
    small, large = timings[:half], timings[half:]

    def per_kb(rows: list[tuple[float, float]]) -> float:
        return sum(t for _, t in rows) / sum(kb for kb, _ in rows) * 1000

    total = sum(t for _, t in timings)
    size = sum(kb for kb, _ in timings)
    print(f"extraction: {total * 1000:.0f} ms for {size:.0f} KB ({total / len(timings) * 1000:.1f} ms per page)")
    print(f"  smaller half ({small[0][0]:.1f}-{small[-1][0]:.1f} KB): {per_kb(small):.2f} ms/KB")
    print(f"  larger half ({large[0][0]:.1f}-{large[-1][0]:.1f} KB): {per_kb(large):.2f} ms/KB")


if __name__ == "__main__":
    sys.exit(main())
