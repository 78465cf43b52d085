"""Schemes as data: a scheme that cannot be scored is refused at load with the file, the path and the reason; the
shipped scheme loads; the office edits a scheme on its page, and a refused edit keeps what was typed."""

import pytest
from django.urls import reverse

from zhichan.assessment.models import Scheme
from zhichan.assessment.services.schemes import folder, read_scheme
from zhichan.core.services.datafile import DataFileError

from .factories import SCHEME, make_scheme, nanan

pytestmark = pytest.mark.django_db


def _refused(text: str) -> str:
    with pytest.raises(DataFileError) as caught:
        read_scheme(text, "schemes/x.yaml", nanan())
    return str(caught.value)


def test_the_shipped_scheme_loads_against_the_organisation():
    for path in folder().glob("*.yaml"):
        scheme = read_scheme(path.read_text(encoding="utf-8"), path.name, nanan())
        assert scheme["illustrative"] is True  # no rules were found in a source: the file says it is an example
        assert {group["key"] for group in scheme["groups"]} == {"departments", "townships"}


def test_weights_that_do_not_add_up_are_refused_naming_the_group():
    message = _refused(SCHEME.replace("weight: 30, source: reports_on_time", "weight: 25, source: reports_on_time"))
    assert message == "schemes/x.yaml: groups[0].items: the weights of the scored items add up to 95, not 100"


def test_an_item_with_no_source_is_refused():
    message = _refused(SCHEME.replace("weight: 20, source: tasks_on_time", "weight: 20"))
    assert message == "schemes/x.yaml: groups[0].items[1].source: is required"


def test_a_duplicate_item_is_refused():
    message = _refused(SCHEME.replace("key: tasks,", "key: reports,"))
    assert message == "schemes/x.yaml: groups[0].items[1].key: duplicate item 'reports'"


def test_unknown_sources_units_and_misused_sources_are_refused():
    assert "expected manual or one of" in _refused(SCHEME.replace("source: tasks_on_time", "source: tasks"))
    assert _refused(SCHEME.replace("keys: [amr,", "keys: [nobody,")).endswith(
        "groups[0].units.keys[0]: unknown unit 'nobody'"
    )
    assert "counts occurrences" in _refused(
        SCHEME.replace("weight: 20, source: tasks_on_time", "weight: 20, source: reports_returned")
    )
    assert "only a manual item has an assessor" in _refused(
        SCHEME.replace("source: manual, assessor: gov-office", "source: reports_returned, assessor: gov-office")
    )


def test_grades_must_end_with_one_that_takes_every_unit_left():
    message = _refused(SCHEME.replace("{key: fail, name: 不合格}", "{key: fail, name: 不合格, min: 0}"))
    assert message.endswith("groups[0].grades[2]: the last grade takes every unit left: give it no min and no share")


def test_the_office_edits_a_scheme_and_a_refused_edit_keeps_the_text(client, users):
    scheme = make_scheme()
    client.force_login(users["office"])
    url = reverse("assessment-scheme", args=[scheme.pk])
    typed = SCHEME.replace("weight: 30, source: reports_on_time", "weight: 31, source: reports_on_time")
    response = client.post(url, {"text": typed})
    assert response.status_code == 400
    page = response.content.decode()
    assert "add up to 101, not 100" in page
    assert "weight: 31, source: reports_on_time" in page  # what was typed is still there to correct
    response = client.post(url, {"text": SCHEME.replace("name: 测试考核办法", "name: 改名的考核办法")})
    assert response.status_code == 302
    assert Scheme.objects.get(pk=scheme.pk).name == "改名的考核办法"


def test_only_the_office_edits_a_scheme(client, users):
    scheme = make_scheme()
    client.force_login(users["leader"])
    assert client.post(reverse("assessment-scheme", args=[scheme.pk]), {"text": SCHEME}).status_code == 403
