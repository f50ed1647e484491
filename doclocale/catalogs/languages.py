"""Add a language: an entry in mkdocs.yml and a full set of catalogs. No code changes."""

from __future__ import annotations

import json
import re
from pathlib import Path

from babel import Locale, UnknownLocaleError

from doclocale.catalogs.update import update_catalogs
from doclocale.errors import SettingsError
from doclocale.model import Location
from doclocale.settings import Settings, load_settings
from doclocale.util.atomic import write_bytes_atomic

_CODE = re.compile(r"^[a-z]{2,3}$")


def language_entry(code: str, name: str | None, indent: str) -> str:
    """The YAML lines of one static-i18n language entry (pure)."""
    locale = Locale.parse(code)
    shown = json.dumps(name or locale.get_display_name(locale), ensure_ascii=False)  # quoted: any name is valid YAML
    lines = [f"{indent}- locale: {code}", f"{indent}  name: {shown}", f"{indent}  build: true"]
    if locale.text_direction == "rtl":
        lines += [f"{indent}  theme:", f"{indent}    direction: rtl"]
    return "\n".join(lines) + "\n"


def add_language_entry(text: str, code: str, name: str | None, path: str) -> str:
    """mkdocs.yml text with ``code`` appended to plugins.i18n.languages (comments kept)."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if re.match(r"^\s+languages:\s*$", line)), None)
    if start is None:
        raise SettingsError(
            Location(path), "no 'languages:' list under plugins.i18n", "add the static-i18n plugin first"
        )
    base = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    item_indent = None
    while end < len(lines):
        line = lines[end]
        depth = len(line) - len(line.lstrip())
        if line.strip() and depth <= base:
            break
        if item_indent is None and line.lstrip().startswith("- "):
            item_indent = line[:depth]
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    entry = language_entry(code, name, item_indent or " " * (base + 2))
    return "".join(lines[:end]) + entry + "".join(lines[end:])


def check_language(code: str, name: str | None, where: Location) -> None:
    """A code the site can serve at /<code>/ and Babel knows (CLDR); a one-line name."""
    if not _CODE.match(code) or code == "und":
        raise SettingsError(
            where,
            f"{code!r} is not a language code this site can use",
            "use a two- or three-letter ISO 639 code in lower case, such as de, ar or ckb (no region or script)",
        )
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError) as error:
        raise SettingsError(
            where, f"unknown language code {code!r}", "use a code CLDR knows, such as de, ar or fr"
        ) from error
    if name is not None and (not name.strip() or any(char in name for char in "\n\r\t") or len(name) > 60):
        raise SettingsError(
            where,
            "the language name must be one line of at most 60 characters",
            'give its own name, e.g. --name "Deutsch"',
        )


def add_language(settings: Settings, config_file: Path, code: str, name: str | None = None) -> list[str]:
    where = Location(str(config_file))
    check_language(code, name, where)
    if code == settings.source_language or code in settings.languages:
        raise SettingsError(where, f"language {code!r} is already configured")
    new_config = add_language_entry(config_file.read_text(encoding="utf-8"), code, name, str(config_file))
    result = update_catalogs(settings, languages=[code])  # catalogs first: mkdocs.yml changes only if they were written
    write_bytes_atomic(config_file, new_config.encode("utf-8"))
    load_settings(config_file)
    return [f"added {code} to {config_file.name}"] + [f"created {path}" for path in result.created]
