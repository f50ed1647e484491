"""Character rules on one translation: tests/fixtures/textrules/<case>.yml (rule, msgid, msgstr) and
<case>.yml.report, the problems the rule reports (none for the .none cases, which pass).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from doclocale.text_rules import invisible_problems, plain_text_problems

from .fixture_cases import assert_report, each_case, lines_text

RULES = {"plain": plain_text_problems, "invisible": invisible_problems}


@each_case("textrules", "*.yml")
def test_textrules_fixture(case: Path) -> None:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    assert_report(case, lines_text(RULES[spec["rule"]](spec["msgid"], spec["msgstr"])))
