"""What the outreach module publishes as open data (core/datasets.py): the calendar of trainings and publicity
activities — those the office put on the public calendar (`services/activities.py` `publish`), from the day it
set until it takes them off: the title, kind, campaign, audience, organiser, where and when, never the
participants, the speakers, the note or the sign-in address."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.columns import Column
from zhichan.core.datasets import Declared, changes, field_columns, label_of, published_by

from .events import ACTIVITY_WITHDRAWN
from .models import Activity

_published = published_by(Activity)

DATASETS = [
    Declared(
        key="trainings-calendar",
        title=_("Trainings and publicity calendar"),
        description=_(
            "The trainings, publicity events and activities in schools the programme's units hold: what, for whom, "
            "who organises it, where and when."
        ),
        rule=_(
            "Only the activities the office put on the public calendar, from the day it did, until it takes them off."
        ),
        frequency="weekly",
        period_column="starts_on",
        columns=field_columns(
            Activity,
            "title",
            ("kind", "get_kind_display"),
            ("campaign", lambda row: row.get_campaign_display() if row.campaign else ""),
            ("audience", "get_audience_display"),
            Column("organiser", label_of(Activity, "unit"), "unit__name"),
            ("region", "region__name"),
            "place starts_on ends_on hours",
        ),
        rows=lambda day: _published(day).select_related("unit", "region").order_by("starts_on", "pk"),
        modified=changes(_published, "updated", "published_on", events=(Activity, ACTIVITY_WITHDRAWN)),
    ),
]
