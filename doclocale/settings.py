"""Project settings, read once from mkdocs.yml into a frozen object.

mkdocs.yml is the single place where languages are declared (the static-i18n
plugin's ``languages`` list); the pipeline reads it rather than repeating it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from doclocale.errors import SettingsError
from doclocale.model import Location

#: Reserved catalog domain for strings of the site itself (templates, site name).
SITE_DOMAIN = "_site"


class _Loader(yaml.SafeLoader):
    """Safe YAML that tolerates MkDocs' custom tags (!ENV, !!python/name) as plain values."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Settings:
    root: Path
    docs_dir: Path
    site_dir: Path
    locale_dir: Path
    templates_dir: Path
    source_language: str
    languages: tuple[str, ...]  # target languages, source language excluded
    site_name: str
    site_url: str
    site_name_line: int
    use_directory_urls: bool = True
    site_description: str = ""  # shown to search engines where a page has no description of its own
    site_description_line: int = 0

    @property
    def source_dir(self) -> Path:
        return self.docs_dir / self.source_language

    def cache_dir(self, name: str) -> Path:
        """.cache/<name>/: results kept between runs to save time; safe to delete."""
        return self.root / ".cache" / name

    def output_dir(self, language: str) -> Path:
        return self.docs_dir / language

    def relative(self, path: Path) -> str:
        """A path as users see it in reports: relative to the project root."""
        if ".." not in path.parts:  # most paths are made from the root (absolute or not): no disk access
            try:
                return path.relative_to(self.root).as_posix()
            except ValueError:
                pass
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path)

    def template_path(self, domain: str) -> Path:
        return self.locale_dir / f"{domain}.pot"

    def catalog_path(self, language: str, domain: str) -> Path:
        return self.locale_dir / language / "LC_MESSAGES" / f"{domain}.po"


def load_settings(config_file: Path) -> Settings:
    """Read mkdocs.yml; every problem is reported with its key path."""
    display = str(config_file)
    try:
        text = config_file.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise SettingsError(
            Location(display), "mkdocs.yml not found", "run the command from the project folder or pass --config"
        ) from error
    try:
        data = yaml.load(text, Loader=_Loader) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise SettingsError(Location(display, (mark.line + 1) if mark else 1), f"invalid YAML: {error}") from error
    root = config_file.parent
    problems = []
    i18n = None
    for item in data.get("plugins") or []:
        if isinstance(item, dict) and "i18n" in item:
            i18n = item["i18n"] or {}
    if i18n is None:
        raise SettingsError(
            Location(display), "plugins.i18n is missing", "add the mkdocs-static-i18n plugin with a 'languages' list"
        )
    if i18n.get("docs_structure") != "folder":
        problems.append("plugins.i18n.docs_structure must be 'folder' (docs/<language>/…)")
    languages = i18n.get("languages") or []
    default = [entry.get("locale") for entry in languages if isinstance(entry, dict) and entry.get("default")]
    if len(default) != 1:
        problems.append("plugins.i18n.languages needs exactly one entry with 'default: true' (the source language)")
    codes = []
    for index, entry in enumerate(languages):
        if not isinstance(entry, dict) or not entry.get("locale"):
            problems.append(f"plugins.i18n.languages[{index}].locale is missing")
        else:
            codes.append(entry["locale"])
    if not data.get("site_name"):
        problems.append("site_name is missing")
    if problems:
        raise SettingsError(Location(display), "; ".join(problems))
    source = default[0]
    description_line = next((n for n, row in enumerate(text.splitlines(), 1) if row.startswith("site_description:")), 0)
    line = next((n for n, row in enumerate(text.splitlines(), 1) if row.startswith("site_name:")), 1)
    return Settings(
        root=root,
        docs_dir=root / data.get("docs_dir", "docs"),
        site_dir=root / data.get("site_dir", "site"),
        locale_dir=root / "locale",
        templates_dir=root / ((data.get("theme") or {}).get("custom_dir") or "overrides"),
        source_language=str(source),
        languages=tuple(code for code in codes if code != source),
        site_name=data["site_name"],
        site_url=data.get("site_url") or "",
        site_name_line=line,
        use_directory_urls=data.get("use_directory_urls", True),
        site_description=str(data.get("site_description") or ""),
        site_description_line=description_line,
    )
