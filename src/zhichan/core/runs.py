"""Work shared by the parts of one run, such as a compute of every indicator.

Several figures read the same records (valid and high-value invention patents read the same event-dependent
patents). Inside `with run():` a read done through `once(key, read)` happens once per key, in whichever thread
asks first, and every later ask, from any thread started with the run's context (`in_run_context`), gets the
same result. Outside a run `once` just reads. A run is short: its results are not kept after it ends.
"""

import contextvars
import threading
from contextlib import contextmanager

_shared: contextvars.ContextVar[dict | None] = contextvars.ContextVar("zhichan_run", default=None)
_guard = threading.Lock()


@contextmanager
def run():
    token = _shared.set({})
    try:
        yield
    finally:
        _shared.reset(token)


def once(key, read):
    """`read()`, done once per key within the current run (every caller waits for the first one's result)."""
    shared = _shared.get()
    if shared is None:
        return read()
    with _guard:
        entry = shared.get(key)
        if entry is None:
            entry = shared[key] = {"lock": threading.Lock()}
    with entry["lock"]:
        if "result" not in entry:
            entry["result"] = read()
    return entry["result"]


def in_run_context(function):
    """`function` bound to the current context, to run in other threads as part of the same run (each call in
    a copy of it: a context cannot be entered by two threads at once, and the copies share the run)."""
    context = contextvars.copy_context()
    return lambda *args, **kwargs: context.copy().run(function, *args, **kwargs)
