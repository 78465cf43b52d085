from django.utils.translation import gettext_lazy as _

from .modules import Module


class CoreConfig(Module):
    name = "zhichan.core"
    label = "core"
    verbose_name = _("Foundation")
    signals = ["sessions", "signals"]  # session renewal at sign-in, login audit

    def ready(self):
        super().ready()
        from django.utils.module_loading import autodiscover_modules

        from .modules import name_api_enums
        from .third_party import name_third_party_apps

        name_third_party_apps()
        name_api_enums()
        autodiscover_modules("events")  # each app's kinds of events, declared in its own events.py
