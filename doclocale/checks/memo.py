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
import pickle
from collections.abc import Callable, Iterable, Sequence
from dataclasses import InitVar, dataclass, field
from pathlib import Path
from typing import Any

from doclocale.model import Finding
from doclocale.util.atomic import write_cache_file
from doclocale.util.fingerprint import code_fingerprint
from doclocale.util.parallel import map_in_pool

#: Fewer checks than this to run are run in this process.
PARALLEL_FROM = 64


@dataclass(frozen=True)
class CheckJob:
    """One pure check: ``check(*args)``, keyed at once by everything it reads (``inputs``). The
    inputs are not kept: at 10,000 guides, holding every job's until the checks ran took 50 MB."""

    inputs: InitVar[tuple]
    check: Callable[..., Iterable[Finding]]  # a module-level function, so it can run in another process
    args: tuple
    key: str = field(init=False)

    def __post_init__(self, inputs: tuple) -> None:
        object.__setattr__(self, "key", _key(self.check, inputs))


class FindingsMemo:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.kept: dict[str, tuple[Finding, ...]] = {}
        self.used: dict[str, tuple[Finding, ...]] = {}
        try:
            kept = pickle.loads(path.read_bytes())
            if isinstance(kept, dict):
                self.kept = kept
        except Exception:  # noqa: BLE001 (missing, torn or foreign: check everything)
            pass

    def run(self, jobs: Sequence[CheckJob]) -> list[tuple[Finding, ...]]:
        """The findings of every job, in order: kept ones reused, the others computed (in a pool when many)."""
        keys = [job.key for job in jobs]
        missing = [i for i, key in enumerate(keys) if not isinstance(self.kept.get(key), tuple)]
        computed = dict(zip(missing, map_in_pool(_run, None, [jobs[i] for i in missing], PARALLEL_FROM), strict=True))
        for i, key in enumerate(keys):
            self.used[key] = computed[i] if i in computed else self.kept[key]
        return [self.used[key] for key in keys]

    def save(self, partial: bool = False) -> None:
        """Keep what this run used (and only that) for the next; a ``partial`` run (some of the
        checks only, as a release build's) also keeps what it did not use, for the full check."""
        write_cache_file(self.path, pickle.dumps({**self.kept, **self.used} if partial else self.used))


def _key(check: Callable, inputs: tuple) -> str:
    """The code, the check and its inputs (repr escapes every character that could not be encoded)."""
    return hashlib.sha256(code_fingerprint() + repr((check.__qualname__, inputs)).encode()).hexdigest()


def _run(_: Any, job: CheckJob) -> tuple[Finding, ...]:
    return tuple(job.check(*job.args))
