"""Every finding code the checks can emit has a failing fixture that produces it and a passing one that does not.

Codes are read from the registry (doclocale/codes.py), which a Finding cannot do without, so a
new check without fixtures fails here. A code counts as covered when a fixture's report holds it
(tests/fixture_cases.py: every report family, each compared whole by its own test), when a
scenario case (hostile, bad_input) expects it, or when a named test produces it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from doclocale.codes import CODES, TRANSLATED_MEANINGS, TRANSLATOR, docs_table, translated_docs_table
from doclocale.model import Finding, Location, Severity

from .fixture_cases import FIXTURES, cases, reported_codes
from .test_site_links import BREAKAGES

ROOT = Path(__file__).resolve().parent.parent
#: Families whose cases are compared whole with a report, as `make check` prints findings.
REPORT_FAMILIES = ("checks", "review", "readability", "parity", "raw_html")
CODE = re.compile(r"\b([A-Z]\d{3})\b")
#: Codes whose failing case is a test function rather than a fixture file (it names the code).
TESTED_IN_CODE = {
    "K601": "tests/test_checks.py",
    "L913": "tests/test_site_links.py",
    "L920": "tests/test_site_links.py",
    "S304": "tests/test_safety_net.py",
    "C105": "tests/test_checks.py",
    "D101": "tests/test_check_runner.py",
    "C106": "tests/test_translation_review.py",
    "C107": "tests/test_translation_review.py",
}


def codes_in_source() -> set[str]:
    """Codes written in the checks (a cross-check of the registry, which the tests above read)."""
    found = set()
    for path in (ROOT / "doclocale").rglob("*.py"):
        found.update(re.findall(r"\"([A-Z]\d{3})\"", path.read_text(encoding="utf-8")))
    return found


def failing_fixture_codes() -> dict[str, list[str]]:
    """code -> fixtures that must produce it."""
    found: dict[str, list[str]] = {}

    def add(codes, fixture: str) -> None:
        for code in codes:
            found.setdefault(code, []).append(fixture)

    for family in REPORT_FAMILIES:
        for case in cases(family):
            add(reported_codes(case), f"{family}/{case.name}")
    for case in (FIXTURES / "hostile").glob("*.yml"):
        add([yaml.safe_load(case.read_text(encoding="utf-8")).get("code", "")], f"hostile/{case.name}")
    for case in (FIXTURES / "bad_input").glob("*.yml"):
        add(CODE.findall(str(yaml.safe_load(case.read_text(encoding="utf-8"))["expect"]["message"])), case.name)
    for name in BREAKAGES:
        add(reported_codes(FIXTURES / "site_breakages" / name), f"site_breakages/{name}")
    for code, test_file in TESTED_IN_CODE.items():
        if f'"{code}"' in (ROOT / test_file).read_text(encoding="utf-8"):
            add([code], test_file)
    return found


def test_every_code_has_a_failing_fixture() -> None:
    declared = failing_fixture_codes()
    missing = sorted(CODES.keys() - declared.keys())
    assert not missing, f"codes no fixture produces: {missing}"


def test_no_fixture_expects_a_code_the_registry_does_not_have() -> None:
    unknown = sorted(set(failing_fixture_codes()) - CODES.keys() - {""})
    assert not unknown, unknown


def test_the_registry_is_the_codes_the_checks_use() -> None:
    """Findings cannot be made with an unlisted code; a listed code nothing emits is a stale entry."""
    assert codes_in_source() - {"X999"} == CODES.keys()
    with pytest.raises(ValueError, match="X999 is not in doclocale/codes.py"):
        Finding(Location("a.po", 1), "X999", Severity.ERROR, "a code nobody listed")


def generated_table(guide: str) -> str:
    text = (ROOT / guide).read_text(encoding="utf-8")
    start = text.index("<!-- generated from doclocale/codes.py")
    return text[text.index("\n", start) + 1 : text.index("<!-- end of the generated table -->")]


def test_the_translator_guide_lists_every_code_as_the_registry_says() -> None:
    assert generated_table("TRANSLATING.md") == docs_table()


@pytest.mark.parametrize("language", sorted(TRANSLATED_MEANINGS))
def test_each_translated_guide_explains_every_code_a_translator_fixes(language: str) -> None:
    fixes = {code for code, entry in CODES.items() if entry.who == TRANSLATOR}
    assert set(TRANSLATED_MEANINGS[language]) == fixes
    assert generated_table(f"TRANSLATING.{language}.md") == translated_docs_table(language)


def test_every_fixture_family_has_passing_cases() -> None:
    assert list((FIXTURES / "checks").glob("*-pass.po"))
    for family in ("review", "readability", "parity"):
        assert list((FIXTURES / family).glob("*.none.md")), family
    assert any(
        yaml.safe_load(p.read_text(encoding="utf-8"))["expect"] == "inert" for p in (FIXTURES / "hostile").glob("*.yml")
    )
    assert "def test_the_real_site_passes" in (ROOT / "tests" / "test_site_links.py").read_text(encoding="utf-8")
