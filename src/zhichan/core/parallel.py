"""Database work side by side in threads, each on its own connection, as part of the caller's run.

Much of a large read or write is spent waiting for the database; threads let those waits overlap. Work goes to
other threads only where it can (`side_by_side()`): on PostgreSQL and outside a transaction, since another
connection would not see the rows this one has not committed (and SQLite serializes its connections anyway).
Elsewhere `threads()` gives None and `in_background()` runs the work at once, so callers need no second path.

- `threads(workers, name)`: a pool whose `submit(function, *args)` runs the function in another thread, in the
  caller's run (`core.runs`: reads shared with `once` are done once), closing that thread's connection after;
- `in_background(function, workers, name)`: a function that hands each call to such threads; leaving the block
  waits for every call and raises the first failure.
"""

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager

from django.db import connection

from . import runs


def side_by_side() -> bool:
    """Whether work may go to other threads, each with its own database connection."""
    return connection.vendor == "postgresql" and not connection.in_atomic_block


def on_own_connection(function: Callable) -> Callable:
    """`function`, to run in another thread as part of the current run, closing that thread's connection when done."""

    def run(*args):
        try:
            return function(*args)
        finally:
            connection.close()

    return runs.in_run_context(run)


class Threads:
    def __init__(self, executor: ThreadPoolExecutor):
        self._executor = executor

    def submit(self, function: Callable, *args) -> Future:
        return self._executor.submit(on_own_connection(function), *args)


@contextmanager
def threads(workers: int, name: str):
    """A pool of `workers` threads named after `name` when `side_by_side()`, else None; leaving waits for them."""
    if not side_by_side():
        yield None
        return
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix=name) as executor:
        yield Threads(executor)


@contextmanager
def in_background(function: Callable, workers: int, name: str):
    """A function that runs `function(*args)` in background threads (at once where they cannot be used); leaving
    the block waits for every call, and a failed call raises there."""
    futures = []
    with threads(workers, name) as pool:
        if pool is None:
            yield function
            return
        yield lambda *args: futures.append(pool.submit(function, *args))
    for future in futures:
        future.result()
