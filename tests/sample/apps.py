"""A throwaway module that plugs in as any new app would: only this folder and INSTALLED_APPS (tests/settings.py)."""

from zhichan.core.modules import Menu, Module
from zhichan.core.roles import STAFF


class SampleConfig(Module):
    name = "tests.sample"
    label = "sample"
    verbose_name = "Sample"
    menu = [Menu("Notes", "note-list", STAFF)]
    panels = ["hooks.panel"]
    todos = ["hooks.todos"]
    alerts = ["hooks.alerts"]
    first_start = ["hooks.first_start"]
    daily = ["hooks.daily"]
