"""A guide page carries its own section's navigation, whatever the size of the library."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from synthetic_corpus import make_corpus  # noqa: E402

GUIDE = "site/guides/s000/g00000/index.html"


def build_library(folder: Path, guides: int) -> Path:
    root = make_corpus(folder / f"library-{guides}", guides)
    env = {**os.environ, "DOCLOCALE_HANDOUTS": "false"}  # pages only: the handouts have their own tests
    subprocess.run([sys.executable, "-m", "doclocale", "build"], cwd=root, env=env, check=True, capture_output=True)
    return root


def nav_links(page: Path) -> list[str]:
    tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
    return [a.attrs["href"] for a in tree.css(".md-sidebar--primary a.md-nav__link[href]")]


def test_a_guide_page_weighs_the_same_in_a_library_five_times_larger(tmp_path: Path) -> None:
    small, large = build_library(tmp_path, 60), build_library(tmp_path, 300)
    for language in ("", "fa/"):
        page = GUIDE.replace("site/", f"site/{language}")
        sizes = [(root / page).stat().st_size for root in (small, large)]
        assert abs(sizes[1] - sizes[0]) / sizes[0] < 0.02, (language, sizes)
    links = nav_links(large / GUIDE)
    assert len([href for href in links if href.startswith("../g000")]) == 49 and "./" in links  # its section's
    assert not any("s00" in href for href in links), links  # nothing of the other sections
    assert "../" in links and "../../" in links  # its section's index, and the library's, which lists the sections
    index = nav_links(large / "site/guides/index.html")
    assert sum(href.startswith("s00") for href in index) <= 1 and not any("g00" in href for href in index), index
