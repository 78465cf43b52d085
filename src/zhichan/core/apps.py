from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "zhichan.core"
    label = "core"
    verbose_name = _("Foundation")

    def ready(self):
        from django.utils.module_loading import autodiscover_modules

        from . import sessions, signals  # noqa: F401  (session renewal at sign-in, login audit)
        from .third_party import name_third_party_apps

        name_third_party_apps()
        autodiscover_modules("events")  # each app's kinds of events, declared in its own events.py
