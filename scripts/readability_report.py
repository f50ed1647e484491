"""Readability of every English page: Flesch-Kincaid grade and SMOG (targets: <= 7 and <= 8).

.venv/bin/python scripts/readability_report.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from doclocale.catalogs.templates import read_sources  # noqa: E402
from doclocale.checks.readability import MAX_GRADE, MAX_SMOG, PROSE, prose_blocks, score_english  # noqa: E402
from doclocale.settings import load_settings  # noqa: E402

settings = load_settings(ROOT / "mkdocs.yml")
print(f"{'page':<28} {'FK grade':>8} {'SMOG':>6}  (targets <= {MAX_GRADE:g} and <= {MAX_SMOG:g})")
for page, source in read_sources(settings).items():
    blocks = prose_blocks(s.text for s in source.segments if s.kind in PROSE)
    if len(blocks) < 3:
        print(f"{page:<28} {'(too short to score)':>16}")
        continue
    scores = score_english(blocks)
    print(f"{page:<28} {scores.grade:>8.1f} {scores.smog:>6.1f}")
