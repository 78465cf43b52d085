"""The project's settings with a throwaway module installed, to show a new app plugs in by INSTALLED_APPS alone."""

import os
from pathlib import Path

# Each parallel test worker keeps its own files (uploads, markers, static files) beside the others'.
if worker := os.environ.get("PYTEST_XDIST_WORKER"):
    os.environ["ZHICHAN_VAR_DIR"] = os.path.join(
        os.environ.get("ZHICHAN_VAR_DIR") or Path(__file__).parents[1] / "var" / "test", worker
    )

from zhichan.settings import *  # noqa: E402, F403
from zhichan.settings import INSTALLED_APPS  # noqa: E402

INSTALLED_APPS = [*INSTALLED_APPS, "tests.sample"]
