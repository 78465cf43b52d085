from django import template

from zhichan.core import messages

register = template.Library()


@register.filter
def model_name(obj) -> str:
    """The verbose name of a model class or instance ("" for none, e.g. a model no longer installed)."""
    meta = getattr(obj, "_meta", None)
    return str(meta.verbose_name) if meta is not None else ""


@register.filter
def grouped(value) -> str:
    """1517514 → 1,517,514 in every language (the zh-hans locale groups no digits)."""
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return value


CLOCK_CLASSES = {
    "on-time": "text-bg-light",
    "at-risk": "text-bg-warning",
    "overdue": "text-bg-danger",
    "met": "text-bg-success",
    "missed": "text-bg-secondary",
}


@register.filter
def clock_class(state) -> str:
    """The badge colour of a clock's state."""
    return CLOCK_CLASSES.get(str(state), "text-bg-light")


@register.filter
def item(mapping, key):
    """mapping[key] in a template, or None."""
    return mapping.get(key) if mapping else None


@register.filter
def bracketed(text, inside) -> str:
    """`text (inside)` in the reader's brackets (Chinese: 值（件）); the text alone when nothing is inside."""
    return str(messages.bracketed(text, inside))


@register.filter
def visible_to(rows, user):
    """The rows of a queryset (a related manager too) that the user may read: `{{ project.sets.all|visible_to:user }}`,
    so a page links only to records the reader can open."""
    queryset = rows.all() if hasattr(rows, "all") else rows
    return queryset.visible_to(user) if hasattr(queryset, "visible_to") else []
