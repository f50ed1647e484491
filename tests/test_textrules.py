"""Character rules on one translation: tests/fixtures/textrules/<case>.yml (rule, msgid, msgstr, problem).

``problem: null`` (the .none cases) means the translation passes; otherwise some problem must contain the text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from doclocale.text_rules import invisible_problems, plain_text_problems

CASES = sorted((Path(__file__).parent / "fixtures" / "textrules").glob("*.yml"))
RULES = {"plain": plain_text_problems, "invisible": invisible_problems}


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_textrules_fixture(case: Path) -> None:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    problems = list(RULES[spec["rule"]](spec["msgid"], spec["msgstr"]))
    if spec["problem"] is None:
        assert problems == []
    else:
        assert any(spec["problem"] in problem for problem in problems), problems
