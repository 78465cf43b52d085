"""Serving for the benchmarks: gunicorn started as production starts it, signed-in sessions, and clients on
127.0.0.1 that keep their connections alive and record every request's latency and server time."""

import http.client
import itertools
import os
import socket
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass, field

from common import ROOT


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def session_of(username: str, role: str, **fields) -> str:
    """A signed-in user's session cookie, made the way the login page makes one (the user is created if missing)."""
    from django.test import Client

    from zhichan.core.models import User

    user, _created = User.objects.get_or_create(username=username, defaults={"role": role, **fields})
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def serve(url: str, port: int) -> subprocess.Popen:
    """gunicorn as production runs it: with the checkout's gunicorn.conf.py (workers, threads, access log), only
    the address differs; the access log goes where nobody reads it, but is written as in production."""
    env = {**os.environ, "ZHICHAN_DATABASE_URL": url, "ZHICHAN_DEBUG": "false"}
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "zhichan.wsgi:application",
        "--config",
        str(ROOT / "gunicorn.conf.py"),
        "--pythonpath",
        str(ROOT / "src"),
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL)
    for _attempt in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start")


@dataclass
class Measured:
    """What the clients saw: per request its path, the latency they saw and the server's own time (ms)."""

    seconds: float
    requests: list = field(default_factory=list)  # (path, client ms, server ms)
    errors: list = field(default_factory=list)  # (path, status or exception)

    @property
    def rate(self) -> float:
        return len(self.requests) / self.seconds

    def of_any(self, paths) -> "Measured":
        """The requests of these paths alone (their rate still over the whole run)."""
        paths = set(paths)
        return Measured(
            self.seconds, [r for r in self.requests if r[0] in paths], [e for e in self.errors if e[0] in paths]
        )

    def client(self, *cuts: int) -> list[float]:
        return percentiles([r[1] for r in self.requests], cuts)

    def server(self, *cuts: int) -> list[float]:
        return percentiles([r[2] for r in self.requests], cuts)


def load(port: int, paths: list[str], cookie: str, clients: int, seconds: float) -> Measured:
    """`clients` threads, each on its own kept-alive connection, requesting `paths` in turn for `seconds` (each
    client starts at a different one, so every path is asked at every moment)."""
    measured, stop = Measured(seconds), time.perf_counter() + seconds
    lock = threading.Lock()

    def client(start: int):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        own, failed = [], []
        headers = {"Cookie": f"sessionid={cookie}", "Accept-Language": "zh-hans"}
        for path in itertools.islice(itertools.cycle(paths), start, None):
            if time.perf_counter() >= stop:
                break
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
            except Exception as error:  # noqa: BLE001 - counted as an error, the run goes on
                failed.append((path, type(error).__name__))
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                continue
            elapsed = (time.perf_counter() - started) * 1000
            if response.status != 200:
                failed.append((path, response.status))
                continue
            timing = response.getheader("Server-Timing", "app;dur=nan")
            own.append((path, elapsed, float(timing.split("dur=")[1])))
        connection.close()
        with lock:
            measured.requests.extend(own)
            measured.errors.extend(failed)

    threads = [threading.Thread(target=client, args=(n % len(paths),)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return measured


def percentiles(values, cuts=(50, 95)) -> list[float]:
    if len(values) < 2:
        return [float("nan")] * len(cuts)
    points = statistics.quantiles(values, n=100, method="inclusive")
    return [points[cut - 1] for cut in cuts]
