"""One serving setup: production, `make run` and the benchmarks (bench/serving.py) start gunicorn with one file."""

import re
import runpy

from django.conf import settings

ROOT = settings.PROJECT_DIR
CONFIG = ROOT / "gunicorn.conf.py"


def test_a_worker_per_core_with_threads(monkeypatch):
    monkeypatch.delenv("ZHICHAN_WEB_WORKERS", raising=False)
    monkeypatch.delenv("ZHICHAN_WEB_THREADS", raising=False)
    config = runpy.run_path(str(CONFIG))
    assert config["worker_class"] == "gthread" and config["threads"] == 4 and config["accesslog"] == "-"
    assert config["workers"] == max(2, config["cores"]())


def test_the_environment_sets_workers_and_threads(monkeypatch):
    monkeypatch.setenv("ZHICHAN_WEB_WORKERS", "3")
    monkeypatch.setenv("ZHICHAN_WEB_THREADS", "2")
    config = runpy.run_path(str(CONFIG))
    assert (config["workers"], config["threads"]) == (3, 2)


def test_production_make_run_and_the_benchmark_serve_alike():
    started = {
        "docs/deployment.md": (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8"),
        "scripts/serve": (ROOT / "scripts" / "serve").read_text(encoding="utf-8"),
        "bench/serving.py": (ROOT / "bench" / "serving.py").read_text(encoding="utf-8"),
    }
    for name, text in started.items():
        assert re.search(r'"--config",\s*str\(ROOT / "gunicorn.conf.py"\)|--config gunicorn.conf.py', text), name
        # workers, threads and the access log come from the file alone
        assert not re.search(r"--workers|--threads|--access-logfile|\"--worker-class", text), name
