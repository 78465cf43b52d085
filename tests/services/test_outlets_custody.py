"""Outlet and custody actions: entry and change by the office and the liaison of the unit keeping them, activities
with yearly figures, custody engagements with their fee shares, services, visits and satisfaction, and the counts
by township and industry."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from zhichan.core.events import events_of
from zhichan.services.models import CustodyEngagement, Outlet
from zhichan.services.services import custody, outlets

from .factories import make_agency, make_engagement, make_enterprise, make_outlet, township

D = datetime.date


def test_outlets_are_kept_by_their_unit_and_their_activities_give_yearly_figures(users):
    outlet = make_outlet(users["shuitou-liaison"], n=1)
    assert outlet.unit == users["shuitou-liaison"].unit
    with pytest.raises(ValidationError) as refused:
        make_outlet(users["office"], n=1)  # the same kind and name
    assert "name" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        make_outlet(users["office"], n=3, kind="shop")
    assert "kind" in refused.value.message_dict
    with pytest.raises(PermissionDenied):
        outlets.update_outlet(outlet, users["amr-liaison"], host="x")
    for day, kind, people in (
        (D(2024, 3, 1), "training", 40),
        (D(2024, 5, 1), "consultation", 3),
        (D(2023, 1, 5), "other", 2),
    ):
        outlets.record_activity(
            outlet, users["shuitou-liaison"], day=day, kind=kind, title="活动", people_served=people
        )
    with pytest.raises(ValidationError) as refused:
        outlets.record_activity(
            outlet, users["office"], day=D(2024, 1, 1), kind="training", title="x", people_served=-1
        )
    assert "people_served" in refused.value.message_dict
    figures = outlets.yearly_figures(Outlet.objects.all())
    assert [(line["year"], line["activities"], line["people"]) for line in figures] == [(2024, 2, 43), (2023, 1, 2)]
    assert "activity_recorded" in " ".join(event.kind for event in events_of(outlet))


def test_an_engagement_with_its_fee_shares_services_visits_and_rating(users):
    office = users["office"]
    engagement = make_engagement(office, n=1)
    assert engagement.state_on(D(2024, 6, 1)) == "active" and engagement.state_on(D(2025, 1, 1)) == "ended"
    with pytest.raises(ValidationError) as refused:
        make_engagement(office, n=2, enterprise_share="5000", subsidy="5000")
    assert "subsidy" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        make_engagement(office, n=3, custody_scope="partial", services=[])
    assert "services" in refused.value.message_dict
    whole = make_engagement(office, n=4, custody_scope="full", services=[], payer="government", subsidy=None)
    assert whole.subsidy == whole.fee and whole.enterprise_share == 0
    with pytest.raises(ValidationError) as refused:
        make_engagement(office, n=5, agency=engagement.agency, agreement_number="TG-1")
    assert "agreement_number" in refused.value.message_dict
    custody.record_service(engagement, office, day=D(2024, 2, 1), item="maintenance")
    with pytest.raises(ValidationError) as refused:
        custody.record_visit(engagement, office, day=D(2023, 12, 1), visitor="王五")
    assert "day" in refused.value.message_dict
    custody.record_visit(engagement, office, day=D(2024, 3, 1), visitor="王五", needs="专利布局", follow_up="安排培训")
    with pytest.raises(ValidationError) as refused:
        custody.rate(engagement, office, satisfaction=6, day=D(2024, 12, 31))
    assert "satisfaction" in refused.value.message_dict
    custody.rate(engagement, office, satisfaction=4, day=D(2024, 12, 31), comment="满意")
    engagement.refresh_from_db()
    assert engagement.satisfaction == 4
    kinds = {event.kind for event in events_of(engagement)}
    assert {"custody.added", "custody.service_recorded", "custody.visited", "custody.rated"} <= kinds


def test_custody_is_kept_by_the_following_unit_and_read_by_all_staff(users):
    engagement = make_engagement(None, n=1, unit_key="court")
    with pytest.raises(PermissionDenied):
        custody.record_visit(engagement, users["amr-liaison"], day=D(2024, 3, 1), visitor="x")
    custody.record_visit(engagement, users["court-liaison"], day=D(2024, 3, 1), visitor="x")
    with pytest.raises(PermissionDenied):
        custody.update_engagement(engagement, users["leader"], note="x")
    for name in ("leader", "amr-liaison", "shuitou-liaison"):
        assert CustodyEngagement.objects.visible_to(users[name]).count() == 1
    assert not CustodyEngagement.objects.visible_to(users["enterprise"]).exists()


def test_counts_by_township_and_industry(users):
    agency = make_agency(None, n=50)
    first, second = township(0), township(1)
    for n, (region, industry) in enumerate([(first, "C3032"), (first, "C3032"), (second, "F51")], start=1):
        make_engagement(None, n=n, agency=agency, enterprise=make_enterprise(n, region=region, industry_code=industry))
    found = CustodyEngagement.objects.all()
    assert custody.counts_by(found, "enterprise__region__name") == [(first.name, 2), (second.name, 1)]
    assert custody.counts_by(found, "enterprise__industry_code") == [("C3032", 2), ("F51", 1)]


def test_a_visit_by_an_expert_of_the_pool(users, new_expert):
    from django.test import Client
    from django.urls import reverse

    office = users["office"]
    engagement = make_engagement(office, n=1)
    expert = new_expert(name="林专家")
    with pytest.raises(ValidationError) as refused:
        custody.record_visit(engagement, office, day=D(2024, 3, 1))
    assert "visitor" in refused.value.message_dict
    visit = custody.record_visit(engagement, office, day=D(2024, 3, 1), expert=expert, needs="专利布局")
    assert visit.visitor == "林专家" and visit.expert == expert
    client = Client()
    client.force_login(users["office"])
    page = client.get(reverse("expert-detail", args=[expert.pk])).content.decode()
    assert reverse("custody-detail", args=[engagement.pk]) in page  # the expert's page lists the visit
    posted = client.post(
        reverse("custody-visit-add", args=[engagement.pk]),
        {"v-day": "2024-04-02", "v-expert": expert.pk, "v-needs": "商标布局"},
    )
    assert posted.status_code == 302 and engagement.visits.filter(expert=expert).count() == 2
