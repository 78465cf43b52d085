from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "zhichan.core"
    label = "core"
    verbose_name = _("Foundation")

    def ready(self):
        from . import sessions, signals  # noqa: F401  (session renewal at sign-in, login audit)
        from .third_party import name_third_party_apps

        name_third_party_apps()
