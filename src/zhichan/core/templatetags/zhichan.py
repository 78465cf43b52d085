from django import template

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
