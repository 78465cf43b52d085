"""Two programmes of different regions on one platform: Nan'an's county programme and a city programme over its
counties (Nan'an among them), loaded in either order. Every row of Nan'an's — its regions, organisation,
programme, readings and computed values — is the same whichever came first, and loading the city changes none."""

import pytest
import yaml
from django.conf import settings
from django.core.exceptions import PermissionDenied

from zhichan.core.models import Committee, Membership, Person, Region, Role, Unit, User
from zhichan.core.services.calendar import WorkCalendar, add_workdays
from zhichan.core.services.organisation import load_organisation
from zhichan.core.services.regions import load_regions
from zhichan.indicators.models import DataElement, IndicatorValue, Reading, ValidationRule
from zhichan.indicators.periods import parse_period
from zhichan.indicators.services.compute import compute
from zhichan.indicators.services.loading import load_indicators
from zhichan.indicators.services.readings import change_reading
from zhichan.indicators.todos import unit_todos
from zhichan.programme.models import Programme
from zhichan.programme.services.loading import load_programme
from zhichan.programme.todos import office_todos as programme_office_todos

from ..conftest import ORGANISATION_FILE, REGIONS_FILE

pytestmark = pytest.mark.django_db

PROJECT = settings.PROJECT_DIR
NANAN = (PROJECT / "programmes" / "nanan-2022.yaml", PROJECT / "data" / "indicators" / "nanan-2022.yaml")
CITY_REGIONS = PROJECT / "data" / "regions" / "3505-quanzhou.yaml"
CITY_ORGANISATION = PROJECT / "tests" / "core" / "city-organisation.yaml"
CITY = (
    PROJECT / "tests" / "programme" / "city-programme.yaml",
    PROJECT / "tests" / "programme" / "city-indicators.yaml",
)
PERIODS = [parse_period("2023-06"), parse_period("2023")]


def load_city():
    load_regions(CITY_REGIONS)
    load_organisation(CITY_ORGANISATION)
    load_programme(CITY[0])
    load_indicators(CITY[1])
    compute(periods=PERIODS, programme="test-city-2023")


def load_nanan():
    load_regions(REGIONS_FILE)
    load_organisation(ORGANISATION_FILE)
    load_programme(NANAN[0])
    load_indicators(NANAN[1])
    compute(periods=PERIODS, programme="nanan-2022")


def ordered(rows):
    return sorted(rows, key=repr)  # rows hold None beside text (a zone has no code)


def without(rows, *names):
    return sorted(({k: v for k, v in row.items() if k not in names} for row in rows), key=repr)


def nanan_codes(key) -> list[str]:
    return [row["code"] for row in yaml.safe_load(NANAN[1].read_text(encoding="utf-8"))[key]]


def nanan_rows() -> dict:
    """Every row of Nan'an's by what it says, not by its id (the two orders give the rows other ids)."""
    county = Region.objects.get(code="350583")
    organisation = {"organisation": county}
    programme = Programme.objects.get(key="nanan-2022")
    values = IndicatorValue.objects.filter(reading__programme="nanan-2022")
    return {
        "regions": ordered(
            Region.objects.filter(path__startswith=county.path).values_list("code", "name", "name_en", "kind", "depth")
        ),
        "population": ordered(county.populations.values_list("year", "value", "source")),
        "units": without(
            Unit.objects.filter(**organisation).values("key", "name", "kind", "region__code", "parent__key", "order"),
        ),
        "people": ordered(Person.objects.filter(unit__organisation=county).values_list("unit__key", "name", "title")),
        "committees": without(
            Committee.objects.filter(**organisation).values("key", "name", "parent__key", "host_unit__key")
        ),
        "seats": ordered(
            Membership.objects.filter(committee__organisation=county).values_list(
                "committee__key", "person__name", "seat", "post", "unit__key", "start", "end"
            )
        ),
        "programme": without([Programme.objects.filter(pk=programme.pk).values()[0]], "id"),
        "targets": without(programme.targets.values(), "id", "programme_id", "goal_id", "parent_id"),
        "tasks": without(programme.tasks.values(), "id", "programme_id", "parent_id", "goal_id"),
        "assignments": ordered(programme.tasks.values_list("key", "assignments__unit__key", "assignments__role")),
        "readings": ordered(
            Reading.objects.filter(programme="nanan-2022").values_list(
                "indicator__code", "window", "since", "reading", "revision"
            )
        ),
        # Data elements and validation rules are shared by code (the city's file defines some of Nan'an's the
        # same): each says what Nan'an's file says; which file came first keeps its place in the list.
        "elements": without(
            DataElement.objects.filter(code__in=nanan_codes("data_elements")).values(), "id", "order", "source_file"
        ),
        "rules": without(
            ValidationRule.objects.filter(code__in=nanan_codes("validation_rules")).values(),
            "id",
            "order",
            "source_file",
        ),
        "reporters": ordered(
            (element.code, unit.key)
            for element in DataElement.objects.all()
            for unit in element.units.filter(**organisation)
        ),
        "values": ordered(
            values.values_list(
                "indicator__code", "region__code", "period", "value", "numerator", "denominator", "reason"
            )
        ),
    }


def test_the_city_loaded_after_nanan_changes_nothing_of_nanans():
    load_nanan()
    before = nanan_rows()
    assert before["values"] and before["readings"] and before["units"]
    load_city()
    assert nanan_rows() == before
    shared = DataElement.objects.filter(code__in=nanan_codes("data_elements"))
    assert set(shared.values_list("source_file", flat=True)) == {"nanan-2022.yaml"}
    assert ValidationRule.objects.get(code="on-time-closures-within-closures").source_file == "nanan-2022.yaml"
    # The city is all there beside it: its own government, its own readings and values over its counties.
    assert Unit.objects.get(organisation__code="3505", key="gov").name == "泉州市人民政府"
    assert IndicatorValue.objects.filter(reading__programme="test-city-2023", region__code="350582").exists()
    since = dict(Reading.objects.filter(indicator__code="copyright-registrations").values_list("programme", "since"))
    assert {key: str(day) for key, day in since.items()} == {"nanan-2022": "2022-01-01", "test-city-2023": "2024-01-01"}
    load_nanan()  # a reload of Nan'an finds its own rows again
    assert nanan_rows() == before


def test_nanan_loaded_after_the_city_is_as_if_alone(django_db_blocker):
    load_nanan()
    alone = nanan_rows()
    # Start over with the city first: Nan'an's programme and readings removed, its regions and units kept (the
    # test database holds them), then everything of Nan'an's loaded again after the city.
    IndicatorValue.objects.all().delete()
    Reading.objects.filter(programme="nanan-2022").delete()
    Programme.objects.filter(key="nanan-2022").delete()
    load_city()
    load_nanan()
    after = nanan_rows()
    assert after == alone


def test_a_city_units_figures_are_due_on_the_city_programmes_days():
    load_city()
    Programme.objects.filter(key="test-city-2023").update(report_due_days=3)
    city_amr = Unit.objects.get(organisation__code="3505", key="amr")
    liaison = User.objects.create(username="city-amr", role=Role.UNIT_LIAISON, unit=city_amr)
    todos = [t for t in unit_todos(liaison) if t.kind == "figures"]
    assert todos
    city = Programme.objects.get(key="test-city-2023")
    for todo in todos:
        period = parse_period(todo.url.split("period=")[1])
        assert city.start.year <= period.start.year <= city.end.year  # the city programme's years, not Nan'an's
        assert todo.due == add_workdays(period.end, 3, WorkCalendar()).date


def office_of(code, username):
    return User.objects.create(
        username=username, role=Role.OFFICE, unit=Unit.objects.get(organisation__code=code, key="office")
    )


def test_each_office_changes_only_its_own_programmes_readings(client):
    load_nanan()
    load_city()
    nanan_office, city_office = office_of("350583", "nanan-office"), office_of("3505", "city-office")
    readings = {r.programme: r for r in Reading.objects.filter(indicator__code="copyright-registrations")}
    data = {"window": "cumulative", "since": "2023-01-01", "text": "改"}
    for user, own, other in (
        (nanan_office, "nanan-2022", "test-city-2023"),
        (city_office, "test-city-2023", "nanan-2022"),
    ):
        client.force_login(user)
        before = Reading.objects.get(pk=readings[other].pk).revision
        client.post("/programmes/choose/", {"programme": other})
        page = client.get(f"/indicators/{readings[other].indicator_id}/").content.decode()
        if user == city_office:  # the city reads its county's programme, without the form to change it
            assert client.session.get("programme") == other and 'data-testid="reading-form"' not in page
        else:  # a county does not read its city's
            assert client.session.get("programme") != other
        client.post("/programmes/choose/", {"programme": own})
        page = client.get(f"/indicators/{readings[own].indicator_id}/").content.decode()
        assert 'data-testid="reading-form"' in page
        assert client.post(f"/indicators/readings/{readings[other].pk}/", data).status_code == 403
        assert Reading.objects.get(pk=readings[other].pk).revision == before
        with pytest.raises(PermissionDenied):
            change_reading(readings[other], user, window="cumulative", since=None, options={}, text="")
        # Its own: saved, and the page goes on to the recompute's progress.
        response = client.post(f"/indicators/readings/{readings[own].pk}/", data)
        assert response.status_code == 302 and response.url.startswith("/tasks/")
        assert Reading.objects.get(pk=readings[own].pk).since.isoformat() == "2023-01-01"


def test_workbench_and_todos_are_about_the_users_own_programme(client):
    load_nanan()
    load_city()
    nanan = Programme.objects.get(key="nanan-2022")
    city = Programme.objects.get(key="test-city-2023")
    nanan_office, city_office = office_of("350583", "nanan-office"), office_of("3505", "city-office")
    for user, own, other in ((nanan_office, nanan, city), (city_office, city, nanan)):
        client.force_login(user)
        page = client.get("/").content.decode()
        assert own.name in page and other.name not in page
        links = [todo.url for todo in programme_office_todos(user)]
        assert links and all(f"/programmes/{own.pk}/" in url for url in links)
