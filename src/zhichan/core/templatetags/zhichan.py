from django import template

register = template.Library()


@register.filter
def model_name(obj) -> str:
    """The verbose name of a model class or instance."""
    return str(obj._meta.verbose_name)


@register.filter
def grouped(value) -> str:
    """1517514 → 1,517,514 in every language (the zh-hans locale groups no digits)."""
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return value
