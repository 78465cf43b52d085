"""What the outreach module publishes as open data (core/datasets.py): the calendar of trainings and publicity
activities — those the office put on the public calendar (`services/activities.py` `publish`), from the day it
set until it takes them off: the title, kind, campaign, audience, organiser, where and when, never the
participants, the speakers, the note or the sign-in address."""

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from zhichan.core.columns import Column
from zhichan.core.datasets import Dataset, last_event, latest

from .events import ACTIVITY_WITHDRAWN
from .models import Activity


def _label(name):
    return Activity._meta.get_field(name).verbose_name


class Calendar(Dataset):
    key = "trainings-calendar"
    title = _("Trainings and publicity calendar")
    description = _(
        "The trainings, publicity events and activities in schools the programme's units hold: what, for whom, "
        "who organises it, where and when."
    )
    rule = _("Only the activities the office put on the public calendar, from the day it did, until it takes them off.")
    frequency = "weekly"
    period_column = "starts_on"
    columns = (
        Column("title", _label("title")),
        Column("kind", _label("kind"), "get_kind_display"),
        Column("campaign", _label("campaign"), lambda row: row.get_campaign_display() if row.campaign else ""),
        Column("audience", _label("audience"), "get_audience_display"),
        Column("organiser", _label("unit"), "unit__name"),
        Column("region", _label("region"), "region__name"),
        Column("place", _label("place")),
        Column("starts_on", _label("starts_on")),
        Column("ends_on", _label("ends_on")),
        Column("hours", _label("hours")),
    )

    def _published(self, day):
        return Activity.objects.filter(published_on__isnull=False, published_on__lte=day)

    def rows(self, day):
        return list(self._published(day).select_related("unit", "region").order_by("starts_on", "pk"))

    def modified(self, day):
        stamps = self._published(day).aggregate(updated=Max("updated"), published=Max("published_on"))
        return latest(stamps["updated"], stamps["published"], last_event(Activity, ACTIVITY_WITHDRAWN))


DATASETS = [Calendar()]
