"""A reported figure's steps are events, listed on the review page to those who may see the figure."""

import pytest
from django.urls import reverse

from zhichan.core.events import events_of
from zhichan.indicators.models import DataElement
from zhichan.indicators.services import entry
from zhichan.indicators.services.entry import Entry

pytestmark = pytest.mark.django_db


def test_saving_submitting_approving_and_returning_a_figure_are_events(loaded, users, client_for):
    closed = DataElement.objects.get(code="enforcement-cases-closed")
    liaison, office = users["amr-liaison"], users["office"]
    (row,) = entry.save_values(liaison.unit, "2024Q2", [Entry(closed, "10", "台账")], liaison)
    entry.save_values(liaison.unit, "2024Q2", [Entry(closed, "10", "台账")], liaison, submit=True)
    row.refresh_from_db()
    entry.approve(row, office)
    entry.send_back(row, office, "请核对台账。")
    events = list(reversed(events_of(row)))
    assert [e.kind for e in events] == ["figure.saved", "figure.submitted", "figure.approved", "figure.returned"]
    assert events[-1].reason == "请核对台账。" and events[0].unit == liaison.unit and events[0].region == row.region
    html = client_for("office").get(reverse("data-review")).content.decode()
    assert 'data-event="figure.returned"' in html and "请核对台账。" in html


def test_a_recompute_the_office_starts_is_an_event_on_its_run(loaded, users):
    from zhichan.core.services.progress import start
    from zhichan.indicators.tasks import compute_task

    progress = start(compute_task, "recompute", users["office"])
    (event,) = events_of(progress)
    assert (event.kind, event.user) == ("indicators.computed", users["office"])
