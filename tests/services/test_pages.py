"""The services pages: each list, detail and form renders for every staff role (with the phone's viewport meta, so
it fits 390 px), the forms enter records through the actions and show refusals, ID numbers show only to those who
keep the agency, and the exports open in Excel."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from zhichan.services.models import Agency, CustodyEngagement, Outlet
from zhichan.services.services import agencies

from .factories import make_agency, make_engagement, make_enterprise, make_outlet, township, uscc

D = datetime.date
STAFF = ["office", "leader", "amr-liaison", "court-liaison", "shuitou-liaison"]


@pytest.fixture
def records(users):
    engagement = make_engagement(None, n=1)
    agency = engagement.agency
    agencies.add_practitioner(agency, None, name="执业人甲", id_number="350583199001011234")
    agencies.add_qualification(agency, None, kind="执业许可证", valid_to=D(2020, 1, 1))
    outlet = make_outlet(None, n=1)
    return agency, outlet, engagement


@pytest.mark.parametrize("username", STAFF)
def test_every_page_renders_for_each_staff_role(client_for, records, username):
    agency, outlet, engagement = records
    client = client_for(username)
    for name, args in [
        ("agency-list", []),
        ("agency-detail", [agency.pk]),
        ("outlet-list", []),
        ("outlet-detail", [outlet.pk]),
        ("custody-list", []),
        ("custody-detail", [engagement.pk]),
    ]:
        response = client.get(reverse(name, args=args))
        assert response.status_code == 200, (name, username)
        assert 'name="viewport" content="width=device-width' in response.content.decode()
    page = client.get(reverse("agency-detail", args=[agency.pk])).content.decode()
    assert "执业人甲" in page and "期限届满" in page
    shows_id = username in ("office", "amr-liaison")
    assert ("350583199001011234" in page) is shows_id


def test_the_office_enters_an_agency_and_its_qualification_on_the_pages(client_for, users):
    client = client_for("office")
    assert "统一社会信用代码" in client.get(reverse("agency-new")).content.decode()
    data = {"name": "页面代理所", "uscc": uscc(21), "kinds": ["patent-agency"], "region": township().pk}
    response = client.post(reverse("agency-new"), data)
    agency = Agency.objects.get(name="页面代理所")
    assert response.status_code == 302 and response["Location"] == reverse("agency-detail", args=[agency.pk])
    response = client.post(reverse("agency-new"), {**data, "name": "重复代理所"})
    assert response.status_code == 400 and "页面代理所" in response.content.decode()
    response = client.post(
        reverse("agency-qualification-add", args=[agency.pk]), {"q-kind": "许可证", "q-valid_to": "2030-01-01"}
    )
    assert response.status_code == 302 and agency.qualifications.count() == 1
    response = client.post(reverse("agency-publish", args=[agency.pk]), {"pub-day": ""})
    agency.refresh_from_db()
    assert response.status_code == 302 and agency.published_on is not None
    client.post(reverse("agency-publish", args=[agency.pk]), {"withdraw": "1"})
    agency.refresh_from_db()
    assert agency.published_on is None
    edit = client.get(reverse("agency-edit", args=[agency.pk])).content.decode()
    assert "页面代理所" in edit


def test_a_liaison_reads_but_may_not_change_another_units_agency(client_for, users):
    agency = make_agency(None, n=1, unit_key="court")
    client = client_for("amr-liaison")
    page = client.get(reverse("agency-edit", args=[agency.pk]))
    assert page.status_code == 200 and 'data-testid="read-only"' in page.content.decode()
    assert client.post(reverse("agency-edit", args=[agency.pk]), {"name": "x"}).status_code == 403


def test_outlet_and_custody_forms(client_for, users):
    client = client_for("office")
    region = township().pk
    response = client.post(
        reverse("outlet-new"), {"kind": "brand-station", "name": "页面指导站", "host": "商会", "region": region}
    )
    outlet = Outlet.objects.get(name="页面指导站")
    assert response.status_code == 302
    response = client.post(
        reverse("outlet-activity-add", args=[outlet.pk]),
        {"a-day": "2024-05-01", "a-kind": "training", "a-title": "培训", "a-people_served": "30"},
    )
    assert response.status_code == 302 and outlet.activities.count() == 1
    enterprise = make_enterprise(7)
    agency = make_agency(None, n=7)
    data = {
        "enterprise_code": enterprise.uscc,
        "agency": agency.pk,
        "agreement_number": "页面-1",
        "start": "2024-01-01",
        "end": "2024-12-31",
        "custody_scope": "partial",
        "services": ["advice"],
        "fee": "10000",
        "payer": "enterprise",
    }
    response = client.post(reverse("custody-new"), {**data, "enterprise_code": uscc(99)})
    assert response.status_code == 400 and uscc(99) in response.content.decode()
    response = client.post(reverse("custody-new"), data)
    engagement = CustodyEngagement.objects.get(agreement_number="页面-1")
    assert response.status_code == 302 and engagement.enterprise_share == 10000
    for name, values in [
        ("custody-visit-add", {"v-day": "2024-03-01", "v-visitor": "专家乙", "v-needs": "专利布局"}),
        ("custody-service-add", {"s-day": "2024-03-02", "s-item": "advice"}),
        ("custody-rate", {"r-satisfaction": "5", "r-day": "2024-12-31"}),
    ]:
        assert client.post(reverse(name, args=[engagement.pk]), values).status_code == 302, name
    response = client.post(
        reverse("custody-visit-add", args=[engagement.pk]), {"v-day": "2023-01-01", "v-visitor": "x"}
    )
    assert response.status_code == 400
    engagement.refresh_from_db()
    assert engagement.satisfaction == 5 and engagement.visits.count() == 1


def test_the_exports_open_in_excel(client_for, records):
    client = client_for("leader")
    agency, _outlet, engagement = records
    book = load_workbook(io.BytesIO(client.get(reverse("agency-export")).content))
    values = [cell for row in book.active.iter_rows(values_only=True) for cell in row]
    assert agency.name in values and "350583199001011234" not in values
    book = load_workbook(io.BytesIO(client.get(reverse("custody-export")).content))
    values = [cell for row in book.active.iter_rows(values_only=True) for cell in row]
    assert engagement.agreement_number in values
