"""Findings of the costly checks kept between runs (.cache/checks/), keyed by everything they read.

A page's parity, its English readability and the entry checks of one catalog are pure: the
same inputs and the same code give the same findings. Each is stored under a digest of its
inputs (written out in full by the caller) and of the code (``fingerprint.code_fingerprint``),
so ``make check`` after editing one catalog checks that catalog again and reuses the rest.
Only the entries used by the last run are kept. A damaged or foreign file is ignored: the
checks then run in full. Like .cache/pages/, the file is a Python pickle from the project's
own folder.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path

from ..fingerprint import code_fingerprint
from ..model import Finding


class FindingsMemo:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.kept: dict[str, tuple[Finding, ...]] = {}
        self.used: dict[str, tuple[Finding, ...]] = {}
        self.computed = 0
        try:
            kept = pickle.loads(path.read_bytes())
            if isinstance(kept, dict):
                self.kept = kept
        except Exception:  # noqa: BLE001 (missing, torn or foreign: check everything)
            pass

    def findings(self, inputs: Iterable[object], check: Callable[[], Iterable[Finding]]) -> tuple[Finding, ...]:
        digest = hashlib.sha256(code_fingerprint())
        for part in inputs:
            digest.update(repr(part).encode("utf-8", "surrogatepass") + b"\0")
        key = digest.hexdigest()
        found = self.kept.get(key)
        if not isinstance(found, tuple):
            found = tuple(check())
            self.computed += 1
        self.used[key] = found
        return found

    def save(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.partial")
            partial.write_bytes(pickle.dumps(self.used, protocol=pickle.HIGHEST_PROTOCOL))
            partial.replace(self.path)
        except OSError:
            pass  # without it the next check only takes longer
