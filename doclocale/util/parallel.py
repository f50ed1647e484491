"""Independent pieces of work on every core the machine gives us, with the results in order.

Used where a large library has many pages that are each checked or rendered on their own (the
publishing gate, the per-page and per-catalog checks). Below ``parallel_from`` items, or with a
single core, the work runs in this process: starting processes would cost more than it saves.
The function and its items must be picklable (a module-level function, plain data).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def workers() -> int:
    """Cores this process may use (DOCLOCALE_WORKERS overrides; 1 keeps all work in this process)."""
    wanted = os.environ.get("DOCLOCALE_WORKERS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def map_in_pool(
    function: Callable[[Any, Item], Result], shared: Any, items: Sequence[Item], parallel_from: int
) -> list[Result]:
    """``[function(shared, item) for item in items]``; ``shared`` is sent once to each process."""
    count = min(workers(), len(items) // max(1, parallel_from // 2) or 1)
    if count < 2 or len(items) < parallel_from:
        return [function(shared, item) for item in items]
    work = [(function, item) for item in items]
    with ProcessPoolExecutor(count, initializer=_receive, initargs=(shared,)) as pool:
        return list(pool.map(_call, work, chunksize=max(1, len(items) // (count * 8))))


_shared: Any = None  # in a worker process: what every item of its work shares (a renderer, say)


def _receive(shared: Any) -> None:
    global _shared
    _shared = shared


def _call(work: tuple[Callable[[Any, Any], Any], Any]) -> Any:
    function, item = work
    return function(_shared, item)
