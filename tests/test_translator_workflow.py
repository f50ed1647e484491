"""The translator's loop: English changes -> fuzzy entry -> notice on the page -> fix -> notice gone."""

from __future__ import annotations

import difflib
import json
import subprocess
import sys
from pathlib import Path

from doclocale.catalogs.merge import read_catalog, write_catalog
from doclocale.cli import main

OLD = "Micro-needling is a skin treatment. It is not surgery."
NEW = "Micro-needling is a skin treatment. It is not a surgery."
PO = "locale/fa/LC_MESSAGES/guides/microneedling.po"
GUIDE_FA = "site/fa/guides/microneedling/index.html"


def run(project: Path, *args: str) -> int:
    return main(["--config", str(project / "mkdocs.yml"), *args])


def change_sentence(project: Path) -> None:
    page = project / "docs/en/guides/microneedling.md"
    page.write_text(page.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")


def all_translations(project: Path) -> dict:
    found = {}
    for path in sorted((project / "locale/fa/LC_MESSAGES").rglob("*.po")):
        catalog = read_catalog(path)
        for message in list(catalog) + list(catalog.obsolete.values()):
            if message.id and message.string:
                found[str(message.string)] = message
    return found


def test_a_changed_sentence_goes_fuzzy_and_the_reader_is_told(project: Path, capsys) -> None:
    before_text = (project / PO).read_text(encoding="utf-8")
    before = all_translations(project)
    change_sentence(project)
    assert run(project, "update", "--check") == 1
    assert run(project, "update") == 0

    after_text = (project / PO).read_text(encoding="utf-8")
    changed = [
        line
        for line in difflib.unified_diff(before_text.splitlines(), after_text.splitlines(), n=0)
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert sorted(changed) == sorted(["+#, fuzzy", f'+#| msgid "{OLD}"', f'-msgid "{OLD}"', f'+msgid "{NEW}"']), changed

    message = read_catalog(project / PO)[NEW]
    assert message.fuzzy and message.previous_id == [OLD]
    assert message.string == "میکرونیدلینگ یک درمان پوستی است و جراحی نیست."
    assert set(before) <= set(all_translations(project)), "a translation vanished"

    capsys.readouterr()
    assert run(project, "status", "--json") == 0
    rows = {row["catalog"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["guides/microneedling"]["fuzzy"] == 1

    assert run(project, "build") == 0
    html = (project / GUIDE_FA).read_text(encoding="utf-8")
    assert "translation-notice" in html and "ترجمهٔ این صفحه هنوز کامل نیست" in html
    assert f'<span lang="en" dir="ltr">{NEW}</span>' in html

    assert run(project, "build", "--strict") == 1
    err = capsys.readouterr().err
    line = read_catalog(project / PO).get(NEW).lineno
    assert "not fully translated: docs/fa/guides/microneedling.md: partial" in err  # the page, then the entry
    assert f"{PO}:{line}: C102 warning: marked fuzzy" in err and f"msgid: {NEW[:60]}" in err, err

    catalog = read_catalog(project / PO)
    catalog[NEW].flags.discard("fuzzy")
    catalog[NEW].previous_id = []
    write_catalog(project / PO, catalog)
    assert run(project, "build", "--strict") == 0
    assert "translation-notice" not in (project / GUIDE_FA).read_text(encoding="utf-8")


def test_update_twice_changes_nothing(project: Path) -> None:
    change_sentence(project)
    assert run(project, "update") == 0
    snapshot = {p: p.read_bytes() for p in (project / "locale").rglob("*.po*")}
    assert run(project, "update") == 0
    assert {p: p.read_bytes() for p in (project / "locale").rglob("*.po*")} == snapshot
    assert run(project, "update", "--check") == 0


def test_a_removed_sentence_is_kept_as_obsolete(project: Path) -> None:
    page = project / "docs/en/guides/microneedling.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("It can also make your skin brighter and stronger.\n\n", ""),
        encoding="utf-8",
    )
    assert run(project, "update") == 0
    text = (project / PO).read_text(encoding="utf-8")
    assert '#~ msgid "It can also make your skin brighter and stronger."' in text
    assert "#~ msgstr" in text and "شفاف‌تر و مقاوم‌تر" in text


def test_the_real_catalogs_pass_msgfmt_check(project: Path) -> None:
    for path in sorted((project / "locale").rglob("*.po")):
        result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, f"{path}: {result.stderr}"


def test_every_entry_has_a_source_reference_and_a_translator_comment(project: Path) -> None:
    for path in sorted((project / "locale/fa/LC_MESSAGES").rglob("*.po")):
        for message in read_catalog(path):
            if message.id:
                assert message.locations and message.auto_comments, f"{path}: {message.id}"


def test_a_new_language_builds_with_no_code_change(project: Path) -> None:
    assert run(project, "init", "de") == 0
    assert (project / "locale/de/LC_MESSAGES/guides/microneedling.po").exists()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project, check=True)
    html = (project / "site/de/guides/microneedling/index.html").read_text(encoding="utf-8")
    assert '<html dir="ltr" lang="de"' in html
    assert "translation-notice" in html  # nothing translated yet: German notice page, not English posing as German
    assert run(project, "build", "--strict") == 1


def test_editing_one_catalog_regenerates_only_its_page(settings) -> None:
    from doclocale.translating.generation import generate_all

    first = generate_all(settings)[0]
    assert first.rendered == len(first.pages)
    unchanged = {p: (settings.output_dir("fa") / p).stat().st_mtime_ns for p in ("index.md", "guides/microneedling.md")}
    again = generate_all(settings)[0]
    assert again.rendered == 0 and again.changed == ()

    po = settings.catalog_path("fa", "about")
    catalog = read_catalog(po)
    catalog["Medical review"].string = "بازبینی پزشکان"
    write_catalog(po, catalog)
    edited = generate_all(settings)[0]
    assert edited.rendered == 1 and edited.changed == ("about.md",)
    assert "بازبینی پزشکان" in (settings.output_dir("fa") / "about.md").read_text(encoding="utf-8")
    assert {p: (settings.output_dir("fa") / p).stat().st_mtime_ns for p in unchanged} == unchanged


def test_percent_and_braces_in_page_text_are_not_format_strings_for_msgfmt(project: Path) -> None:
    """Babel would flag these python-format / python-brace-format, and msgfmt --check would reject
    a correct Persian translation that writes ٪ and leaves out the braces."""
    page = project / "docs/en/guides/microneedling.md"
    english = "About 50% of people feel {almost} no pain."
    page.write_text(page.read_text(encoding="utf-8") + f"\n{english}\n", encoding="utf-8")
    assert run(project, "update") == 0
    path = project / PO
    assert "python-format" not in path.read_text(encoding="utf-8") and "python-brace-format" not in path.read_text(
        encoding="utf-8"
    )
    catalog = read_catalog(path)
    message = catalog.get(english)
    message.string = "حدود ۵۰٪ از افراد تقریباً دردی حس نمی‌کنند."
    write_catalog(path, catalog)
    result = subprocess.run(
        ["msgfmt", "--check", "--check-format", "--check-header", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_a_renamed_page_keeps_every_translation_on_the_site(project: Path, capsys) -> None:
    (project / "docs/en/treatments").mkdir()
    (project / "docs/en/guides/microneedling.md").rename(project / "docs/en/treatments/microneedling.md")
    index = project / "docs/en/index.md"  # the editor updates the links to the moved page
    index.write_text(
        index.read_text(encoding="utf-8").replace("guides/microneedling.md", "treatments/microneedling.md"),
        encoding="utf-8",
    )
    assert run(project, "update") == 0
    output = capsys.readouterr().out
    assert "locale/fa/LC_MESSAGES/guides/microneedling.po: no English page has this catalog any more" in output
    assert "treatments/microneedling.po (61 carried from a moved or renamed page)" in output
    assert run(project, "update", "--check") == 1  # the orphaned catalog is reported until it is deleted
    catalog = read_catalog(project / "locale/fa/LC_MESSAGES/treatments/microneedling.po")
    assert all(m.string and not m.fuzzy for m in catalog if m.id)
    assert 'msgstr ""\n\n' in (project / "locale/treatments/microneedling.pot").read_text(encoding="utf-8")
    assert not any(m.string for m in read_catalog(project / "locale/treatments/microneedling.pot") if m.id)
    assert run(project, "build") == 0
    html = (project / "site/fa/treatments/microneedling/index.html").read_text(encoding="utf-8")
    assert "translation-notice" not in html and "میکرونیدلینگ" in html
    (project / "locale/fa/LC_MESSAGES/guides/microneedling.po").unlink()
    assert run(project, "update", "--check") == 0


def test_a_translation_from_another_page_is_a_suggestion_until_confirmed(project: Path, capsys) -> None:
    """A new guide shares a heading with the microneedling guide: the Persian of that page arrives
    fuzzy, with a comment naming it, so it is shown in English and counted as outdated (GNU
    gettext sees it as fuzzy too) until a translator confirms it for this page."""
    (project / "docs/en/guides/chemical-peel.md").write_text(
        (project / "docs/en/guides/microneedling.md")
        .read_text(encoding="utf-8")
        .split("## What it is")[0]
        .replace("Micro-needling", "Chemical peel")
        .replace("micro-needling", "chemical peel")
        + "## What it is\n\nA chemical peel removes the top layer of the skin.\n",
        encoding="utf-8",
    )
    assert run(project, "update") == 0
    assert "suggested from other pages (fuzzy until confirmed)" in capsys.readouterr().out
    new = project / "locale/fa/LC_MESSAGES/guides/chemical-peel.po"
    message = read_catalog(new).get("What it is")
    assert message.fuzzy and message.string == read_catalog(project / PO).get("What it is").string
    assert message.user_comments == [
        "suggested from guides/microneedling.po (same English there): check it fits this page, then remove the fuzzy flag"
    ]
    fuzzy_ids = subprocess.run(
        ["msgattrib", "--only-fuzzy", "--no-wrap", str(new)], capture_output=True, text=True, check=True
    ).stdout
    assert 'msgid "What it is"' in fuzzy_ids
    assert run(project, "build") == 0
    html = (project / "site/fa/guides/chemical-peel/index.html").read_text(encoding="utf-8")
    assert '<span lang="en" dir="ltr">What it is</span>' in html

    catalog = read_catalog(new)  # the translator confirms it with words for this page
    catalog.get("What it is").string = "لایه‌برداری شیمیایی چیست"
    catalog.get("What it is").flags.discard("fuzzy")
    write_catalog(new, catalog)
    capsys.readouterr()
    assert run(project, "check", "--no-site") in (0, 1)
    k601 = [line for line in capsys.readouterr().out.splitlines() if " K601 " in line]
    assert k601 and all(" K601 warning: " in line and "\\u200c" not in line for line in k601), k601


def test_a_deleted_then_restored_paragraph_gets_its_translation_back(project: Path, capsys) -> None:
    page = project / "docs/en/guides/microneedling.md"
    original = page.read_text(encoding="utf-8")
    sentence = "It can also make your skin brighter and stronger.\n\n"
    page.write_text(original.replace(sentence, ""), encoding="utf-8")
    assert run(project, "update") == 0
    assert '#~ msgid "It can also make your skin brighter and stronger."' in (project / PO).read_text(encoding="utf-8")
    page.write_text(original, encoding="utf-8")
    capsys.readouterr()
    assert run(project, "update") == 0
    assert "1 revived from obsolete entries" in capsys.readouterr().out
    message = read_catalog(project / PO).get("It can also make your skin brighter and stronger.")
    assert message.string and not message.fuzzy
    assert '#~ msgid "It can also make' not in (project / PO).read_text(encoding="utf-8")


def test_a_language_name_with_yaml_syntax_is_quoted_and_the_site_builds(project: Path) -> None:
    assert run(project, "init", "de", "--name", 'Deutsch: "neu" # [x]') == 0
    from doclocale.settings import load_settings

    assert "de" in load_settings(project / "mkdocs.yml").languages
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project, check=True)
    assert (project / "site/de/index.html").exists()


def test_header_fields_of_other_tools_survive_an_update(project: Path) -> None:
    """Poedit and Weblate write their own header fields; an update that merges new English keeps
    them where they were (Babel alone drops every field it does not know)."""
    path = project / PO
    fields = '"X-Generator: Poedit 3.4\\n"\n"X-Poedit-Basepath: ../../..\\n"\n'
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"Language: fa\\n"\n', '"Language: fa\\n"\n' + fields, 1), encoding="utf-8")
    page = project / "docs/en/guides/microneedling.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA new sentence for the update.\n", encoding="utf-8")
    assert run(project, "update") == 0
    updated = path.read_text(encoding="utf-8")
    assert fields in updated and 'msgid "A new sentence for the update."' in updated
