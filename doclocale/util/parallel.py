"""Independent pieces of work on every core the machine gives us, with the results in order.

Used where a large library has many pages that are each checked or rendered on their own (the
publishing gate, the per-page and per-catalog checks). Below ``parallel_from`` items, or with a
single core, the work runs in this process: starting processes would cost more than it saves.
The function and its items must be picklable (a module-level function, plain data).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

#: Items sent to a worker at once. Each chunk is pickled whole and held by the worker that runs it:
#: at 10,000 guides an eighth of the checks was 2,000 parsed pages, hundreds of megabytes a worker.
CHUNK_MOST = 64

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
    chunk = max(1, min(CHUNK_MOST, len(items) // (count * 8)))
    # The workers are forked. A forked worker's first full collection writes to every object it
    # inherited, copying all of this process's memory (325 MB a worker at 10,000 guides): frozen,
    # those objects are left alone and their memory stays shared.
    gc.freeze()
    try:
        with ProcessPoolExecutor(count, initializer=_receive, initargs=(shared,)) as pool:
            return list(pool.map(_call, work, chunksize=chunk))
    finally:
        gc.unfreeze()


_shared: Any = None  # in a worker process: what every item of its work shares (a renderer, say)


def _receive(shared: Any) -> None:
    global _shared
    _shared = shared


def _call(work: tuple[Callable[[Any, Any], Any], Any]) -> Any:
    function, item = work
    return function(_shared, item)
