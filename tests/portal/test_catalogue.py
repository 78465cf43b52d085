import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied

from zhichan.core.events import events_of
from zhichan.core.services.datafile import DataFileError
from zhichan.portal.models import RequestState, Service, StateLabel, Target
from zhichan.portal.services.catalogue import FILE, change_service, load_services, reword_states

pytestmark = pytest.mark.django_db


def test_the_catalogue_loads_every_service_of_the_plan(catalogue):
    codes = set(Service.objects.values_list("code", flat=True))
    assert {"complaint", "tip", "rights-assistance", "mediation", "custody", "pledge-consultation", "subsidy"} <= codes
    assert {"patent-search", "training-registration"} <= codes
    complaint = Service.objects.get(code="complaint")
    assert complaint.target == Target.COMPLAINT and complaint.unit.key == "amr"
    assert complaint.rule.key == "complaint-acceptance" and not complaint.anonymous
    assert Service.objects.get(code="tip").anonymous
    assert [field["key"] for field in complaint.fields] == ["ip_type", "respondent", "respondent_credit_code"]
    assert StateLabel.objects.count() == len(RequestState.values)


def test_an_office_edit_survives_a_reload(catalogue, users):
    service = Service.objects.get(code="patent-search")
    change_service(service, users["office"], name="专利检索帮助（网点）")
    assert not Service.objects.get(code="patent-search").from_file
    result = load_services(settings.PROJECT_DIR / FILE)
    assert result["kept"] == 1
    assert Service.objects.get(code="patent-search").name == "专利检索帮助（网点）"
    assert [event.kind for event in events_of(service)] == ["portal.service_changed"]


def test_only_the_office_edits_the_catalogue(catalogue, users):
    service = Service.objects.get(code="patent-search")
    with pytest.raises(PermissionDenied):
        change_service(service, users["amr-liaison"], name="x")
    with pytest.raises(PermissionDenied):
        reword_states(users["leader"], {"received": ("已收件", "")})


def test_a_complaint_may_not_be_made_anonymous(catalogue, users):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="只有举报"):
        change_service(Service.objects.get(code="complaint"), users["office"], anonymous=True)


def test_state_labels_reword_the_public_pages(catalogue, users):
    assert reword_states(users["office"], {"received": ("已收件", "Logged")}) == 1
    from zhichan.portal.models import PublicRequest

    assert PublicRequest(state="received").state_label() == "已收件"
    assert PublicRequest(state="accepted").state_label() == "已受理"


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda data: data["services"][0].update(unit="nobody"), "services[0].unit: unknown unit 'nobody'"),
        (lambda data: data["services"][1].update(code="complaint"), "services[1].code: the service 'complaint'"),
        (lambda data: data["services"][0].update(deadline="never"), "services[0].deadline: unknown deadline rule"),
        (lambda data: data["services"][0].update(anonymous=True), "services[0].anonymous"),
        (
            lambda data: data["services"][0]["fields"].append({"key": "name", "label": "x"}),
            "services[0].fields[3].key: the key name is a field the form asks itself",
        ),
        (
            lambda data: data["services"][0]["fields"].append({"key": "q", "label": "x", "type": "choice"}),
            "services[0].fields[3].choices: a choice needs its choices",
        ),
    ],
)
def test_a_bad_catalogue_is_refused_with_its_path(catalogue, tmp_path, change, where):
    import yaml

    data = yaml.safe_load((settings.PROJECT_DIR / FILE).read_text(encoding="utf-8"))
    change(data)
    bad = tmp_path / "services.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        load_services(bad)
    assert where in str(raised.value)
