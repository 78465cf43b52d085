"""A programme offers and accepts only units of its own region's organisation: with a city's organisation loaded
beside Nan'an's (the same keys, and a unit named 南安市人民政府 in each), Nan'an's programme lists Nan'an's."""

from pathlib import Path

import pytest
from django.urls import reverse

from zhichan.core.models import Unit
from zhichan.core.services.organisation import load_organisation
from zhichan.programme.forms import AssignForm
from zhichan.programme.models import Urging

pytestmark = pytest.mark.django_db

CITY_FILE = Path(__file__).parent.parent / "core" / "city-organisation.yaml"


@pytest.fixture
def city():
    load_organisation(CITY_FILE)
    return Unit.objects.filter(organisation__code="3505")


def test_the_assign_form_offers_the_programmes_units(programme, city):
    offered = set(AssignForm(programme=programme).fields["unit"].queryset)
    assert offered == set(Unit.objects.filter(organisation__code="350583", active=True))
    assert not offered & set(city)


def test_supervision_lists_and_urges_only_the_programmes_units(client_for, programme, city):
    office = client_for("office")
    listed = office.get(reverse("programme-supervision", args=[programme.pk])).context["units"]
    assert set(listed) == set(Unit.objects.filter(organisation__code="350583", active=True))
    county_government = city.get(key="region-350583")  # 南安市人民政府 of the city's organisation
    office.post(reverse("unit-urge", args=[programme.pk]), {"unit": county_government.pk, "note": "请报送。"})
    assert not Urging.objects.exists()
    nanan_government = Unit.objects.get(organisation__code="350583", key="gov")
    office.post(reverse("unit-urge", args=[programme.pk]), {"unit": nanan_government.pk, "note": "请报送。"})
    assert Urging.objects.get().unit == nanan_government
