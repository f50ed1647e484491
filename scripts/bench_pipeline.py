"""Pipeline benchmark: each stage at N = 100, 1000 guides (median of 3, peak memory).

    .venv/bin/python scripts/bench_pipeline.py [--runs 3] [--stages build,sharded] [--handouts] [N ...]     (default: 100 1000)

Stages run as separate processes on a synthetic project (scripts/synthetic_corpus.py):
  update-0  extract + merge every catalog with nothing cached (no parsed pages, no update stamp)
  update    the same when nothing changed since the last update (answered from its stamp)
  generate  render every Persian page from scratch (no reuse)
  ungated   the same with the publishing gate switched off (generate - ungated = the gate's cost)
  one-po    regenerate after editing one catalog (incremental)
  build     python -m doclocale build: MkDocs + Material + static-i18n + our plugin + search index
  plain     plain `mkdocs build` of the same generated pages, without our plugin or theme overrides
  check     python -m doclocale check --no-site (catalog and translation QA), nothing changed since the last check
  check-after   the same right after `make build` (build --check-ahead, untimed) with no finding kept from an earlier check
  build+check   a build, then the first check after it (nothing kept from an earlier check)
  ahead+check   the same with `build --check-ahead` (as `make build`): the check reuses what the build checked ahead
  links     built-site checks (links, anchors, parity, foreign loads)
  ci        what CI runs on a fresh clone, nothing cached but the handouts' PDFs and QR codes (CI's cache restores
            them; there are none without --handouts): build (checking ahead), update --check, check (site checks included)
  sharded   the build as two shards (en, fa) in two processes at once, then their merge (README, "Sharded builds")
  shard-en, shard-fa, merge   each of those on its own (one CI job each: the longest shard + merge is the wall time)
"What the pipeline adds" = update-0 + generate + check + links + (build - plain) (each stage on
its own, as after an edit) and, for CI, ci - plain; the target is <= 0.25 of the plain build at
N = 1000, and time per page within 20 % from N = 100 to 1000.
Pages are built without the PDF handouts (DOCLOCALE_HANDOUTS=false) unless --handouts is given: then the first
build, which renders every handout, is timed once (a rebuild renders only the changed ones). The corpus is
in sections of 50 (scripts/synthetic_corpus.py); the HTML bytes of one fixed guide page
(guides/s000/g00000/) show whether a page grows with the library.
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
from synthetic_corpus import make_corpus  # noqa: E402

PY = sys.executable
#: The issue's targets at N = 1,000 (BENCHMARKS.md): a stage's median over the plain build's, at most this.
TARGETS = {"build": 1.15, "check-after": 0.15, "ci": 1.5}
TARGET_NAMES = {
    "build": "warm build (nothing changed)",
    "check-after": "check after a build",
    "ci": "cold pipeline (CI from nothing)",
}
STAGES = {
    "update-0": [
        PY,
        "-c",
        f"import shutil, subprocess; shutil.rmtree('.cache', ignore_errors=True); subprocess.run(['{PY}', '-m', 'doclocale', 'update'], check=True)",
    ],
    "update": [PY, "-m", "doclocale", "update"],
    "generate": [
        PY,
        "-c",
        "import shutil, pathlib; shutil.rmtree('docs/fa', ignore_errors=True); from doclocale.settings import load_settings; from doclocale.translating.generation import generate_all; generate_all(load_settings(pathlib.Path('mkdocs.yml')))",
    ],
    # The same, with the publishing gate's rendering and comparison switched off: the difference is its cost.
    "ungated": [
        PY,
        "-c",
        "import shutil, pathlib; shutil.rmtree('docs/fa', ignore_errors=True); import doclocale.translating.gate_pool as g; from doclocale.translating.gate import GatedPage; from doclocale.translating.substitute import render_page; g.gate_page = lambda source, messages, render, **kw: GatedPage(render_page(source, messages, **kw), ()); from doclocale.settings import load_settings; from doclocale.translating.generation import generate_all; generate_all(load_settings(pathlib.Path('mkdocs.yml')))",
    ],
    "one-po": [
        PY,
        "-c",
        "import pathlib; from doclocale.catalogs.merge import read_catalog, write_catalog; from doclocale.settings import load_settings; from doclocale.translating.generation import generate_all; s = load_settings(pathlib.Path('mkdocs.yml')); p = s.catalog_path('fa', 'guides/s000/g00000'); c = read_catalog(p); m = next(m for m in c if m.id); m.string = m.string + ' '; write_catalog(p, c); b = generate_all(s)[0]; print(f'rendered={b.rendered} changed={len(b.changed)}')",
    ],
    "build": [PY, "-m", "doclocale", "build"],
    "plain": [PY, "-m", "mkdocs", "build", "-q", "-f", "mkdocs-plain.yml", "-d", "site-plain"],
    "check": [PY, "-m", "doclocale", "check", "--no-site"],
    "check-after": [PY, "-m", "doclocale", "check", "--no-site"],
    # A build then a check, nothing kept from an earlier check: without and with the check ahead.
    "build+check": [
        "sh",
        "-c",
        f"rm -rf .cache/checks && {PY} -m doclocale build && {PY} -m doclocale check --no-site",
    ],
    "ahead+check": [
        "sh",
        "-c",
        f"rm -rf .cache/checks && {PY} -m doclocale build --check-ahead && {PY} -m doclocale check --no-site",
    ],
    "links": [
        PY,
        "-c",
        "import pathlib; from doclocale.settings import load_settings; from doclocale.checks.links import check_site; print(len(check_site(load_settings(pathlib.Path('mkdocs.yml')))))",
    ],
    # What CI does on a fresh clone, nothing cached: build (update, generate, MkDocs), update --check, every check.
    "ci": [
        "sh",
        "-c",
        "find .cache -mindepth 1 -maxdepth 1 ! -name handouts ! -name qr -exec rm -rf {} + ; rm -rf docs/fa site"
        f" && {PY} -m doclocale build --check-ahead && {PY} -m doclocale update --check && {PY} -m doclocale check",
    ],
    "sharded": [
        "sh",
        "-c",
        f"{PY} -m doclocale shard en & e=$!; {PY} -m doclocale shard fa; f=$?; wait $e && [ $f = 0 ] && {PY} -m doclocale merge shards/en shards/fa",
    ],
    "shard-en": [PY, "-m", "doclocale", "shard", "en"],
    "shard-fa": [PY, "-m", "doclocale", "shard", "fa"],
    "merge": [PY, "-m", "doclocale", "merge", "shards/en", "shards/fa"],
}


#: Run, untimed, before each timed run of a stage.
PREPARE = {"check-after": ["sh", "-c", f"rm -rf .cache/checks && {PY} -m doclocale build --check-ahead"]}


def plain_config(root: Path) -> None:
    """mkdocs.yml without our plugin and overrides: what MkDocs alone does with the same pages."""
    lines, skip = [], False
    for line in (root / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("  - doclocale:"):
            skip = True
            continue
        if skip and line.startswith("      "):
            continue
        skip = False
        if line.strip().startswith("custom_dir:"):
            line = line.split("custom_dir:")[0] + "custom_dir: plain-overrides"
        if line.strip().startswith("strict:"):
            continue
        lines.append(line)
    (root / "mkdocs-plain.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # Pages that name a template of ours get Material's page template instead.
    (root / "plain-overrides").mkdir(exist_ok=True)
    (root / "plain-overrides" / "search.html").write_text('{% extends "main.html" %}\n', encoding="utf-8")


def environment(handouts: bool) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DOCLOCALE_HANDOUTS": str(handouts).lower()}


def run(stage: str, root: Path, handouts: bool = False) -> tuple[float, float, str]:
    with tempfile.TemporaryFile("w+") as log:
        started = time.perf_counter()
        process = subprocess.Popen(
            STAGES[stage],
            cwd=root,
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
            env=environment(handouts),
        )
        _, status, usage = os.wait4(process.pid, 0)  # wait4: this child's own peak memory
        elapsed = time.perf_counter() - started
        log.seek(0)
        out = log.read()
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{stage} failed:\n{out[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024, out.strip().splitlines()[-1] if out.strip() else ""


GUIDE_PAGE = "guides/s000/g00000/index.html"


def main() -> int:
    args = sys.argv[1:]
    runs = 3
    if args[:1] == ["--runs"]:
        runs, args = int(args[1]), args[2:]
    stages = list(STAGES)
    if args[:1] == ["--stages"]:
        stages, args = args[1].split(","), args[2:]
    handouts = args[:1] == ["--handouts"]
    args = args[1:] if handouts else args
    if any(a in ("-h", "--help") for a in args) or not all(a.isdigit() for a in args):
        print(__doc__)
        return 0 if any(a in ("-h", "--help") for a in args) else 2
    unknown = set(stages) - set(STAGES)
    if unknown:
        print(f"unknown stages: {', '.join(sorted(unknown))} (stages: {', '.join(STAGES)})")
        return 2
    sizes = [int(a) for a in args] or [100, 1000]
    results: dict[int, dict[str, tuple[float, float]]] = {}
    weights: dict[int, tuple[int, int]] = {}
    for count in sizes:
        with tempfile.TemporaryDirectory() as folder:
            root = make_corpus(Path(folder) / "project", count)
            plain_config(root)
            run("update", root)  # the corpus's catalogs as Babel writes them
            first, _, _ = run("build", root, handouts)  # warm up: generated pages exist, caches are hot
            if handouts:
                print(f"N={count:<5} first build, every handout rendered: {first:.2f} s", flush=True)
            results[count] = {}
            for stage in stages:
                times, memory, note = [], 0.0, ""
                for _ in range(runs):
                    if stage in PREPARE:
                        subprocess.run(
                            PREPARE[stage], cwd=root, check=True, capture_output=True, env=environment(handouts)
                        )
                    elapsed, peak, note = run(stage, root, handouts)
                    times.append(elapsed)
                    memory = max(memory, peak)
                results[count][stage] = (statistics.median(times), memory)
                print(
                    f"N={count:<5} {stage:<9} {statistics.median(times):8.2f} s  peak {memory:7.0f} MB  {note[:60]}",
                    flush=True,
                )
            weights[count] = tuple((root / "site" / language / GUIDE_PAGE).stat().st_size for language in ("", "fa"))
            shutil.rmtree(root / "site-plain", ignore_errors=True)
    print_targets(results, handouts)
    if set(STAGES) - set(stages):
        return 0  # some stages only: their figures above are the result
    print()
    header = f"{'N':>5} " + " ".join(f"{stage:>9}" for stage in STAGES) + f" {'added':>8} {'ratio':>6}"
    print(header)
    for count, stages in results.items():
        t = {stage: value[0] for stage, value in stages.items()}
        added = t["update-0"] + t["generate"] + t["check"] + t["links"] + max(0.0, t["build"] - t["plain"])
        print(
            f"{count:>5} "
            + " ".join(f"{t[stage]:>8.2f}s" for stage in STAGES)
            + f" {added:>7.2f}s {added / t['plain']:>6.2f}"
        )
    for count, stages in results.items():
        ci = stages["ci"][0] - stages["plain"][0]
        print(f"N={count}: CI from nothing adds {ci:.2f} s to the plain build, ratio {ci / stages['plain'][0]:.2f}")
    for count, stages in results.items():
        gate = max(0.0, stages["generate"][0] - stages["ungated"][0])
        print(
            f"N={count}: the publishing gate (render + compare every page) costs {gate:.2f} s, {gate / stages['build'][0] * 100:.1f} % of the build (goal < 10 %)"
        )
    print(f"\nHTML of one guide page ({GUIDE_PAGE}), English / Persian:")
    for count, (english, persian) in weights.items():
        print(f"  N={count:<6} {english:8,d} B / {persian:8,d} B")
    first = min(results)
    for count in sorted(results):
        if count == first:
            continue
        print(f"\ntime per page, N={count} vs N={first} (linear if within 20 %):")
        for stage in STAGES:
            if stage == "one-po":
                continue
            small, large = results[first][stage][0] / first, results[count][stage][0] / count
            print(
                f"  {stage:<9} {small * 1000:7.1f} ms -> {large * 1000:7.1f} ms  ({(large / small - 1) * 100:+.0f} %)"
            )
    return 0


def print_targets(results: dict[int, dict[str, tuple[float, float]]], handouts: bool) -> None:
    """Each target of the issue on cost whose stages ran: the ratio to the plain build, met or missed."""
    for count, stages in results.items():
        if "plain" not in stages:
            continue
        plain = stages["plain"][0]
        lines = [
            f"  {TARGET_NAMES[stage]:<32} {stages[stage][0]:8.2f} s  {stages[stage][0] / plain:5.2f} x plain"
            f"  (goal <= {goal}): {'met' if stages[stage][0] / plain <= goal else 'MISSED'}"
            for stage, goal in TARGETS.items()
            if stage in stages
        ]
        if lines:
            print(
                f"\nTargets (set for N=1,000) at N={count}, handouts {'on' if handouts else 'off'}, plain `mkdocs build` {plain:.2f} s:",
                *lines,
                sep="\n",
            )


if __name__ == "__main__":
    sys.exit(main())
