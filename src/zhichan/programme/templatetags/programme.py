from django import template

from ..forms import shown_number

register = template.Library()

STATUS_CLASSES = {
    "done": "text-bg-success",
    "on-track": "text-bg-primary",
    "not-started": "text-bg-secondary",
    "at-risk": "text-bg-warning",
    "overdue": "text-bg-danger",
}
STATUS_FILLS = {
    "done": "#198754",
    "on-track": "#0d6efd",
    "not-started": "#adb5bd",
    "at-risk": "#ffc107",
    "overdue": "#dc3545",
}
REPORT_CLASSES = {
    "draft": "text-bg-light",
    "submitted": "text-bg-info",
    "returned": "text-bg-warning",
    "accepted": "text-bg-success",
}


@register.filter
def status_class(status) -> str:
    return STATUS_CLASSES.get(str(status), "text-bg-light")


@register.filter
def status_fill(status) -> str:
    """A status colour for SVG fill attributes (attributes, not styles, so the CSP allows them)."""
    return STATUS_FILLS.get(str(status), "#adb5bd")


@register.filter
def report_class(state) -> str:
    return REPORT_CLASSES.get(str(state), "text-bg-light")


@register.filter
def indent(depth) -> str:
    return f"ps-{min(int(depth) * 3, 5)}"


@register.filter
def typed_figure(value) -> str:
    """A reported figure as typed: 3, not 3.0."""
    return shown_number(value)


@register.filter
def township_parts(assignments) -> list:
    """The assignments of townships carrying a task out locally (shown as one count, not 28 names)."""
    return [a for a in assignments if a.role == "town"]


@register.filter
def unit_parts(assignments) -> list:
    """The assignments other than the townships'."""
    return [a for a in assignments if a.role != "town"]
