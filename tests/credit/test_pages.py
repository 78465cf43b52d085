"""The credit pages per role: the lists, entering a record, taking steps on a record and a listing, the API."""

import datetime

from django.urls import reverse

from zhichan.credit.models import DishonestyKind, DishonestyRecord, SeriousListEntry

from .conftest import CODE, PERSON_ID

D = datetime.date


def test_a_liaison_enters_a_record_from_the_page_and_a_bad_one_is_refused_naming_the_field(reference, client_for, amr):
    client = client_for("amr-liaison")
    assert client.get(reverse("credit-record-new")).status_code == 200
    kind = DishonestyKind.objects.get(key="false-materials")
    data = {
        "unit": amr.pk,
        "subject_kind": "enterprise",
        "subject_name": "演示卫浴有限公司",
        "credit_code": "12",
        "kind": kind.pk,
        "source": "manual",
        "found_on": "2024-03-01",
        "document_number": "南市监信〔2024〕1号",
        "facts": "提交虚假材料",
    }
    refused = client.post(reverse("credit-record-new"), data)
    assert refused.status_code == 200 and "18" in refused.content.decode()
    assert not DishonestyRecord.objects.exists()
    response = client.post(reverse("credit-record-new"), data | {"credit_code": CODE})
    record = DishonestyRecord.objects.get()
    assert response.status_code == 302 and response["Location"] == record.get_absolute_url()
    page = client.get(record.get_absolute_url()).content.decode()
    assert "2025-02-28" in page and 'data-testid="step-ask_repair"' in page
    assert 'data-testid="step-publish"' not in page  # publishing is the office's


def test_steps_on_a_record_and_a_listing_through_the_pages(new_record, new_listing, client_for):
    record = new_record(found_on=D(2024, 3, 1))
    client = client_for("amr-liaison")
    early = client.post(
        reverse("credit-record-step", args=[record.pk]),
        {"step": "ask_repair", "ask_repair-asked_on": "2024-08-01", "ask_repair-conditions": ["duties-done"]},
    )
    assert early.status_code == 400 and "2024-09-01" in early.content.decode()
    client.post(
        reverse("credit-record-step", args=[record.pk]),
        {
            "step": "ask_repair",
            "ask_repair-asked_on": "2024-09-02",
            "ask_repair-conditions": ["duties-done", "harm-removed", "no-repeat", "not-listed"],
        },
    )
    record.refresh_from_db()
    assert record.state == "repair-asked"
    office = client_for("office")
    office.post(
        reverse("credit-record-step", args=[record.pk]),
        {"step": "approve_repair", "approve_repair-day": "2024-09-09", "approve_repair-reasons": "符合条件"},
    )
    record.refresh_from_db()
    assert record.state == "repaired"
    entry = new_listing(listed_on=D(2022, 3, 1), credit_code="91350583MA00000009")
    office.post(reverse("credit-serious-step", args=[entry.pk]), {"step": "publish", "publish-day": "2022-03-02"})
    entry.refresh_from_db()
    assert entry.published
    assert client_for("court-liaison").post(
        reverse("credit-serious-step", args=[entry.pk]), {"step": "publish", "publish-day": "2022-03-02"}
    ).status_code in (403, 404)


def test_every_staff_role_reads_the_lists_with_person_ids_hidden_from_other_units(new_record, client_for):
    new_record(subject_kind="person", subject_name="张三丰", credit_code="", id_number=PERSON_ID)
    record = DishonestyRecord.objects.get()
    for user in ("office", "leader", "amr-liaison", "court-liaison", "shuitou-liaison"):
        client = client_for(user)
        assert client.get(reverse("credit-record-list")).status_code == 200
        assert client.get(reverse("credit-serious-list")).status_code == 200
        detail = client.get(record.get_absolute_url()).content.decode()
        sees = user in ("office", "amr-liaison")
        assert (PERSON_ID in detail) is sees and ("张三丰" in detail) is sees
    assert client_for("enterprise").get(reverse("credit-record-list")).status_code == 403


def test_the_api_enters_a_listing_and_hides_ids(reference, client_for, amr):
    client = client_for("amr-liaison")
    response = client.post(
        reverse("api:seriouslistentry-list"),
        {
            "unit": amr.pk,
            "subject_kind": "person",
            "subject_name": "张三丰",
            "id_number": PERSON_ID,
            "decision_number": "南市监列〔2024〕1号",
            "listed_on": "2024-01-05",
            "reasons": "故意侵权",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    entry = SeriousListEntry.objects.get()
    assert response.json()["id_number"] == PERSON_ID
    refused = client.post(
        reverse("api:seriouslistentry-step", args=[entry.pk]),
        {"step": "ask_removal", "asked_on": "2024-06-01", "conditions": ["penalty-performed"]},
        content_type="application/json",
    )
    assert refused.status_code == 400 and "2025-01-05" in refused.content.decode(), refused.content.decode()
    other = client_for("court-liaison").get(reverse("api:seriouslistentry-detail", args=[entry.pk])).json()
    assert other["id_number"] != PERSON_ID and other["subject_name"] == "张**"
