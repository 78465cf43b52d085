"""Two offices on one platform: Nan'an's and a city's over its counties. Each reads and acts on its own programme;
the city reads its counties' too but acts on none of them; neither is offered the other's files to reload."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from zhichan.core.models import Role, TaskProgress, Unit, User
from zhichan.core.services.organisation import load_organisation
from zhichan.core.services.regions import load_regions
from zhichan.programme.models import Assignment, ProgressReport, Task
from zhichan.programme.periods import periods
from zhichan.programme.services import planning, reporting, supervision
from zhichan.programme.services.loading import load_programme

from .conftest import MINI
from .test_side_by_side import CITY_ORGANISATION, CITY_REGIONS

pytestmark = pytest.mark.django_db


@pytest.fixture
def two(tmp_path):
    """Nan'an's small programme and the city's (the same tasks, over 泉州市), one submitted report in each, and
    each organisation's office account."""
    load_regions(CITY_REGIONS)
    load_organisation(CITY_ORGANISATION)
    city_file = tmp_path / "city.yaml"
    text = MINI.read_text(encoding="utf-8").replace("key: nanan-2022", "key: city-mini")
    city_file.write_text(text.replace('region: "350583"', 'region: "3505"').replace("unit: industry", "unit: amr"))
    found = {}
    for name, path, code in (("nanan", MINI, "350583"), ("city", city_file, "3505")):
        programme = load_programme(path)["programme"]
        office = User.objects.create(
            username=f"{name}-office", role=Role.OFFICE, unit=Unit.objects.get(organisation__code=code, key="office")
        )
        task = Task.objects.get(programme=programme, key="4.1.1")
        report = reporting.open_report(task, office.unit, periods(programme)[0], office)
        reporting.save_and_submit(report, office, narrative="已完成", percent=100, figures=[])
        found[name] = {"programme": programme, "office": office, "task": task, "report": report}
    return found


def test_an_office_reads_its_own_programme_and_a_city_its_counties(client, two):
    nanan, city = two["nanan"], two["city"]
    client.force_login(nanan["office"])
    assert client.get(reverse("programme-overview", args=[nanan["programme"].pk])).status_code == 200
    assert client.get(reverse("programme-overview", args=[city["programme"].pk])).status_code == 404
    assert client.get(reverse("report-detail", args=[city["report"].pk])).status_code == 404
    assert client.get(reverse("programme-closing", args=[city["programme"].pk])).status_code == 404
    client.force_login(city["office"])
    for programme in (city["programme"], nanan["programme"]):  # the city over its counties: both
        assert client.get(reverse("programme-overview", args=[programme.pk])).status_code == 200
    assert client.get(reverse("report-detail", args=[nanan["report"].pk])).status_code == 200


def test_a_city_office_does_not_read_its_countys_drafts(client, two):
    nanan, city = two["nanan"], two["city"]
    task = Task.objects.get(programme=nanan["programme"], key="4.1.2")
    unit = Assignment.objects.filter(task=task).first().unit
    draft = reporting.open_report(task, unit, periods(nanan["programme"])[0], nanan["office"])
    assert draft.state == ProgressReport.State.DRAFT
    assert ProgressReport.objects.visible_to(nanan["office"]).filter(pk=draft.pk).exists()
    assert not ProgressReport.objects.visible_to(city["office"]).filter(pk=draft.pk).exists()
    client.force_login(city["office"])
    assert client.get(reverse("report-detail", args=[draft.pk])).status_code == 404


def test_an_office_acts_only_on_its_own_programme(two):
    for own, other in (("nanan", "city"), ("city", "nanan")):
        office, theirs = two[own]["office"], two[other]
        report = ProgressReport.objects.get(pk=theirs["report"].pk)
        with pytest.raises(PermissionDenied):
            reporting.accept(report, office, "看过")
        with pytest.raises(PermissionDenied):
            reporting.send_back(report, office, "请补充")
        with pytest.raises(PermissionDenied):
            supervision.urge(
                office, theirs["office"].unit, "请抓紧", programme=theirs["programme"], task=theirs["task"]
            )
        with pytest.raises(PermissionDenied):
            planning.add_milestone(theirs["task"], office, title="节点", due=theirs["programme"].end)
        assignment = Assignment.objects.filter(task=theirs["task"]).first()
        with pytest.raises(PermissionDenied):
            planning.confirm(assignment, office)
        mine = ProgressReport.objects.get(pk=two[own]["report"].pk)
        assert reporting.accept(mine, office, "看过").state == ProgressReport.State.ACCEPTED


def test_the_pages_refuse_the_other_offices_review(client, two):
    nanan, city = two["nanan"], two["city"]
    client.force_login(city["office"])
    response = client.post(reverse("report-accept", args=[nanan["report"].pk]), {"note": "看过"})
    assert response.status_code == 403
    assert ProgressReport.objects.get(pk=nanan["report"].pk).state == ProgressReport.State.SUBMITTED
    client.force_login(nanan["office"])
    response = client.post(reverse("report-accept", args=[city["report"].pk]), {"note": "看过"})
    assert response.status_code == 404
    assert ProgressReport.objects.get(pk=city["report"].pk).state == ProgressReport.State.SUBMITTED


def test_each_office_is_offered_only_its_own_files_and_units(client, two):
    nanan, city = two["nanan"], two["city"]
    client.force_login(nanan["office"])
    regions = client.get(reverse("region-list")).content.decode()
    assert "350583-nanan.yaml" in regions and "3505-quanzhou.yaml" not in regions
    units = client.get(reverse("unit-list")).content.decode()
    assert "nanan-2022.yaml" in units and "泉州市市场监管局" not in units
    response = client.post(reverse("region-reload"), {"file": "3505-quanzhou.yaml"})
    assert response.status_code == 302 and not TaskProgress.objects.exists()
    client.force_login(city["office"])
    units = client.get(reverse("unit-list")).content.decode()
    assert "泉州市市场监管局" in units and "南安市人民政府" in units  # its counties' units, each with its organisation
    assert "nanan-2022.yaml" not in units


def test_an_office_sees_its_own_organisations_background_work(client, two):
    nanan, city = two["nanan"], two["city"]
    run = TaskProgress.objects.create(user=city["office"], label="重新载入")
    client.force_login(nanan["office"])
    assert client.get(reverse("task-detail", args=[run.pk])).status_code == 404
    assert "重新载入" not in client.get(reverse("task-list")).content.decode()
    client.force_login(city["office"])
    assert "重新载入" in client.get(reverse("task-list")).content.decode()


@pytest.fixture
def with_figures(two):
    """Both programmes' indicators files beside the programmes: the city's adds figures only its units report."""
    from zhichan.indicators.services.loading import load_indicators

    from .test_side_by_side import CITY, NANAN

    load_indicators(NANAN[1])
    load_indicators(CITY[1])
    return two


def _only_the_citys():
    from zhichan.indicators.models import DataElement

    return (
        DataElement.objects.filter(units__organisation__code="3505")
        .exclude(units__organisation__code="350583")
        .distinct()
        .first()
    )


def _a_period(element) -> str:
    return {"year": "2023", "quarter": "2023Q3", "month": "2023-07"}[element.period_type]


def test_an_office_enters_only_its_own_organisations_figures(client, with_figures):
    from zhichan.indicators.services.entry import Entry, EntryRefused, save_values

    nanan = with_figures["nanan"]["office"]
    theirs = _only_the_citys()
    period = _a_period(theirs)
    client.force_login(nanan)
    assert theirs.name not in client.get(f"/indicators/data/?period={period}").content.decode()
    assert theirs.name not in client.get("/indicators/data/elements/").content.decode()
    with pytest.raises(EntryRefused) as refused:
        save_values(nanan.unit, period, [Entry(theirs, "7")], nanan)
    assert "本组织机构不报送该数据项。" in str(refused.value.fields)
    response = client.post(f"/indicators/data/?period={period}", {"period": period, f"value-{theirs.pk}": "7"})
    assert not theirs.values.exists() and response.status_code in (200, 302)


def test_a_city_office_is_offered_no_forms_on_its_countys_programme(client, two):
    nanan, city = two["nanan"], two["city"]
    client.force_login(city["office"])
    report = client.get(reverse("report-detail", args=[nanan["report"].pk])).content.decode()
    assert 'data-testid="review-panel"' not in report
    supervision = client.get(reverse("programme-supervision", args=[nanan["programme"].pk])).content.decode()
    assert reverse("task-urge", args=[nanan["task"].pk]) not in supervision
    task = client.get(reverse("task-page", args=[nanan["task"].pk])).content.decode()
    assert reverse("task-assign", args=[nanan["task"].pk]) not in task
    own = client.get(reverse("report-detail", args=[city["report"].pk])).content.decode()
    assert 'data-testid="review-panel"' in own


def test_each_reader_starts_on_its_own_organisations_programme(rf, two):
    from zhichan.programme.services.choice import chosen_programme

    for name in ("nanan", "city"):
        request = rf.get("/dashboard/")
        request.user, request.session = two[name]["office"], {}
        assert chosen_programme(request) == two[name]["programme"]


def test_the_api_gives_each_office_what_its_pages_give(api_for, two):
    nanan, city = two["nanan"], two["city"]
    nanan_api, city_api = api_for(nanan["office"]), api_for(city["office"])
    keys = {row["key"] for row in nanan_api.get("/api/v1/programmes/").json()["results"]}
    assert keys == {nanan["programme"].key}
    assert nanan_api.get(f"/api/v1/programmes/{city['programme'].pk}/").status_code == 404
    assert nanan_api.get(f"/api/v1/reports/{city['report'].pk}/").status_code == 404
    keys = {row["key"] for row in city_api.get("/api/v1/programmes/").json()["results"]}
    assert keys == {nanan["programme"].key, city["programme"].key}  # the city reads its county's
    assert city_api.get(f"/api/v1/reports/{nanan['report'].pk}/").status_code == 200
