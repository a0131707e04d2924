"""Shared machinery of the robustness suite: a time bound per case, an outcome per call, the counts.

Every generated call ends in one of four outcomes:

- ``accepted``: the call returned, and the test's own check of the result passed;
- ``refused``: a documented error (ValueError, TypeError, DataError, ParameterError) whose
  message names the parameter, field or file at fault;
- ``unclear``: any other exception, or a documented error that names nothing (the test fails);
- ``hang``: the case ran past its time bound (the test fails).

The time bound is a ``SIGALRM`` timer, so it interrupts a blocking ``open()`` on a named pipe
too; it bounds a case, it asserts nothing about speed.
"""

from __future__ import annotations

import signal
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from typing import Any

from alliances import DataError, ParameterError

#: Seconds one case may run before it counts as a hang.
CASE_SECONDS = 20

#: ``COUNTS[(suite, outcome)]``, filled by :func:`run_case`; the conftest writes them out.
COUNTS: Counter[tuple[str, str]] = Counter()
DOCUMENTED = (ValueError, TypeError, DataError, ParameterError)


class Hang(Exception):
    """A case ran past :data:`CASE_SECONDS`."""


@contextmanager
def time_bound(seconds: int = CASE_SECONDS):
    """Raise :class:`Hang` if the body runs longer than ``seconds`` (main thread, POSIX)."""
    def alarm(signum, frame):
        raise Hang(f"no answer within {seconds} s")
    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run_case(suite: str, call: Callable[[], Any], names: Iterable[str],
             check: Callable[[Any], None] | None = None, must_accept: bool = False) -> str:
    """Run ``call`` under the time bound and count its outcome; fail on ``unclear`` or ``hang``.

    ``names`` are the words a refusal must contain at least one of (the parameter, field or
    file); ``check`` inspects an accepted result and raises AssertionError if it is broken;
    with ``must_accept`` (a valid call) any refusal fails the test as a false refusal.
    """
    words = [w for w in names if w]
    try:
        with time_bound():
            result = call()
    except Hang as exc:
        COUNTS[(suite, "hang")] += 1
        raise AssertionError(f"{suite}: hang ({exc})") from None
    except DOCUMENTED as exc:
        message = str(exc)
        if must_accept:
            COUNTS[(suite, "unclear")] += 1
            raise AssertionError(f"{suite}: a valid call was refused: {message!r}") from exc
        if not any(w in message for w in words):
            COUNTS[(suite, "unclear")] += 1
            raise AssertionError(f"{suite}: {type(exc).__name__} names none of {words}: {message!r}") from exc
        if "Traceback" in message or "\n" in message.strip():
            COUNTS[(suite, "unclear")] += 1
            raise AssertionError(f"{suite}: multi-line message {message!r}") from exc
        COUNTS[(suite, "refused")] += 1
        return "refused"
    except Exception as exc:
        COUNTS[(suite, "unclear")] += 1
        raise AssertionError(f"{suite}: internal {type(exc).__name__}: {exc}") from exc
    if check is not None:
        check(result)
    COUNTS[(suite, "accepted")] += 1
    return "accepted"
