"""Add a language: an entry in mkdocs.yml and a full set of catalogs. No code changes."""

from __future__ import annotations

import re
from pathlib import Path

from babel import Locale, UnknownLocaleError

from .errors import SettingsError
from .model import Location
from .pipeline import update_catalogs
from .settings import Settings, load_settings


def language_entry(code: str, name: str | None, indent: str) -> str:
    """The YAML lines of one static-i18n language entry (pure)."""
    locale = Locale.parse(code)
    lines = [f"{indent}- locale: {code}", f"{indent}  name: {name or locale.get_display_name(locale)}", f"{indent}  build: true"]
    if locale.text_direction == "rtl":
        lines += [f"{indent}  theme:", f"{indent}    direction: rtl"]
    return "\n".join(lines) + "\n"


def add_language_entry(text: str, code: str, name: str | None, path: str) -> str:
    """mkdocs.yml text with ``code`` appended to plugins.i18n.languages (comments kept)."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if re.match(r"^\s+languages:\s*$", line)), None)
    if start is None:
        raise SettingsError(Location(path), "no 'languages:' list under plugins.i18n", "add the static-i18n plugin first")
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


def add_language(settings: Settings, config_file: Path, code: str, name: str | None = None) -> list[str]:
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError) as error:
        raise SettingsError(Location(str(config_file)), f"unknown language code {code!r}", "use a code such as de, ar or fr") from error
    if code == settings.source_language or code in settings.languages:
        raise SettingsError(Location(str(config_file)), f"language {code!r} is already configured")
    config_file.write_text(add_language_entry(config_file.read_text(encoding="utf-8"), code, name, str(config_file)), encoding="utf-8")
    settings = load_settings(config_file)
    result = update_catalogs(settings, languages=[code])
    return [f"added {code} to {config_file.name}"] + [f"created {path}" for path in result.created]
