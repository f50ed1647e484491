"""Every cache is keyed by the code: a change in any module of the package must change the key."""

from __future__ import annotations

import shutil

from doclocale.util import fingerprint


def test_every_module_of_the_package_is_in_the_fingerprint(tmp_path) -> None:
    assert (fingerprint.PACKAGE / "cli.py").is_file(), "the fingerprint reads the package, not one folder of it"
    package = tmp_path / "doclocale"
    shutil.copytree(fingerprint.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__", "assets"))
    assert fingerprint.code_digest(package) == fingerprint.code_fingerprint()
    for module in ("checks/runner.py", "translating/gate.py", "cli.py"):
        before = fingerprint.code_digest(package)
        path = package / module
        path.write_text(path.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
        assert fingerprint.code_digest(package) != before, f"{module} is not in the fingerprint"
