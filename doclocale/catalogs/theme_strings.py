"""The theme's own interface strings (Material's ``partials/languages/en.html``).

They go into the site catalog with Material's key as msgctxt, so translators
own them like every other string, and the pseudo-locale proves nothing is
left untranslated.
"""

from __future__ import annotations

import re
from pathlib import Path

import material
from jinja2 import Environment, FileSystemLoader

#: Keys of features this site does not use (blog, cookie consent, RSS, versions,
#: source links); left out so translators see only strings readers can meet.
UNUSED_PREFIXES = (
    "blog.",
    "consent.",
    "rss.",
    "source",
    "readtime.",
    "select.version",
    "action.edit",
    "action.view",
    "announce.",
    "meta.",
    "language",
    "direction",
    "search.config",
)
_KEY = re.compile(r'^\s*"([\w.-]+)":', re.M)


def material_templates() -> Path:
    return Path(material.__file__).parent / "templates"


THEME_FILE = "material/templates/partials/languages/{language}.html"


def read_theme_strings(language: str = "en") -> dict[str, tuple[str, int]]:
    """Key -> (text, line in Material's language file) of the interface strings."""
    folder = material_templates()
    source = (folder / "partials" / "languages" / f"{language}.html").read_text(encoding="utf-8")
    module = (
        Environment(loader=FileSystemLoader(str(folder))).get_template(f"partials/languages/{language}.html").module
    )
    found: dict[str, tuple[str, int]] = {}
    for match in _KEY.finditer(source):
        key = match.group(1)
        text = str(module.t(key))  # type: ignore[attr-defined]  # the t() macro of the language file
        if not key.startswith(UNUSED_PREFIXES) and text:
            found[key] = (text, source.count("\n", 0, match.start()) + 1)
    return found
