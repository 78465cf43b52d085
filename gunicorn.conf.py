"""How gunicorn serves Zhichan.

Production (docs/deployment.md), `make run` (scripts/serve) and the dashboard benchmark (bench/indicators.py) all
start gunicorn with this file and give only the address and the shutdown grace on the command line, so the
benchmark measures the site as it is served.

One worker process per CPU core (at least two), four threads each. Python runs one thread of a process at a
time, so a process per core keeps every core busy, and the threads let a process go on while a request waits for
the database or sends a long export; with threads, a long request is never killed by the worker timeout (a
single-threaded "sync" worker would be). More processes than cores add no throughput to CPU-bound requests,
only contention: on two cores, four processes × four threads served the dashboard about as fast as two × four,
and its slower requests took longer (docs/indicators.md, Benchmark). On a four-core host this is four × four.
`ZHICHAN_WEB_WORKERS` and `ZHICHAN_WEB_THREADS` override the two numbers.
"""

import os


def cores() -> int:
    """The CPU cores this process may run on (a container's or a cgroup's share, where the OS says so)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


workers = int(os.environ.get("ZHICHAN_WEB_WORKERS") or max(2, cores()))
threads = int(os.environ.get("ZHICHAN_WEB_THREADS") or 4)
worker_class = "gthread"
accesslog = "-"  # one line per request on standard output (journald in production)

# gunicorn names itself in every answer's `Server` header ("gunicorn"), and has no setting to change that: it
# takes the name from its `gunicorn.http.wsgi.SERVER` when a response starts. Replacing the name here, in the
# master before the workers are forked, keeps the software out of the header (an attacker learns nothing to look up).
# Behind nginx, nginx sends its own header instead; `server_tokens off` keeps its version out (docs/deployment.md).
SERVER_NAME = "zhichan"


def _hide_server_software(name: str = SERVER_NAME) -> None:
    import gunicorn.http.wsgi

    gunicorn.http.wsgi.SERVER = name


_hide_server_software()
