"""The project's settings with a throwaway module installed, to show a new app plugs in by INSTALLED_APPS alone."""

from zhichan.settings import *  # noqa: F403
from zhichan.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "tests.sample"]
