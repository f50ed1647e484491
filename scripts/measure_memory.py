"""The memory a command and every process it starts take, each page counted once (Linux).

    .venv/bin/python scripts/measure_memory.py [--every 1.0] -- COMMAND [ARG ...]

Runs COMMAND in a session of its own and, every ``--every`` seconds until it ends, reads each
process of the session's ``/proc/PID/smaps_rollup``: its proportional set size (PSS: a page
shared by n processes counts 1/n in each, so the sum is what the machine gives the command)
and its resident size (RSS). Prints the command's time, the highest sum of PSS and the largest
single process (RSS), in MB of 1,048,576 bytes, then the processes at that moment. Sampling
misses what lasts less than the interval. BENCHMARKS.md quotes it for the 10,000-guide library.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

MB = 1024  # smaps_rollup counts in kB


def session_processes(session: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.getsid(int(entry.name)) == session:
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def memory_of(pid: int) -> tuple[int, int, str] | None:
    """(PSS kB, RSS kB, the command) of a process, or None once it has gone."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return None
    fields = {line.split(":")[0]: line.split()[1] for line in rollup.splitlines()[1:] if ":" in line}
    return int(fields.get("Pss", 0)), int(fields.get("Rss", 0)), command.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--every", type=float, default=1.0, help="seconds between samples (default: %(default)s)")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="the command, after --")
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the command after --")
    started = time.monotonic()
    try:
        process = subprocess.Popen(command, start_new_session=True)
    except OSError as error:
        print(
            f"cannot start {command[0]}: {error.strerror}; give the command after --, as you would type it",
            file=sys.stderr,
        )
        return 2
    peak_sum, peak_at, largest, largest_command = 0, 0.0, 0, ""
    peak_processes: list[tuple[int, int, str]] = []
    while process.poll() is None:
        sampled = [m for m in map(memory_of, session_processes(process.pid)) if m]
        total = sum(pss for pss, _, _ in sampled)
        if total > peak_sum:
            peak_sum, peak_at, peak_processes = total, time.monotonic() - started, sampled
        for _, rss, text in sampled:
            if rss > largest:
                largest, largest_command = rss, text
        time.sleep(args.every)
    elapsed = time.monotonic() - started
    print(f"exit {process.returncode}, {elapsed:.1f} s", file=sys.stderr)
    print(f"highest sum of PSS: {peak_sum // MB:,} MB, at {peak_at:.0f} s", file=sys.stderr)
    print(f"largest process (RSS): {largest // MB:,} MB: {largest_command[:100]}", file=sys.stderr)
    for pss, _, text in sorted(peak_processes, reverse=True):
        print(f"    {pss // MB:6,} MB  {text[:100]}", file=sys.stderr)
    return process.returncode


if __name__ == "__main__":
    sys.exit(main())
