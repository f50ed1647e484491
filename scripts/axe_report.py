"""axe-core results for every page, both languages, phone and desktop width.

    .venv/bin/python scripts/axe_report.py        (run `make build` and `npm ci` first)

Persian pages are checked twice: as they are, and with Persian letters replaced
by Latin ones for the colour-contrast rule (axe skips joined Arabic-script text).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from doclocale.website.browser import DESKTOP, PHONE, launch_browser, serve_folder, site_pages  # noqa: E402

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
LATINISE = """() => { const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = w.nextNode(); n; n = w.nextNode()) n.nodeValue = n.nodeValue.replace(/[\\u0600-\\u06FF\\u200C]/g, "x"); }"""


def main() -> int:
    site = ROOT / "site"
    worst = 0
    with serve_folder(site) as base, launch_browser() as browser:
        for path in site_pages(site):
            for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
                page = browser.new_context(viewport=viewport).new_page()
                page.goto(base + path, wait_until="networkidle")
                page.add_script_tag(path=str(AXE))
                result = page.evaluate("async () => await axe.run(document)")
                impacts = Counter(v["impact"] for v in result["violations"])
                contrast = ""
                if path.startswith("fa/"):
                    page.evaluate(LATINISE)
                    latin = page.evaluate("async () => await axe.run(document, {runOnly: ['color-contrast']})")
                    contrast = f", contrast on latinised copy: {len(latin['violations'])} violations"
                worst += impacts["serious"] + impacts["critical"]
                summary = ", ".join(f"{k} {v}" for k, v in sorted(impacts.items())) or "none"
                ids = ", ".join(sorted({v["id"] for v in result["violations"]}))
                print(
                    f"/{path:<28} {name:<8} passes {len(result['passes']):>3}, violations: {summary}{(' (' + ids + ')') if ids else ''}{contrast}"
                )
                page.context.close()
    print(f"serious or critical violations: {worst}")
    return 1 if worst else 0


if __name__ == "__main__":
    sys.exit(main())
