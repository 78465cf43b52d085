import pytest
from django.urls import reverse

from zhichan.core.models import Membership, Person, Region, Unit

pytestmark = pytest.mark.django_db


def in_english(client):
    client.cookies["django_language"] = "en"
    return client


@pytest.mark.parametrize(
    ("username", "heading"),
    [
        ("office", "Programme office workbench"),
        ("leader", "Leadership workbench"),
        ("amr-liaison", "Member-unit workbench"),
        ("shuitou-liaison", "Township workbench"),
        ("enterprise", "Enterprise workbench"),
    ],
)
def test_each_role_has_its_workbench(client_for, username, heading):
    html = in_english(client_for(username)).get("/").content.decode()
    assert heading in html


def test_workbench_in_chinese_by_default_whatever_the_browser_asks(client_for):
    html = client_for("office").get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="zh-hans"' in html


def test_liaison_workbench_shows_its_unit(client_for):
    html = client_for("court-liaison").get("/").content.decode()
    assert "市法院" in html and "市市场监管局" not in html
    assert "区划：<a" in html  # a full-width colon after a Chinese label
    assert "Region: <a" in in_english(client_for("court-liaison")).get("/").content.decode()


def test_enterprise_workbench_marks_synthetic_records(client_for):
    html = in_english(client_for("enterprise")).get("/").content.decode()
    assert "南安示例石材有限公司" in html and "synthetic demo record" in html


def test_region_pages(client_for):
    client = client_for("office")
    html = client.get(reverse("region-list")).content.decode()
    assert "350583119000" in html and "水头镇" in html
    assert "1,527,000" in html  # the latest figure (2021) beside the county
    park = Region.objects.get(name="南安经济开发区")
    html = client.get(reverse("region-detail", args=[park.pk])).content.decode()
    assert 'data-testid="no-code"' in html
    county = Region.objects.get(code="350583")
    html = client.get(reverse("region-detail", args=[county.pk])).content.decode()
    assert "第七次全国人口普查" in html and "水头镇" in html


def test_township_liaison_region_list_is_its_township(client_for):
    html = client_for("shuitou-liaison").get(reverse("region-list")).content.decode()
    assert "水头镇" in html and "溪美街道" not in html


def test_roster_page_lists_the_annex(client_for):
    html = client_for("amr-liaison").get(reverse("roster")).content.decode()
    for name in ["张桂森", "陈志慧", "郑锦民", "翁启栋", "黄克勇"]:
        assert name in html
    assert "Change holder" not in html and "更换" not in html  # only the office changes seats


def test_only_the_office_opens_the_seat_change_form(client_for):
    seat = Membership.objects.get(committee__key="leading-group", person__name="林灵敏")
    url = reverse("seat-change", args=[seat.pk])
    for username in ("leader", "amr-liaison", "shuitou-liaison"):
        client = client_for(username)
        assert client.get(url).status_code == 403
        assert "更换" not in client.get(reverse("roster")).content.decode()
    assert client_for("office").get(url).status_code == 200


def test_office_changes_a_seat_holder_on_the_page(client_for):
    client = client_for("office")
    seat = Membership.objects.get(committee__key="leading-group", person__name="林灵敏")
    successor = Person.objects.create(name="继任者", unit=seat.unit)
    bad = client.post(
        reverse("seat-change", args=[seat.pk]), {"person": successor.pk, "post": "市统计局局长", "on": "2021-01-01"}
    )
    assert bad.status_code == 200 and "2022-01-25" in bad.content.decode()
    response = client.post(
        reverse("seat-change", args=[seat.pk]), {"person": successor.pk, "post": "市统计局局长", "on": "2023-06-01"}
    )
    assert response.status_code == 302
    html = client.get(reverse("roster")).content.decode()
    assert "继任者" in html and "林灵敏" in html  # the former holder stays, under former holders


def test_liaison_adds_ip_staff_to_its_own_unit(client_for):
    client = client_for("amr-liaison")
    amr = Unit.objects.get(key="amr")
    response = client.post(
        reverse("person-create", args=[amr.pk]),
        {"name": "知识产权专员甲", "unit": amr.pk, "is_ip_staff": "on", "active": "on"},
    )
    assert response.status_code == 302
    person = Person.objects.get(name="知识产权专员甲")
    assert person.is_ip_staff and person.unit == amr
    # The form offers only its own unit; posting another unit's id is rejected.
    court = Unit.objects.get(key="court")
    response = client.post(reverse("person-create", args=[amr.pk]), {"name": "乙", "unit": court.pk})
    assert response.status_code == 200 and not Person.objects.filter(name="乙").exists()


def test_leader_cannot_edit_people(client_for):
    person = Person.objects.filter(unit__key="amr").first()
    client = client_for("leader")
    assert client.get(reverse("person-edit", args=[person.pk])).status_code == 200
    assert client.post(reverse("person-edit", args=[person.pk]), {"name": "x"}).status_code == 403


def test_navigation_marks_modules_to_come(client_for, settings):
    # every planned module is built: a module planned and not installed is what the menu marks as coming
    settings.ZHICHAN_PLANNED_MODULES = [*settings.ZHICHAN_PLANNED_MODULES, ("reports", "Yearly reports")]
    html = in_english(client_for("leader")).get("/").content.decode()
    assert "Yearly reports" in html and "coming" in html


def test_pages_work_on_a_phone_viewport_meta(client_for):
    html = client_for("office").get("/").content.decode()
    assert 'name="viewport"' in html and "navbar-toggler" in html
