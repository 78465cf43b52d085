"""Where an app plugs into the platform: one class, its AppConfig, says everything the shell needs of it — a
subclass of `Module` naming its menu items and hooks (see programme/apps.py, or tests/sample/apps.py for all).

Hooks are dotted paths inside the app (resolved when the app registry is ready, so apps.py imports no models).
Found by name, like Django's admin.py, and never listed here: the page URLs (`<app>.urls`: `urlpatterns`), the
API (`<app>.api_urls`: `ROUTES` of (prefix, viewset) on the one /api/v1/ router, and plain `urlpatterns`), the
metrics (`<app>.metrics`), the published datasets (`<app>.datasets`, core/datasets.py), the import kinds
(`<app>.imports`), the kinds of events (`<app>.events`). The roles
of each page and endpoint are declared on the view itself (`core.access.allow`, `allowed_roles`); the permission
tests read the app's own table in `tests/<label>/permissions.py`.

The project's `urls.py` and `api_urls.py` read the installed modules, and the "coming" menu lists the modules of
`settings.ZHICHAN_PLANNED_MODULES` that are not installed yet, so adding an app edits only `INSTALLED_APPS`.
"""

from dataclasses import dataclass
from importlib import import_module
from importlib.util import find_spec

from django.apps import AppConfig, apps
from django.conf import settings
from django.utils.module_loading import import_string

from . import extensions


@dataclass(frozen=True)
class Menu:
    """A navigation item: its label, the URL name it opens and the roles that see it."""

    label: str
    url_name: str
    roles: frozenset


class Module(AppConfig):
    """An app of the platform. Subclass it in the app's apps.py and fill in what the app adds."""

    # apps.py imports this class too: Django must take the app's subclass, never this base, as the app's config.
    default = False

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "default" not in cls.__dict__:
            cls.default = True

    menu: list = []
    # A label under which the menu entries share one drop-down (a module of several pages), so the bar keeps
    # fitting a laptop screen as modules are added; None: each entry on the bar.
    menu_group = None
    panels: list = []  # `panel(request) -> (template, context) | None`, shown on the workbench
    todos: list = []  # `provider(user) -> [Todo]`
    alerts: list = []  # `provider(day) -> [(template, context)]`, warnings on the leadership dashboard
    first_start: list = []  # `step(stdout, demo=bool)`, run by `manage.py bootstrap`
    daily: list = []  # `job(stdout, today)`, run by `manage.py send_reminders`
    target_readers: list = []  # `reader(programme, day) -> {target id: row}`
    right_lines: list = []  # `provider(user, right) -> [RightLine]`, in a right's legal-status history
    signals: list = []  # modules imported when ready, connecting the app's receivers
    # The API schema's name for a set of choices (dotted path) where the schema would otherwise make one up: two
    # fields called `state` of different records, or one set of choices under two field names.
    api_enums: dict = {}

    def ready(self):
        for module in self.signals:
            import_module(self.dotted(module))
        for item in self.menu:
            extensions.register_nav(item.label, item.url_name, item.roles, self.menu_group)
        for hooks, register in [
            (self.panels, extensions.register_panel),
            (self.todos, extensions.register_todo),
            (self.alerts, extensions.register_alerts),
            (self.first_start, extensions.register_first_start),
            (self.daily, extensions.register_daily),
            (self.target_readers, extensions.register_target_reader),
            (self.right_lines, extensions.register_right_lines),
        ]:
            for hook in hooks:
                register(import_string(self.dotted(hook)))

    def dotted(self, path: str) -> str:
        return f"{self.name}.{path}"

    def part(self, name: str):
        """The app's module `name` (e.g. "urls"), or None when the app has none."""
        dotted = self.dotted(name)
        return import_module(dotted) if find_spec(dotted) is not None else None


def installed() -> list[Module]:
    """The installed modules, in INSTALLED_APPS order."""
    return [config for config in apps.get_app_configs() if isinstance(config, Module)]


def parts(name: str) -> list:
    """Each installed module's `name` module (urls, api_urls, metrics, imports…), where it has one."""
    return [part for part in (config.part(name) for config in installed()) if part is not None]


def page_urls() -> list:
    """Every module's page URLs, for the project's urls.py."""
    return [pattern for urls in parts("urls") for pattern in urls.urlpatterns]


def api_routes() -> list[tuple]:
    return [route for urls in parts("api_urls") for route in getattr(urls, "ROUTES", [])]


def api_paths() -> list:
    return [pattern for urls in parts("api_urls") for pattern in getattr(urls, "urlpatterns", [])]


def name_api_enums():
    """Every module's names for its sets of choices, given to the schema generator (read when a schema is built,
    after every app is ready)."""
    names = settings.SPECTACULAR_SETTINGS.setdefault("ENUM_NAME_OVERRIDES", {})
    for config in installed():
        names.update(config.api_enums)


def coming() -> list:
    """Names of the planned modules not installed yet, shown in the menu as coming."""
    labels = {config.label for config in installed()}
    return [name for label, name in getattr(settings, "ZHICHAN_PLANNED_MODULES", []) if label not in labels]
