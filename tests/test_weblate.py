"""Weblate's component discovery, as .weblate/component-discovery.json sets it up, finds every
catalog of the repository (the site's own strings too), each with its template and its language,
and nothing else. (That translate-toolkit, Weblate's PO library, saves every catalog byte for
byte is tests/test_gettext_interop.py's.)"""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = json.loads((ROOT / ".weblate" / "component-discovery.json").read_text(encoding="utf-8"))


def discovered(root: Path) -> dict[str, tuple[str, str]]:
    """path -> (component, language), as Weblate matches the pattern against each file's path."""
    pattern = re.compile(SETTINGS["match"])
    found = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        match = pattern.fullmatch(relative)
        if match and path.is_file() and re.match(SETTINGS["language_regex"], match["language"]):
            found[relative] = (match["component"], match["language"])
    return found


def test_every_catalog_is_a_component_with_its_template_and_language() -> None:
    catalogs = {p.relative_to(ROOT).as_posix() for p in (ROOT / "locale").glob("*/LC_MESSAGES/**/*.po")}
    found = discovered(ROOT)
    assert set(found) == catalogs and "locale/fa/LC_MESSAGES/_site.po" in found
    for path, (component, language) in found.items():
        template = SETTINGS["base_file_template"].replace("{{ component }}", component)
        assert (ROOT / template).is_file(), (path, template)
        assert path == f"locale/{language}/LC_MESSAGES/{component}.po"
        assert language == "fa"


def test_a_pattern_that_missed_the_site_strings_would_be_caught(tmp_path: Path) -> None:
    (tmp_path / "locale/fa/LC_MESSAGES/guides").mkdir(parents=True)
    (tmp_path / "locale/fa/LC_MESSAGES/guides/a.po").write_text("")
    (tmp_path / "locale/fa/LC_MESSAGES/_site.po").write_text("")
    (tmp_path / "locale/fa/glossary.yml").write_text("")
    assert discovered(tmp_path) == {
        "locale/fa/LC_MESSAGES/_site.po": ("_site", "fa"),
        "locale/fa/LC_MESSAGES/guides/a.po": ("guides/a", "fa"),
    }
