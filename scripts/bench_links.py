"""Link-check speed on a synthetic site of N guides x 2 languages (target: >= 500 pages/s).

.venv/bin/python scripts/bench_links.py [N]      (default N = 1000; builds the site first)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from synthetic_corpus import make_corpus  # noqa: E402

from doclocale.checks.links import check_site, read_site  # noqa: E402
from doclocale.settings import load_settings  # noqa: E402
from doclocale.website.build import build_site  # noqa: E402


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as folder:
        root = make_corpus(Path(folder) / "site-project", count)
        settings = load_settings(root / "mkdocs.yml")
        os.environ["DOCLOCALE_HANDOUTS"] = "false"  # the pages and their links; handouts are measured apart
        started = time.perf_counter()
        build_site(settings)
        print(f"built {count} guides x 2 languages in {time.perf_counter() - started:.1f} s")
        runs, pages, findings = [], 0, []
        for _ in range(3):
            started = time.perf_counter()
            model = read_site(settings)
            findings = check_site(settings, model)
            runs.append(time.perf_counter() - started)
            pages = len(model.pages)
        median = statistics.median(runs)
        print(
            f"link check: {pages} pages, median of 3 {median:.2f} s ({', '.join(f'{r:.2f}' for r in runs)}), "
            f"{pages / median:.0f} pages/s, {len(findings)} findings"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
