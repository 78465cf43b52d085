"""The subsidy pages as their users use them: an enterprise opens an application (typed input kept on a refusal),
adds a claim and sees the amount explained, attaches a document and submits; the township and the office review
on the page; the list, the public notice, the budget page and its Excel files; the office loads a scheme file; the
API does what the pages do."""

import datetime
from decimal import Decimal
from io import BytesIO

import openpyxl
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from zhichan.core.services.calendar import seed_calendar
from zhichan.core.services.deadline_rules import DEFAULT_RULES, load_rules
from zhichan.finance.models import Stage, SubsidyApplication, SubsidyScheme
from zhichan.finance.services import subsidies

from .subsidy_fixtures import application_for, granted_patent, make_scheme, pdf_file


@pytest.fixture
def scheme(db):
    load_rules(settings.PROJECT_DIR / DEFAULT_RULES)
    seed_calendar([2025, 2026, 2027])
    today = datetime.date.today()
    return make_scheme(opens_on=today - datetime.timedelta(days=30), closes_on=today + datetime.timedelta(days=30))


@pytest.fixture
def own(users):
    return users["enterprise"].enterprises.get()


def _xlsx(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return openpyxl.load_workbook(BytesIO(body)).active


def test_an_enterprise_applies_on_the_page_and_sees_each_claim_explained(client_for, users, scheme, own):
    patent = granted_patent(own, 60)
    client = client_for("enterprise")
    form = {
        "scheme": scheme.pk,
        "contact": "王经理",
        "phone": "13800000000",
        "account_bank": "某银行",
        "account_number": "",
    }
    refused = client.post(reverse("finance-application-new"), form)
    assert (
        refused.status_code == 400
        and "王经理" in refused.content.decode()
        and "13800000000" in refused.content.decode()
    )
    created = client.post(reverse("finance-application-new"), {**form, "account_number": "6222 0001"})
    application = SubsidyApplication.objects.get(applicant=own)
    assert created.status_code == 302 and created["Location"] == application.get_absolute_url()
    assert application.account_number == "62220001" and application.account_name == own.name

    step = reverse("finance-application-step", args=[application.pk])
    item = scheme.items.get(key="invention").pk
    client.post(step, {"step": "claim", "claim-item": item, "claim-subject": "ZL" + patent.application_number})
    bad = client.post(
        step, {"step": "claim", "claim-item": scheme.items.get(key="interest").pk, "claim-subject": "DK-9"}
    )
    assert bad.status_code == 400 and "DK-9" in bad.content.decode()  # the interest is missing: the text stays
    page = client.get(application.get_absolute_url()).content.decode()
    assert "2025-09-01" in page and 'data-testid="eligible-total"' in page and "0.50" in page

    refused = client.post(step, {"step": "submit"})
    assert refused.status_code == 400 and application.stage == Stage.DRAFT
    upload = {"step": "file", "file-file": SimpleUploadedFile("证书.pdf", pdf_file().read()), "file-label": "授权证书"}
    assert client.post(step, upload).status_code == 302
    assert client.post(step, {"step": "submit"}).status_code == 302
    application.refresh_from_db()
    assert application.stage == Stage.TOWNSHIP

    township = client_for("shuitou-liaison")
    assert application.number in township.get(reverse("finance-application-list")).content.decode()
    assert township.post(step, {"step": "pass", "pass-reasons": "属实"}).status_code == 302
    office = client_for("office")
    returned = office.post(step, {"step": "return", "return-reasons": ""})
    assert returned.status_code == 400
    office.post(step, {"step": "return", "return-reasons": "请补充发明专利证书扫描件"})
    page = client_for("enterprise").get(application.get_absolute_url()).content.decode()
    assert "请补充发明专利证书扫描件" in page and 'data-testid="returned-reasons"' in page


def test_a_draft_is_read_by_its_applicant_and_the_office_only(client_for, users, scheme, own):
    today = datetime.date.today()
    application = application_for(users["enterprise"], scheme, own, [("navigation", "南知〔2026〕1号")], day=today)
    url = application.get_absolute_url()
    assert client_for("enterprise").get(url).status_code == 200
    assert client_for("office").get(url).status_code == 200
    for name in ("shuitou-liaison", "finance-liaison", "leader", "amr-liaison"):
        assert client_for(name).get(url).status_code == 404, name


def _paid(users, scheme, own, day, serial=70):
    patent = granted_patent(own, serial)
    application = application_for(users["enterprise"], scheme, own, [("invention", patent.application_number)], day=day)
    subsidies.submit(application, users["enterprise"], day=day)
    for name in ("shuitou-liaison", "office", "finance-liaison"):
        subsidies.pass_review(application, users[name], day=day)
    return application


def test_the_notice_the_budget_and_the_payment_list(client_for, users, scheme, own):
    noticed = _paid(users, scheme, own, datetime.date.today(), serial=71)
    application = _paid(users, scheme, own, datetime.date.today() - datetime.timedelta(days=20))
    notice = client_for("enterprise").get(reverse("finance-notice-list")).content.decode()
    assert noticed.number in notice and own.name in notice
    assert application.number not in notice  # its notice is over: to be paid
    subsidies.pay(application, users["finance-liaison"], paid_on=subsidies.payable_from(application), voucher="PZ-9")

    budget = client_for("leader").get(reverse("finance-budget")).content.decode()
    assert 'data-testid="paid-total">0.50<' in budget and "budget-data" in budget
    sheet = _xlsx(client_for("office").get(reverse("finance-budget-export")))
    values = [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert any(row and row[3] == 0.5 for row in values if isinstance(row[3], int | float))

    listing = _xlsx(client_for("finance-liaison").get(reverse("finance-payment-list", args=[scheme.pk])))
    rows = [row for row in listing.iter_rows(values_only=True)]
    header = rows[1]
    assert "收款单位" in header or "payee" in header
    paid = next(row for row in rows if row[8] == application.number)
    assert paid[4] == "6222000000000001" and float(paid[7]) == 5000.0 and paid[11] == "PZ-9"
    assert client_for("amr-liaison").get(reverse("finance-payment-list", args=[scheme.pk])).status_code == 200
    assert application.number not in str(
        list(
            _xlsx(client_for("amr-liaison").get(reverse("finance-payment-list", args=[scheme.pk]))).iter_rows(
                values_only=True
            )
        )
    )


def test_the_office_loads_a_scheme_file_and_a_mistake_names_its_place(client_for, scheme):
    client = client_for("office")
    text = (settings.PROJECT_DIR / "data/subsidies/nanan-demo.yaml").read_text(encoding="utf-8")
    loaded = client.post(reverse("finance-scheme-list"), {"file": SimpleUploadedFile("s.yaml", text.encode())})
    assert loaded.status_code == 302 and SubsidyScheme.objects.filter(key="nanan-demo-subsidy").exists()
    broken = text.replace("basis: pct-filed", "basis: pct")
    refused = client.post(reverse("finance-scheme-list"), {"file": SimpleUploadedFile("s.yaml", broken.encode())})
    assert refused.status_code == 400 and "items[1].basis" in refused.content.decode()
    page = client_for("enterprise").get(reverse("finance-scheme-detail", args=[scheme.pk])).content.decode()
    assert "2025-07-01" in page and "0.5 万元" in page


def test_the_api_opens_an_application_with_its_claims_and_takes_its_steps(api_for, users, scheme, own):
    patent = granted_patent(own, 80)
    api = api_for("enterprise")
    body = {
        "scheme": scheme.pk,
        "contact": "王经理",
        "phone": "13800000000",
        "account_bank": "某银行",
        "account_number": "6222",
        "claims": [{"item": "invention", "subject": patent.application_number}],
    }
    created = api.post("/api/v1/finance/subsidy-applications/", body, format="json")
    assert created.status_code == 201, created.content
    data = created.json()
    assert Decimal(data["claims"][0]["eligible"]) == Decimal("0.5") and data["claims"][0]["reasons"][0]["passed"]
    url = f"/api/v1/finance/subsidy-applications/{data['id']}/step/"
    attached = api.post(url, {"step": "file", "file": SimpleUploadedFile("证书.pdf", pdf_file().read())})
    assert attached.status_code == 200, attached.content
    assert api.post(url, {"step": "submit"}, format="json").json()["stage"] == "township"
    refused = api_for("amr-liaison").post(url, {"step": "pass"}, format="json")
    assert refused.status_code in (403, 404)
    passed = api_for("shuitou-liaison").post(url, {"step": "pass", "reasons": "属实"}, format="json")
    assert passed.json()["stage"] == "office"
