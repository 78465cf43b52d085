"""The API of GB/T 29490 certificates (贯标) writes as the pages do: POST records one through `record_certification`
(the office any enterprise's, an enterprise user its own's), `step` corrects or renews one by the table the page
reads, DELETE removes one recorded in error (the office); a refusal names the field, a certificate out of the
caller's scope is not found."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from zhichan.core.events import events_of
from zhichan.core.models import Attachment, ImportBatch
from zhichan.registry.models import Certification
from zhichan.registry.services.certifications import record_certification

from ..files import PDF
from .registers import make_registers

URL = "/api/v1/registry/certifications/"
BODY = "接口测试认证有限公司"


@pytest.fixture
def registers(users):
    return make_registers()


def fields(enterprise, number="API-C-1", **more):
    return {
        "enterprise": enterprise.pk,
        "standard_version": "2023",
        "body": BODY,
        "number": number,
        "issued_on": "2024-06-01",
        **more,
    }


def certificate(enterprise, number, version="2023", issued=date(2024, 6, 1)):
    return record_certification(None, enterprise, standard_version=version, body=BODY, number=number, issued_on=issued)


def step(certification):
    return f"{URL}{certification.pk}/step/"


# --- POST ---------------------------------------------------------------------------------------------------------


def test_the_office_records_any_enterprises_certificate_and_the_event_names_it(api_for, users, registers):
    batch = ImportBatch.objects.create(kind="certifications", user=users["office"], file_name="x.xlsx")
    sent = fields(registers.other, synthetic=True, import_batch=batch.pk, renews=None, note=" 复审换证 ")
    response = api_for("office").post(URL, sent, format="json")
    assert response.status_code == 201, response.content
    answer = response.json()
    made = Certification.objects.get(pk=answer["id"])
    # Without its end it runs 3 years less a day; synthetic and import_batch are not the caller's to write.
    assert (made.enterprise, made.expires_on, made.note) == (registers.other, date(2027, 5, 31), "复审换证")
    assert (made.synthetic, made.import_batch, answer["synthetic"], answer["import_batch"]) == (
        False,
        None,
        False,
        None,
    )
    assert answer["enterprise_name"] == registers.other.name and answer["renewals"] == []
    assert answer["state_today"] in ("valid", "expiring") and "scan" not in answer
    event = events_of(made).get()
    assert (event.kind, event.user, event.data["number"]) == ("certification.recorded", users["office"], "API-C-1")


def test_an_enterprise_user_records_its_own_with_a_scan_and_no_other_role_may(api_for, users, registers):
    api = api_for("enterprise")
    scan = SimpleUploadedFile("证书.pdf", PDF, content_type="application/pdf")
    response = api.post(URL, {**fields(registers.own, "API-C-2", expires_on="2027-01-31"), "scan": scan})
    assert response.status_code == 201, response.content
    made = Certification.objects.get(number="API-C-2")
    assert made.expires_on == date(2027, 1, 31) and events_of(made).get().user == users["enterprise"]
    assert Attachment.objects.on(made).get().kind == "certificate-scan"
    # Another enterprise is not among those it reads: not found, as on the pages.
    refused = api_for("enterprise").post(URL, fields(registers.other, "API-C-3"), format="json")
    assert refused.status_code == 400 and list(refused.json()) == ["enterprise"]
    # The pages' write roles exactly: the leadership, the liaisons and a bank read-or-nothing, and write nothing.
    for username in ("leader", "amr-liaison", "shuitou-liaison", "bank"):
        response = api_for(username).post(URL, fields(registers.own, f"API-{username}"), format="json")
        assert response.status_code == 403, username
    from rest_framework.test import APIClient

    assert APIClient().post(URL, fields(registers.own, "API-anonymous"), format="json").status_code in (401, 403)
    assert set(Certification.objects.filter(number__startswith="API-").values_list("number", flat=True)) == {"API-C-2"}


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"enterprise": 999_999}, "enterprise", "999999"),
        ({"expires_on": "2024-05-31"}, "expires_on", "证书有效期至不能早于发证日期"),
        ({"standard_version": "2013", "issued_on": "2026-01-05"}, "standard_version", "2025年12月31日以后不再按2013版"),
        ({"standard_version": "2019"}, "standard_version", "2019"),
        ({"issued_on": "2024-13-01"}, "issued_on", ""),
        ({"number": ""}, "number", ""),
    ],
)
def test_bad_input_is_refused_naming_the_field(api_for, registers, change, field, message):
    response = api_for("office").post(URL, {**fields(registers.own, "API-BAD"), **change}, format="json")
    assert response.status_code == 400 and field in response.json(), response.content
    assert message in " ".join(response.json()[field])
    assert not Certification.objects.filter(number="API-BAD").exists()


def test_a_number_taken_at_the_body_is_refused_naming_its_holder(api_for, registers):
    certificate(registers.own, "API-TAKEN")
    response = api_for("office").post(URL, fields(registers.other, " API-TAKEN "), format="json")
    assert response.status_code == 400 and registers.own.name in response.json()["number"][0]
    assert "已登记" in response.json()["number"][0]
    assert Certification.objects.filter(number="API-TAKEN").count() == 1


# --- step and DELETE ----------------------------------------------------------------------------------------------


def test_renew_and_correct_through_the_step_record_their_events(api_for, users, registers):
    old = certificate(registers.own, "API-R-1", "2013", date(2024, 9, 20))
    api = api_for("enterprise")
    renewed = api.post(
        step(old),
        {"step": "renew", "standard_version": "2023", "number": "API-R-2", "issued_on": "2025-06-01"},
        format="json",
    )
    assert renewed.status_code == 200, renewed.content
    new = Certification.objects.get(number="API-R-2")
    assert renewed.json()["id"] == old.pk and renewed.json()["renewals"] == [new.pk]
    assert (new.renews, new.standard_version, new.body, new.expires_on) == (old, "2023", BODY, date(2028, 5, 31))
    event = events_of(new).get()
    assert (event.kind, event.user, event.data) == (
        "certification.renewed",
        users["enterprise"],
        {"renews": "API-R-1", "number": "API-R-2"},
    )
    too_early = api_for("enterprise").post(
        step(new),
        {"step": "renew", "standard_version": "2023", "number": "API-R-3", "issued_on": "2025-01-01"},
        format="json",
    )
    assert too_early.status_code == 400 and "新证书的发证日期不能早于原证书" in too_early.json()["issued_on"][0]

    change = {"step": "change", "standard_version": "2023", "body": BODY, "number": "API-R-2"}
    corrected = api_for("office").post(step(new), {**change, "issued_on": "2025-06-01", "expires_on": "2028-06-30"})
    assert corrected.status_code == 200, corrected.content
    assert corrected.json()["expires_on"] == "2028-06-30"
    event = events_of(new).first()
    assert (event.kind, event.user, event.data) == (
        "certification.changed",
        users["office"],
        {"fields": ["expires_on"], "scan": False},
    )
    wrong = api_for("office").post(step(new), {**change, "issued_on": "2025-06-01", "expires_on": "2025-01-01"})
    assert wrong.status_code == 400 and "expires_on" in wrong.json()
    # Removal is not a step here but the API's DELETE; a step the table does not know is refused naming `step`.
    unknown = api_for("office").post(step(new), {"step": "remove", "confirm": "on"}, format="json")
    assert unknown.status_code == 400 and "step" in unknown.json() and Certification.objects.filter(pk=new.pk)


def test_only_the_office_deletes_and_the_event_stays_on_the_enterprise(api_for, users, registers):
    made = certificate(registers.own, "API-D-1")
    assert api_for("enterprise").delete(f"{URL}{made.pk}/").status_code == 403
    assert api_for("leader").delete(f"{URL}{made.pk}/").status_code == 403
    assert api_for("office").delete(f"{URL}{made.pk}/").status_code == 204
    assert not Certification.objects.filter(pk=made.pk).exists()
    event = events_of(registers.own).get(kind="certification.removed")
    assert (event.user, event.data["number"]) == (users["office"], "API-D-1")


def test_a_certificate_outside_the_callers_scope_is_not_found(api_for, registers):
    theirs = certificate(registers.other, "API-S-1")  # 溪美街道, another enterprise's
    renew = {"step": "renew", "standard_version": "2023", "number": "API-S-2", "issued_on": "2025-06-01"}
    enterprise = api_for("enterprise")
    assert enterprise.get(f"{URL}{theirs.pk}/").status_code == 404
    assert api_for("enterprise").post(step(theirs), renew, format="json").status_code == 404
    assert api_for("enterprise").delete(f"{URL}{theirs.pk}/").status_code == 404
    # 水头镇's liaison reads its township's certificates, not 溪美街道's, and steps none.
    liaison = api_for("shuitou-liaison")
    assert liaison.get(f"{URL}{theirs.pk}/").status_code == 404
    ours = certificate(registers.own, "API-S-3")
    assert api_for("shuitou-liaison").get(f"{URL}{ours.pk}/").status_code == 200
    assert api_for("shuitou-liaison").post(step(ours), renew, format="json").status_code == 403
    assert not Certification.objects.filter(number="API-S-2").exists()
