"""Catalog building and merging, judged by what a translator's PO file says afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message

from doclocale.catalogs import merge as catalogs
from doclocale.errors import CatalogError
from doclocale.reading.page_parser import parse_page

PAGE = """# Care

Wash your face.

<!-- i18n-context: button -->
Wash your face.

## Care
"""


def template_of(text: str, domain: str = "guides/care") -> Catalog:
    return catalogs.build_template(domain, parse_page("docs/en/guides/care.md", text).segments)


def test_a_template_lists_each_text_once_with_every_place_and_its_context() -> None:
    template = template_of(PAGE)
    assert template.domain == "guides/care"
    care = template.get("Care")
    assert care.locations == [("docs/en/guides/care.md", 1), ("docs/en/guides/care.md", 8)]
    assert len(care.auto_comments) == len(set(care.auto_comments)) >= 1
    assert template.get("Wash your face.") is not None
    assert template.get("Wash your face.", "button") is not None  # same English, another msgctxt
    assert [(m.id, m.context) for m in template if m.id] == [
        ("Care", None),
        ("Wash your face.", None),
        ("Wash your face.", "button"),
    ]


def translated(template: Catalog, strings: dict[str, str]) -> Catalog:
    catalog = catalogs.new_catalog(template, "fa")
    for message in catalog:
        if message.id in strings:
            message.string = strings[message.id]
    return catalog


def test_merging_an_edited_english_page_keeps_translations_comments_and_the_old_english() -> None:
    template = template_of("# Care\n\nWash your face.\n\nDry it.\n")
    catalog = translated(template, {"Care": "مراقبت", "Wash your face.": "صورت را بشویید.", "Dry it.": "خشک کنید."})
    catalog.get("Care").user_comments = ["checked by the clinic"]
    created = catalog.creation_date
    new = template_of("# Care\n\nWash your face twice.\n")
    pristine = [(m.id, m.string, set(m.flags)) for m in new]
    merged = catalogs.merge_catalog(catalog, new)
    edited = merged.get("Wash your face twice.")
    assert edited.string == "صورت را بشویید." and edited.fuzzy  # the old translation, to check
    assert edited.previous_id == ["Wash your face."]
    assert merged.get("Care").user_comments == ["checked by the clinic"]
    assert "Dry it." in merged.obsolete and merged.obsolete["Dry it."].string == "خشک کنید."
    assert merged.creation_date == created
    assert merged.domain == new.domain
    assert [(m.id, m.string, set(m.flags)) for m in new] == pristine  # the template is never changed


def test_a_second_merge_keeps_the_previous_english_of_an_entry_still_fuzzy() -> None:
    catalog = translated(template_of("# Care\n\nWash your face.\n"), {"Wash your face.": "صورت را بشویید."})
    new = template_of("# Care\n\nWash your face twice.\n")
    once = catalogs.merge_catalog(catalog, new)
    twice = catalogs.merge_catalog(once, template_of("# Care\n\nWash your face twice.\n"))
    assert twice.get("Wash your face twice.").previous_id == ["Wash your face."]
    assert twice.get("Wash your face twice.").fuzzy
    done = twice.get("Wash your face twice.")
    done.flags.discard("fuzzy")
    again = catalogs.merge_catalog(twice, template_of("# Care\n\nWash your face twice.\n"))
    assert not again.get("Wash your face twice.").fuzzy


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (Message("Care", "مراقبت"), True),
        (Message("Care", ""), False),
        (Message("Care", "مراقبت", flags=["fuzzy"]), False),
        (Message("", "header"), False),
        (Message("Care 2", "…"), False),  # no letter or digit where the English has them
        (Message("—", "—"), True),  # nothing to say, nothing said
        (Message("— rest", "…"), False),  # words after a dash are words
        (Message(("one day", "%(n)s days"), ("یک روز", "%(n)s روز")), True),
        (Message(("one day", "%(n)s days"), ("یک روز", "")), False),  # every plural form
        (Message(("one day", "%(n)s days"), ("", "%(n)s روز")), False),
        (Message(("one day", "%(n)s days"), ("یک روز", "%(n)s روز", "…")), False),  # a third form, no words
        # each form against its own English: a singular with nothing to say, a plural with words
        (Message(("—", "—, days"), ("—", "—، روزها")), True),
        (Message(("—", "—, days"), ("—", "—")), False),
    ],
)
def test_a_message_counts_as_translated_only_with_text_and_not_fuzzy(message: Message, expected: bool) -> None:
    assert catalogs.is_translated(message) is expected


def test_translations_are_found_by_english_and_context() -> None:
    catalog = translated(template_of(PAGE), {"Care": "مراقبت"})
    found = catalogs.translations(catalog)
    assert found[("Care", None)].string == "مراقبت"
    assert ("Wash your face.", "button") in found and "" not in {key[0] for key in found}


def test_format_flags_say_what_the_text_is() -> None:
    page = catalogs.build_template("guides/care", [])
    page.add("Use {#id} for 50% off", flags=["python-brace-format", "python-format"])
    site = catalogs.build_template("_site", [])
    site.add("Print in %(n)s", flags=["python-format", "python-brace-format"])
    catalogs.deliberate_flags(page)
    catalogs.deliberate_flags(site)
    assert page.get("Use {#id} for 50% off").flags == set()  # Markdown, never a format string
    assert site.get("Print in %(n)s").flags == {"python-format"}  # Jinja formats it


def test_a_catalog_is_rewritten_only_when_its_content_changes(tmp_path: Path) -> None:
    path = tmp_path / "fa" / "care.po"
    path.parent.mkdir()
    catalog = translated(template_of("# Care\n"), {"Care": "مراقبت"})
    assert catalogs.write_catalog(path, catalog) is True  # a new file
    written = path.read_bytes()
    assert written == catalogs.render_catalog(catalog, "care.po")
    assert catalogs.existing_text(path, "care.po") == catalogs.catalog_text(catalog)
    import datetime as dt

    catalog.revision_date = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)  # only a date changes
    assert catalogs.write_catalog(path, catalog) is False and path.read_bytes() == written
    catalog.get("Care").string = "نگهداری"
    assert catalogs.write_catalog(path, catalog) is True and "نگهداری" in path.read_text(encoding="utf-8")
    assert catalogs.existing_text(tmp_path / "missing.po", "missing.po") is None


def test_a_broken_catalog_on_disk_is_named_as_the_reader_knows_it(tmp_path: Path) -> None:
    path = tmp_path / "care.po"
    path.write_text('msgid "a"\nmsgstr "b"\nmsgstr "c"\n', encoding="utf-8")
    with pytest.raises(CatalogError) as error:
        catalogs.existing_text(path, "locale/fa/LC_MESSAGES/care.po")
    assert error.value.location.path == "locale/fa/LC_MESSAGES/care.po"
    with pytest.raises(CatalogError) as error:
        catalogs.write_catalog(path, translated(template_of("# Care\n"), {}))
    assert error.value.location.path == str(path)


def test_without_msgcat_writing_a_catalog_names_it_and_leaves_it_alone(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "care.po"
    monkeypatch.setattr("doclocale.catalogs.po_writer.msgcat_available", lambda: False)
    catalog = translated(template_of("# Care\n"), {"Care": "مراقبت"})
    with pytest.raises(CatalogError) as error:
        catalogs.write_catalog(path, catalog)
    assert (error.value.location.path, error.value.message) == (
        str(path),
        "GNU gettext's msgcat is needed to write catalogs",
    )
    assert not path.exists()
    with pytest.raises(CatalogError) as error:
        catalogs.render_catalog(catalog)
    assert error.value.location.path == "catalog"


def test_a_fuzzy_entry_whose_english_a_translator_edited_keeps_the_english_it_was_made_for() -> None:
    """The previous English (``#|``) is what the translation was made for, not the translator's edit."""
    catalog = translated(template_of("# Care\n\nWash your face.\n"), {"Wash your face.": "صورت را بشویید."})
    fuzzy = catalogs.merge_catalog(catalog, template_of("# Care\n\nWash your face twice.\n"))
    fuzzy.delete("Wash your face twice.")  # the translator changed the msgid, the entry still fuzzy
    fuzzy["Wash your face two times."] = Message(
        "Wash your face two times.", "صورت را بشویید.", flags=["fuzzy"], previous_id=["Wash your face."]
    )
    merged = catalogs.merge_catalog(fuzzy, template_of("# Care\n\nWash your face twice.\n"))
    entry = merged.get("Wash your face twice.")
    assert (entry.previous_id, entry.fuzzy, entry.string) == (["Wash your face."], True, "صورت را بشویید.")


def test_a_new_catalog_has_the_language_and_the_templates_date_and_shares_nothing_with_it() -> None:
    template = template_of("# Care\n\nWash your face.\n")
    catalog = catalogs.new_catalog(template, "fa")
    assert str(catalog.locale) == "fa" and catalog.domain == "guides/care"
    assert catalog.header_comment.startswith("# Persian translation of the clinic's patient guides.")
    assert catalog.language_team == "Persian <fa@li.org>"
    assert catalog.project == "Clinic patient guides" and catalog.charset == "utf-8"
    assert catalog.creation_date == template.creation_date
    catalog.get("Care").string = "مراقبت"
    catalog.get("Care").flags.add("fuzzy")
    assert not template.get("Care").string and not template.get("Care").fuzzy


def test_merging_never_changes_the_template_even_when_the_catalog_is_edited_afterwards() -> None:
    template = template_of("# Care\n\nNew text.\n")
    merged = catalogs.merge_catalog(translated(template_of("# Care\n"), {}), template)
    merged.get("New text.").string = "متن تازه."  # a new entry: Babel would share it with the template
    assert not template.get("New text.").string


def test_an_outdated_entry_whose_english_is_gone_becomes_obsolete_with_its_translation() -> None:
    catalog = translated(template_of("# Care\n\nWash your face.\n"), {"Wash your face.": "صورت را بشویید."})
    fuzzy = catalogs.merge_catalog(catalog, template_of("# Care\n\nWash your face twice.\n"))
    assert fuzzy.get("Wash your face twice.").previous_id == ["Wash your face."]
    gone = catalogs.merge_catalog(fuzzy, template_of("# Care\n"))
    assert gone.get("Wash your face twice.") is None
    assert gone.obsolete["Wash your face twice."].string == "صورت را بشویید."


def test_folder_titles_follow_mkdocs_rule() -> None:
    from mkdocs.utils import dirname_to_title as mkdocs_rule

    from doclocale.catalogs.templates import dirname_to_title

    for name in ("guides", "skin-care", "after_care", "FAQ", "Before-Visit", "a", ""):
        assert dirname_to_title(name) == mkdocs_rule(name), name


def test_an_update_holds_one_catalog_at_a_time(settings, monkeypatch) -> None:
    """At 10,000 guides an update held every template and every catalog of a language at once
    (900 MB): each catalog is read for the translation memory and let go, then read again to
    merge it, and only what changed is kept, as bytes."""
    import gc
    import weakref

    import doclocale.catalogs.update as update

    read, held = [], []
    real = update.read_kept

    def reading(path, display, store):
        gc.collect()
        held.append(sum(1 for ref in read if ref() is not None))
        catalog = real(path, display, store)
        read.append(weakref.ref(catalog))
        return catalog

    monkeypatch.setattr(update, "read_kept", reading)
    page = settings.source_dir / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA new sentence.\n", encoding="utf-8")
    assert update.update_catalogs(settings).written
    assert len(read) > 8 and held == [0] * len(read), "a catalog read earlier was still held"
