"""GB/T 29490 certification (贯标): validity (the 2013 version lapsing after 2025-12-31, expiring soon), the actions'
permissions and events, the enterprise page's step, the cultivation pipeline (scoped, filtered, exported), the
certification-ledger import, the metric and the API."""

import io
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from zhichan.core.events import events_of
from zhichan.core.models import Attachment, ImportBatch, Region
from zhichan.registry.demo import generate_enterprises
from zhichan.registry.demo.certifications import certificate_rows
from zhichan.registry.demo.enterprises import demo_enterprise_row
from zhichan.registry.metrics import METRICS
from zhichan.registry.models import Certification, Enterprise, EnterpriseDesignation
from zhichan.registry.models.certifications import OLD_VERSION_LAST_DAY
from zhichan.registry.services.certifications import (
    change_certification,
    record_certification,
    remove_certification,
    renew_certification,
)
from zhichan.registry.services.cultivation import COLUMNS, STATES

from ..files import PDF
from .registers import SHUITOU, XIMEI, make_registers

BODY = "测试认证有限公司"


def certificate(version="2023", issued=date(2024, 6, 1), expires=date(2027, 5, 31), **fields):
    return Certification(
        standard_version=version, body=BODY, number="T-1", issued_on=issued, expires_on=expires, **fields
    )


def record(user, enterprise, number="C-0001", version="2023", issued=date(2024, 6, 1), expires=None, **fields):
    return record_certification(
        user,
        enterprise,
        standard_version=version,
        body=BODY,
        number=number,
        issued_on=issued,
        expires_on=expires,
        **fields,
    )


# --- validity ---------------------------------------------------------------------------------------------------


def test_a_certificate_holds_from_its_issue_to_its_last_day_inclusive():
    held = certificate()
    assert not held.valid_on(date(2024, 5, 31))
    assert held.valid_on(date(2024, 6, 1)) and held.valid_on(date(2027, 5, 31))
    assert not held.valid_on(date(2027, 6, 1))
    assert held.state_on(date(2024, 5, 31)) == "not-yet"
    assert held.state_on(date(2027, 6, 1)) == "expired"


def test_a_2013_version_certificate_lapses_after_2025_12_31_whatever_its_own_end():
    old = certificate("2013", issued=date(2024, 9, 20), expires=date(2027, 9, 19))
    assert OLD_VERSION_LAST_DAY == date(2025, 12, 31)
    assert old.valid_on(date(2025, 12, 31)) and not old.valid_on(date(2026, 1, 1))
    assert old.last_valid_day == date(2025, 12, 31)
    assert old.state_on(date(2026, 1, 1)) == "lapsed"
    # The same dates under the 2023 version still hold.
    assert (
        certificate("2023", issued=date(2024, 9, 20), expires=date(2027, 9, 19)).state_on(date(2026, 1, 1)) == "valid"
    )
    # One that ended by its own date before the transition's end expired; it did not lapse.
    ended = certificate("2013", issued=date(2022, 6, 1), expires=date(2025, 5, 31))
    assert ended.state_on(date(2026, 3, 1)) == "expired"


def test_expiring_soon_counts_to_the_last_valid_day_and_reads_the_setting(settings):
    held = certificate(expires=date(2027, 5, 31))
    assert held.state_on(date(2027, 3, 2)) == "expiring"  # 90 days before, the default
    assert held.state_on(date(2027, 3, 1)) == "valid"  # 91 days before
    settings.ZHICHAN_CERTIFICATION_WARNING_DAYS = 30
    assert held.state_on(date(2027, 3, 2)) == "valid"
    assert held.state_on(date(2027, 5, 1)) == "expiring"
    # A 2013-version certificate ends soon at the transition's end, however long its own term.
    old = certificate("2013", issued=date(2024, 9, 20), expires=date(2027, 9, 19))
    assert old.state_on(date(2025, 12, 10)) == "expiring"


@pytest.mark.django_db
def test_the_queryset_agrees_with_the_certificate_on_every_day(users):
    enterprise = make_registers().own
    made = [
        record(None, enterprise, "Q-1", "2013", date(2024, 9, 20), date(2027, 9, 19)),
        record(None, enterprise, "Q-2", "2023", date(2024, 6, 1)),
        record(None, enterprise, "Q-3", "2013", date(2022, 6, 1), date(2025, 5, 31)),
    ]
    for day in (date(2024, 1, 1), date(2024, 10, 1), date(2025, 12, 31), date(2026, 1, 1), date(2027, 6, 1)):
        expected = {c.number for c in made if c.valid_on(day)}
        assert set(Certification.objects.valid_on(day).values_list("number", flat=True)) == expected, day


@pytest.mark.django_db
def test_without_an_end_a_certificate_runs_three_years_less_a_day(users):
    enterprise = make_registers().own
    assert record(None, enterprise, "D-1", issued=date(2024, 6, 1)).expires_on == date(2027, 5, 31)
    assert record(None, enterprise, "D-2", issued=date(2024, 2, 29)).expires_on == date(2027, 2, 28)
    with pytest.raises(ValidationError) as refused:
        record(None, enterprise, "D-3", issued=date(2024, 6, 1), expires=date(2024, 5, 1))
    assert "expires_on" in refused.value.message_dict


# --- actions ------------------------------------------------------------------------------------------------------


@pytest.fixture
def registers(users):
    return make_registers()


def test_the_office_records_any_and_an_enterprise_user_only_its_own(users, registers):
    made = record(users["office"], registers.other, "A-1")
    event = events_of(made).get()
    assert event.kind == "certification.recorded" and event.user == users["office"] and event.data["number"] == "A-1"
    assert made.history.get().history_user == users["office"]

    own = record(users["enterprise"], registers.own, "A-2")
    assert events_of(own).get().user == users["enterprise"]
    for username in ("enterprise", "shuitou-liaison", "leader"):
        enterprise = registers.other if username == "enterprise" else registers.own
        with pytest.raises(PermissionDenied):
            record(users[username], enterprise, f"A-{username}")
    assert not Certification.objects.filter(number__in=["A-enterprise", "A-shuitou-liaison", "A-leader"]).exists()


def test_a_number_is_unique_per_body_and_the_refusal_names_its_holder(users, registers):
    record(users["office"], registers.own, "U-1")
    with pytest.raises(ValidationError) as refused:
        record(users["office"], registers.other, " U-1 ")
    assert registers.own.name in refused.value.message_dict["number"][0]
    other_body = record_certification(
        users["office"],
        registers.other,
        standard_version="2023",
        body="另一认证机构",
        number="U-1",
        issued_on=date(2024, 1, 5),
    )
    assert other_body.pk


def test_change_records_only_what_changed_and_the_scan_is_attached(users, registers):
    made = record(users["enterprise"], registers.own, "H-1")
    assert change_certification(made, users["enterprise"], number="H-1", body=BODY) == []
    assert events_of(made).count() == 1  # nothing changed, nothing recorded
    scan = SimpleUploadedFile("证书.pdf", PDF, content_type="application/pdf")
    changed = change_certification(made, users["enterprise"], expires_on=date(2027, 1, 31), scan=scan)
    assert changed == ["expires_on"]
    event = events_of(made).first()
    assert event.kind == "certification.changed" and event.data == {"fields": ["expires_on"], "scan": True}
    assert Attachment.objects.on(made).get().kind == "certificate-scan"
    with pytest.raises(PermissionDenied):
        change_certification(made, users["shuitou-liaison"], note="x")


def test_renewal_is_a_new_certificate_naming_the_old_one(users, registers):
    old = record(users["office"], registers.own, "R-1", "2013", date(2024, 9, 20), date(2027, 9, 19))
    new = renew_certification(old, users["enterprise"], number="R-2", issued_on=date(2025, 6, 1))
    assert (new.renews, new.standard_version, new.body, new.expires_on) == (old, "2023", BODY, date(2028, 5, 31))
    event = events_of(new).get()
    assert event.kind == "certification.renewed" and event.data == {"renews": "R-1", "number": "R-2"}
    old.refresh_from_db()
    assert old.number == "R-1" and old.state_on(date(2026, 1, 1)) == "lapsed"
    with pytest.raises(ValidationError):
        renew_certification(old, users["office"], number="R-3", issued_on=date(2023, 1, 1))


def test_only_the_office_removes_a_certificate_and_the_event_stays_on_the_enterprise(users, registers):
    made = record(users["enterprise"], registers.own, "X-1", scan=SimpleUploadedFile("x.pdf", PDF))
    with pytest.raises(PermissionDenied):
        remove_certification(made, users["enterprise"])
    assert remove_certification(made, users["office"]) == "X-1"
    assert not Certification.objects.filter(number="X-1").exists() and not Attachment.objects.exists()
    event = events_of(registers.own).get(kind="certification.removed")
    assert event.data["number"] == "X-1" and event.user == users["office"]


# --- pages --------------------------------------------------------------------------------------------------------


def test_an_enterprise_user_adds_its_certificate_on_its_page(client_for, users, registers):
    client = client_for("enterprise")
    page = client.get(reverse("enterprise-detail", args=[registers.own.pk]))
    assert page.status_code == 200 and b'data-testid="certificate-steps"' in page.content
    url = reverse("enterprise-certify", args=[registers.own.pk])
    form = {
        "step": "certify",
        "certify-standard_version": "2023",
        "certify-body": BODY,
        "certify-number": "P-1",
        "certify-issued_on": "2024-06-01",
        "certify-scan": SimpleUploadedFile("证书.pdf", PDF, content_type="application/pdf"),
    }
    response = client.post(url, form)
    assert response.status_code == 302 and response.url == reverse("enterprise-detail", args=[registers.own.pk])
    made = Certification.objects.get(number="P-1")
    assert made.expires_on == date(2027, 5, 31) and Attachment.objects.on(made).count() == 1
    page = client.get(reverse("enterprise-detail", args=[registers.own.pk]))
    assert "P-1" in page.content.decode()
    refused = client.post(url, {**form, "certify-number": "P-1", "certify-scan": ""})
    assert refused.status_code == 400 and Certification.objects.filter(number="P-1").count() == 1
    # Another enterprise's page offers no step and takes no post from it.
    assert client.post(reverse("enterprise-certify", args=[registers.other.pk]), form).status_code == 404
    detail = client.get(reverse("certification-detail", args=[made.pk]))
    assert detail.status_code == 200 and b'data-testid="step-remove"' not in detail.content
    assert b'data-testid="step-renew"' in detail.content


def test_the_office_removes_on_the_certificate_page(client_for, users, registers):
    made = record(users["office"], registers.other, "P-2")
    client = client_for("office")
    response = client.post(reverse("certification-step", args=[made.pk]), {"step": "remove", "remove-confirm": "on"})
    assert response.status_code == 302 and response.url == reverse("enterprise-detail", args=[registers.other.pk])
    assert not Certification.objects.filter(pk=made.pk).exists()


def test_a_refused_correction_names_its_field_and_the_event_names_what_changed(client_for, users, registers):
    """The action's refusal is shown under the field it is about (its label names it), what was typed kept; the
    correction's event names the fields changed in the reader's language, not a bare "no" for the scan."""
    made = record(users["office"], registers.other, "P-3")
    url = reverse("certification-step", args=[made.pk])
    form = {
        "step": "change",
        "change-standard_version": "2023",
        "change-body": BODY,
        "change-number": "P-3",
        "change-issued_on": "2024-06-01",
        "change-expires_on": "2024-01-01",
        "change-note": "",
    }
    refused = client_for("office").post(url, form)
    assert refused.status_code == 400 and refused.context["open_step"] == "change"
    (step_form,) = [f for step, f in refused.context["steps"] if step.key == "change"]
    assert step_form.errors["expires_on"] == ["证书有效期至不能早于发证日期。"] and not step_form.non_field_errors()
    assert step_form["expires_on"].value() == "2024-01-01"
    future = client_for("office").post(url, {**form, "change-issued_on": "2030-01-01", "change-expires_on": ""})
    (step_form,) = [f for step, f in future.context["steps"] if step.key == "change"]
    assert "此日期不能在将来" in step_form.errors["issued_on"][0]

    corrected = {**form, "change-number": "P-3A", "change-expires_on": "", "change-note": "更正"}
    done = client_for("office").post(url, corrected)
    assert done.status_code == 302
    event = events_of(made).filter(kind="certification.changed").get()
    assert event.details == "证书编号、备注"


@pytest.fixture
def pipeline(users, registers):
    """水头镇: the demo enterprise (lead goose, a city IP advantage title, a valid 2023 certificate, one valid invention
    patent) and a certified one ending soon; 溪美街道: a little giant with a lapsed 2013 certificate, and an enterprise
    on no list."""
    today = timezone.localdate()
    own, other = registers.own, registers.other
    EnterpriseDesignation.objects.create(enterprise=own, kind="lead-goose", level="county", granted_on=date(2023, 1, 1))
    EnterpriseDesignation.objects.create(
        enterprise=other, kind="little-giant", level="national", granted_on=date(2023, 1, 1)
    )
    shuitou, ximei = Region.objects.get(code=SHUITOU), Region.objects.get(code=XIMEI)
    soon = Enterprise.objects.create(name="水头贯标企业", region=shuitou)
    Enterprise.objects.create(name="溪美未列企业", region=ximei)
    record(None, own, "V-1", issued=today - timedelta(days=100))
    record(None, other, "V-2", "2013", date(2024, 9, 20), max(date(2027, 9, 19), today + timedelta(days=300)))
    record(None, soon, "V-3", issued=today - timedelta(days=900), expires=today + timedelta(days=20))
    return {"own": own, "other": other, "soon": soon}


def _rows(response) -> dict:
    return {row.enterprise.name: row for row in response.context["page"]}


def test_the_pipeline_shows_the_office_every_cultivated_enterprise(client_for, pipeline):
    client = client_for("office")
    rows = _rows(client.get(reverse("cultivation")))
    assert set(rows) == {pipeline["own"].name, pipeline["other"].name, "水头贯标企业"}
    own, other, soon = rows[pipeline["own"].name], rows[pipeline["other"].name], rows["水头贯标企业"]
    assert (own.state, own.inventions, own.titled) == ("valid", 1, True)
    assert {d.kind for d in own.titles} == {"lead-goose", "ip-advantage"}
    assert (other.state, other.inventions, other.titled) == ("lapsed", 0, False)
    assert (soon.state, soon.titles) == ("expiring", [])
    assert set(_rows(client.get(reverse("cultivation"), {"state": "lapsed"}))) == {pipeline["other"].name}
    assert set(_rows(client.get(reverse("cultivation"), {"list": "little-giant"}))) == {pipeline["other"].name}
    assert set(
        _rows(client.get(reverse("cultivation"), {"titled": "false", "region": Region.objects.get(code=SHUITOU).pk}))
    ) == {"水头贯标企业"}

    response = client.get(reverse("cultivation-export"), {"list": "certified"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]  # row 1 is the note
    header, body = values[0], values[1:]
    assert len(body) == 3
    by_name = {row[0]: dict(zip(header, row, strict=True)) for row in body}
    assert header == [str(column.label) for column in COLUMNS]
    lapsed = by_name[pipeline["other"].name]
    assert lapsed[str(COLUMNS[5].label)].startswith("GB/T 29490-2013")  # the standard version
    assert lapsed[str(COLUMNS[4].label)] == str(dict(STATES)["lapsed"])  # the certificate's state, as the page says


def test_a_township_liaison_sees_its_township_only_and_an_enterprise_user_nothing(client_for, pipeline):
    rows = _rows(client_for("shuitou-liaison").get(reverse("cultivation")))
    assert set(rows) == {pipeline["own"].name, "水头贯标企业"}
    assert client_for("enterprise").get(reverse("cultivation")).status_code == 403


# --- import, metric, API, demo ------------------------------------------------------------------------------------

HEADERS = ["企业名称", "统一社会信用代码", "标准版本", "认证机构", "证书编号", "发证日期", "有效期至"]


def import_ledger(tmp_path, user, rows, name="贯标台账.xlsx"):
    from zhichan.core.imports.running import run_import

    path = tmp_path / name
    book = Workbook()
    book.active.append(HEADERS)
    for row in rows:
        book.active.append(row)
    book.save(path)
    batch = ImportBatch.objects.create(
        kind="certifications", user=user, file_name=name, language="zh-hans", dry_run=False
    )
    return run_import(batch, path)


def test_the_ledger_is_imported_and_a_bad_row_is_refused_naming_row_and_column(tmp_path, users, registers):
    own, other = registers.own, registers.other
    rows = [
        [own.name, own.uscc, "GB/T 29490-2023", BODY, "L-1", "2024-06-01", "2027-05-31"],
        [other.name, other.uscc.lower(), "企业知识产权管理规范", BODY, "L-2", "2023-03-01", ""],
        [other.name, other.uscc, "2019版", BODY, "L-3", "2024-01-01", ""],
        ["某企业", "91350583MA0NOBODY0", "2023", BODY, "L-4", "2024-01-01", ""],
        [own.name, own.uscc, "2023", BODY, "L-5", "2024-06-01", "2024-01-01"],
    ]
    batch = import_ledger(tmp_path, users["office"], rows)
    assert (batch.created_count, batch.rejected_count) == (2, 3)
    reasons = {(r.row, r.shown_field): str(r.shown_reason) for r in batch.rejections.all()}
    assert set(reasons) == {(4, "标准版本"), (5, "统一社会信用代码"), (6, "有效期至")}
    assert "2019版" in reasons[(4, "标准版本")] and "91350583MA0NOBODY0" in reasons[(5, "统一社会信用代码")]
    first, second = Certification.objects.get(number="L-1"), Certification.objects.get(number="L-2")
    assert first.enterprise == own and first.import_batch == batch and events_of(first).get().user == users["office"]
    assert (second.enterprise, second.standard_version, second.expires_on) == (other, "2013", date(2026, 2, 28))

    again = import_ledger(tmp_path, users["office"], rows[:2], "贯标台账（再次）.xlsx")
    assert (again.created_count, again.updated_count, again.unchanged_count) == (0, 0, 2)
    moved = [[other.name, other.uscc, "2023", BODY, "L-1", "2024-06-01", ""]]
    refused = import_ledger(tmp_path, users["office"], moved, "贯标台账（他企）.xlsx")
    assert refused.rejected_count == 1 and Certification.objects.get(number="L-1").enterprise == own


def test_the_metric_counts_enterprises_with_a_valid_certificate_by_region(users, registers):
    metric = next(m for m in METRICS if m.code == "registry_certified_enterprises")
    own, other = registers.own, registers.other
    shuitou, ximei = Region.objects.get(code=SHUITOU), Region.objects.get(code=XIMEI)
    third = Enterprise.objects.create(name="水头第三企业", region=shuitou)
    record(None, own, "M-1", "2023", date(2024, 6, 1))  # to 2027-05-31
    record(None, own, "M-2", "2023", date(2024, 7, 1))  # a second one: the enterprise counts once
    record(None, other, "M-3", "2013", date(2024, 9, 20), date(2027, 9, 19))  # lapses after 2025-12-31
    record(None, third, "M-4", "2023", date(2025, 3, 1), date(2026, 2, 28))
    # 2025-06-30: all three hold one; 2026-01-01: the 2013 one lapsed; 2026-03-01: the third's ended too.
    assert metric.values(None, date(2025, 6, 30)) == {shuitou.pk: 2, ximei.pk: 1}
    assert metric.values(None, date(2026, 1, 1)) == {shuitou.pk: 2}
    assert metric.values(None, date(2026, 3, 1)) == {shuitou.pk: 1}
    assert list(metric.records(None, date(2026, 3, 1), [shuitou.pk, ximei.pk])) == [own]


def test_the_api_lists_certificates_in_scope_filtered_by_enterprise(api_for, users, registers):
    record(None, registers.own, "API-1")
    record(None, registers.other, "API-2")
    office = api_for("office")
    found = office.get("/api/v1/registry/certifications/", {"enterprise": registers.other.pk}).json()["results"]
    assert [row["number"] for row in found] == ["API-2"] and found[0]["state_today"] in ("valid", "expiring")
    own = api_for("enterprise").get("/api/v1/registry/certifications/").json()["results"]
    assert [row["number"] for row in own] == ["API-1"]
    # The API writes too (test_api_certifications.py): an empty POST names the fields it needs.
    refused = office.post("/api/v1/registry/certifications/", {}, format="json")
    assert refused.status_code == 400 and {"enterprise", "number", "issued_on"} <= set(refused.json())


def test_the_demo_certificates_are_one_lapsed_one_ending_soon_and_valid_ones():
    today = date(2026, 12, 7)
    companies = generate_enterprises(2022, 30)
    rows = certificate_rows(demo_enterprise_row(2022), companies, today)
    states = [
        certificate(fields["standard_version"], fields["issued_on"], fields["expires_on"]).state_on(today)
        for _code, fields in rows
    ]
    assert states == ["valid", "lapsed", "expiring", "valid"]


def test_no_2013_version_certificate_is_issued_after_2025(users):
    enterprise = users["enterprise"].enterprises.first()
    with pytest.raises(ValidationError) as refused:
        record(users["office"], enterprise, number="C-2013-LATE", version="2013", issued=date(2026, 1, 5))
    assert "standard_version" in refused.value.message_dict
    assert record(users["office"], enterprise, number="C-2013-OK", version="2013", issued=date(2025, 12, 31)).pk
