"""What other apps add to the shell — workbench panels, navigation items, to-do lists, dashboard alerts, first-start
steps and daily jobs — without core importing them.

An app declares its hooks on its `core.modules.Module` config; `Module.ready()` registers them here, and the shell
reads them: `render_panels`, `nav_items`, `todos`, `dashboard_alerts`, `targets_as_of`, `FIRST_START`, `DAILY`.
"""

import datetime
from dataclasses import dataclass

from django.urls import reverse

PANELS = []
NAV_ITEMS = []
FIRST_START = []
DAILY = []
ALERTS = []
TODOS = []
TARGET_READERS = []
RIGHT_LINES = []


def register_panel(panel):
    PANELS.append(panel)
    return panel


def register_nav(label, url_name: str, roles, group=None):
    """A menu entry; entries of one `group` (a module with several pages) share one drop-down named after it."""
    NAV_ITEMS.append((label, url_name, frozenset(roles), group))


def render_panels(request) -> list[tuple[str, dict]]:
    return [shown for shown in (panel(request) for panel in PANELS) if shown]


def nav_items(role) -> list[tuple]:
    """(label, url, []) per entry the role sees, and (group, None, [(label, url), …]) per group, in order."""
    items, groups = [], {}
    for label, url_name, roles, group in NAV_ITEMS:
        if role not in roles:
            continue
        if group is None:
            items.append((label, reverse(url_name), []))
            continue
        if group not in groups:
            groups[group] = []
            items.append((group, None, groups[group]))
        groups[group].append((label, reverse(url_name)))
    # A group the role sees one entry of is that entry.
    return [
        (children[0][0], children[0][1], []) if len(children) == 1 else (label, url, children)
        for label, url, children in items
    ]


def register_first_start(step):
    FIRST_START.append(step)
    return step


def register_daily(job):
    DAILY.append(job)
    return job


def register_alerts(provider):
    """`provider(request) -> [(template name, context)]`: warnings the leadership dashboard shows about the
    reader's chosen programme as of the chosen day (none: today, or the programme's last day once it has ended) —
    e.g. its overdue tasks. The dashboard includes each template with its context as `alert`."""
    ALERTS.append(provider)
    return provider


def dashboard_alerts(request) -> list[tuple[str, dict]]:
    return [alert for provider in ALERTS for alert in provider(request)]


def register_target_reader(reader):
    """`reader(programme, day) -> {target id: row}`: where each target of a programme stood on a day (its value,
    status and forecast), for the programme's pages, which do not import the app that computes them."""
    TARGET_READERS.append(reader)
    return reader


def targets_as_of(programme, day) -> dict:
    found = {}
    for reader in TARGET_READERS:
        found.update(reader(programme, day))
    return found


@dataclass(frozen=True)
class RightLine:
    """A line another app adds to a patent's, trademark's or copyright's legal-status history (a pledge registered
    or released, a licence): its day, what happened, the detail, and the page of the record behind it. `badge`,
    when set, is shown at the top of the right's page while the line holds (质押中)."""

    date: datetime.date
    label: str
    text: str = ""
    url: str = ""
    badge: str = ""


def register_right_lines(provider):
    """`provider(user, right) -> [RightLine]`: the lines the user may read about one right, a few queries each."""
    RIGHT_LINES.append(provider)
    return provider


def right_lines(user, right) -> list[RightLine]:
    return [line for provider in RIGHT_LINES for line in provider(user, right)]


@dataclass(frozen=True)
class Todo:
    """One line of a workbench to-do list: what is waiting, how many, where it is done, and by when."""

    label: str
    url: str
    count: int = 1
    due: datetime.date | None = None
    overdue: bool = False
    kind: str = ""  # what it is, for tests and styling: review, figures, proposals, report, urging, …
    detail: str = ""  # a line under the label, e.g. the office's note on an urging


def register_todo(provider):
    """`provider(user) -> list[Todo]`: one function per list, a few queries each (never one per row)."""
    TODOS.append(provider)
    return provider


def todos(user) -> list[Todo]:
    """The user's to-do list from every app: dated items soonest first, then undated ones in the apps' order."""
    items = [item for provider in TODOS for item in provider(user)]
    return sorted(items, key=lambda item: (item.due is None, item.due or datetime.date.min))
