"""Translation QA speed on N fully translated synthetic guides (default 1000).

    .venv/bin/python scripts/bench_checks.py [N]

Prints messages checked per second and the total time (median of 3).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from synthetic_corpus import make_corpus  # noqa: E402

from doclocale.catalogs.templates import build_templates, read_sources  # noqa: E402
from doclocale.checks.runner import run_checks  # noqa: E402
from doclocale.reading.inline import parse_inline  # noqa: E402
from doclocale.settings import load_settings  # noqa: E402


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as folder:
        root = make_corpus(Path(folder) / "project", count, fuzzy=0.0)
        settings = load_settings(root / "mkdocs.yml")
        messages = sum(sum(1 for m in t if m.id) for t in build_templates(settings, read_sources(settings)).values())
        runs, report = [], None
        for _ in range(3):
            parse_inline.cache_clear()
            started = time.perf_counter()
            report = run_checks(settings)
            runs.append(time.perf_counter() - started)
        median = statistics.median(runs)
        print(
            f"{count} guides, {messages} messages x {len(settings.languages)} language(s): median of 3 {median:.2f} s "
            f"({', '.join(f'{r:.2f}' for r in runs)}), {messages / median:,.0f} messages/s; {report.summary()}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
