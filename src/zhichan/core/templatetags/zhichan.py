from django import template

register = template.Library()


@register.filter
def model_name(obj) -> str:
    """The verbose name of a model class or instance."""
    return str(obj._meta.verbose_name)
