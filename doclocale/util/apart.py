"""A function run in a forked child process while this one goes on; its answer comes back through a pipe.

Forked, so the function and its arguments need no pickling (a loaded MkDocs configuration, say); its
answer does. The child gives its memory back when it ends. A function's expected failures should be
part of its answer: a child that raises, or is killed, ends without one (``Stopped``).
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
from collections.abc import Callable
from typing import Any

#: How often, in seconds, the parent looks whether the child has ended without an answer.
POLL = 0.5


class Stopped(Exception):
    """The child ended without an answer; ``exit_code`` says how (negative: killed by that signal)."""

    def __init__(self, exit_code: int | None) -> None:
        super().__init__(f"exit code {exit_code}")
        self.exit_code = exit_code


class Apart:
    def __init__(self, function: Callable[..., Any], *arguments: Any) -> None:
        context = multiprocessing.get_context("fork")
        self._receiving, sending = context.Pipe(duplex=False)
        self._child = context.Process(target=_answer, args=(self._receiving, sending, function, arguments))
        self._child.start()
        sending.close()

    def result(self) -> Any:
        """Wait for the answer; ``Stopped`` when the child ended without one."""
        try:
            # Its answer, or its end without one: processes the child forked inherit the pipe and hold
            # it open after the child dies, so the child itself is asked.
            while not self._receiving.poll(POLL):
                if self._child.exitcode is not None and not self._receiving.poll():
                    raise Stopped(self._child.exitcode)
            answer = self._receiving.recv()
        except EOFError:  # the pipe closed: the child ended without an answer, and held the pipe alone
            self._child.join()
            raise Stopped(self._child.exitcode) from None
        except BaseException:
            self.stop()
            raise
        self._child.join()
        return answer

    def stop(self) -> None:
        """End the child (it cleans up as on Ctrl-C) and wait for it."""
        if self._child.exitcode is None:
            self._child.terminate()
            self._child.join(10)
            if self._child.exitcode is None:
                self._child.kill()
                self._child.join()


def _answer(receiving, sending, function: Callable[..., Any], arguments: tuple) -> None:
    # Only the parent reads: with the read end closed here, an answer nobody will read (the parent
    # is gone) fails to send instead of waiting for ever once it is larger than the pipe holds.
    receiving.close()
    # ``stop`` sends SIGTERM: leave the way an interrupted command does (``finally`` blocks remove
    # half-written folders) rather than at once.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    sending.send(function(*arguments))
