"""Translation progress per language and page: a table for people, JSON for tools."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from babel.messages.catalog import Message

from doclocale.catalogs.locale_files import check_locale_tree
from doclocale.catalogs.merge import Counts, count_messages
from doclocale.catalogs.templates import build_templates, read_sources
from doclocale.catalogs.translation_review import CheckState, TranslationCheck, translation_check
from doclocale.catalogs.update import read_language_catalogs
from doclocale.settings import Settings


@dataclass(frozen=True)
class StatusRow:
    language: str
    domain: str  # page path without .md, or _site for the site's own strings
    counts: Counts
    check: TranslationCheck = TranslationCheck(CheckState.NOT_CHECKED)  # a second translator's check

    def as_dict(self) -> dict:
        return {
            "language": self.language,
            "catalog": self.domain,
            **asdict(self.counts),
            "percent": round(self.counts.percent, 1),
            "translation_check": self.check.state.value,
            "checked_by": self.check.by,
            "checked_on": self.check.date.isoformat() if self.check.date else "",
        }


def collect_status(settings: Settings) -> list[StatusRow]:
    """Counts against the current English text (run ``update`` first for fuzzy flags)."""
    check_locale_tree(settings.locale_dir)
    templates = build_templates(settings, read_sources(settings))
    rows = []
    for language in settings.languages:
        loaded = read_language_catalogs(settings, language, templates)
        for domain, template in templates.items():
            catalog = loaded[domain]
            current = [catalog.get(m.id, m.context) or Message(m.id, "", context=m.context) for m in template if m.id]
            rows.append(StatusRow(language, domain, count_messages(current), translation_check(catalog)))
    return rows


def format_status(rows: list[StatusRow]) -> str:
    header = f"{'lang':<5} {'catalog':<28} {'done':>6} {'fuzzy':>6} {'todo':>6} {'words todo':>10} {'complete':>9}  second translator's check"
    lines = [header, "-" * len(header)]
    totals: dict[str, Counts] = {}
    for row in rows:
        c = row.counts
        lines.append(
            f"{row.language:<5} {row.domain:<28} {c.translated:>6} {c.fuzzy:>6} {c.untranslated:>6} {c.words_fuzzy + c.words_untranslated:>10} {c.percent:>8.1f}%  {row.check.describe()}"
        )
        totals[row.language] = totals.get(row.language, Counts()) + c
    for language, c in totals.items():
        lines.append(
            f"{language:<5} {'(all)':<28} {c.translated:>6} {c.fuzzy:>6} {c.untranslated:>6} {c.words_fuzzy + c.words_untranslated:>10} {c.percent:>8.1f}%"
        )
    return "\n".join(lines)
