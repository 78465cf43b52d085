"""`{% event_log record %}`: the events on a record, under its field history. The page has already checked that
the user may see the record; the list is its own events only."""

from django import template
from django.apps import apps

from ..events import events_of, events_on

register = template.Library()

SHOWN = 20


@register.inclusion_tag("core/_events.html")
def event_log(record):
    return {"events": list(events_of(record)[:SHOWN])}


@register.inclusion_tag("core/_events.html", takes_context=True)
def recent_events(context, label):
    """The latest events on the records of a model ("indicators.DataValue") that the page's user may see."""
    return {"events": list(events_on(apps.get_model(label), context["user"])[:SHOWN])}
