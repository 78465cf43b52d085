"""The finance pages as their users use them: a bank's liaison enters a pledge (typed input kept on a refusal), a
loan and the release; the pledged patent's page shows the pledge; the office enters a bank and the bank a product;
the list filters and exports; the API does what the pages do."""

import datetime
from decimal import Decimal
from io import BytesIO

import openpyxl
from django.urls import reverse

from zhichan.finance.models import Bank, Pledge
from zhichan.registry.services.entries import create_patent

from ..registry.registers import patent_number
from .factories import make_enterprise, make_pledge


def test_a_bank_enters_a_pledge_a_loan_and_the_release_and_the_patent_shows_it(client_for, bank, pledgor):
    number = patent_number(2020, "1", 4321)
    patent, _ = create_patent(
        None, number, title="一种石材切割装置", filing_date=datetime.date(2020, 1, 2), holders=[pledgor]
    )
    client = client_for("bank")
    form = {
        "bank": bank.pk,
        "registration_number": "Y2024980000001",
        "registered_on": "2024-04-01",
        "pledgor": "91350583MA0NOBODY0",
        "secured_amount": "650.5",
        "patents": f"{number}\n202410999999.X",
        "trademarks": "",
        "copyrights": "",
        "note": "首贷户",
    }
    refused = client.post(reverse("finance-pledge-new"), form)
    page = refused.content.decode()
    assert refused.status_code == 400 and 'value="650.5"' in page and "首贷户" in page and "91350583MA0NOBODY0" in page
    created = client.post(reverse("finance-pledge-new"), {**form, "pledgor": pledgor.uscc})
    pledge = Pledge.objects.get(registration_number="Y2024980000001")
    assert created.status_code == 302 and created["Location"] == pledge.get_absolute_url()
    detail = client.get(pledge.get_absolute_url()).content.decode()
    assert "一种石材切割装置" in detail and 'data-testid="unmatched"' in detail and "650.50" in detail
    step = reverse("finance-pledge-step", args=[pledge.pk])
    bad = client.post(
        step,
        {
            "step": "loan",
            "loan-contract_number": "JK-1",
            "loan-amount": "600",
            "loan-drawn_on": "2024-04-03",
            "loan-matures_on": "2024-01-01",
        },
    )
    assert bad.status_code == 400 and 'value="JK-1"' in bad.content.decode()
    good = {
        "step": "loan",
        "loan-contract_number": "JK-1",
        "loan-amount": "600",
        "loan-drawn_on": "2024-04-03",
        "loan-matures_on": "2025-04-02",
    }
    assert client.post(step, good).status_code == 302
    patent_page = client_for("office").get(reverse("patent-detail", args=[patent.pk])).content.decode()
    assert 'data-testid="right-badge"' in patent_page and "Y2024980000001" in patent_page
    assert client.post(step, {"step": "release", "release-day": "2025-04-05"}).status_code == 302
    patent_page = client_for("office").get(reverse("patent-detail", args=[patent.pk])).content.decode()
    assert 'data-testid="right-badge"' not in patent_page and patent_page.count("Y2024980000001") == 2
    # A reader who may not read the pledge sees the patent without it.
    other = client_for("amr-liaison").get(reverse("patent-detail", args=[patent.pk]))
    assert other.status_code in (200, 404) and "Y2024980000001" not in other.content.decode()


def test_the_list_filters_totals_and_exports_what_the_reader_may_read(client_for, bank, other_bank):
    make_pledge(bank, "Y-A", pledgor=make_enterprise(1, "350583119"), amount="100", day=datetime.date(2023, 1, 5))
    make_pledge(bank, "Y-B", pledgor=make_enterprise(2, "350583001"), amount="250", day=datetime.date(2024, 1, 5))
    make_pledge(other_bank, "Y-C", pledgor=make_enterprise(3), amount="999", day=datetime.date(2024, 2, 5))
    office = client_for("office")
    page = office.get(reverse("finance-pledge-list")).content.decode()
    assert page.count('data-testid="pledge-row"') == 3 and "1349.00" in page
    year = office.get(reverse("finance-pledge-list"), {"year": 2024, "bank": bank.pk}).content.decode()
    assert year.count('data-testid="pledge-row"') == 1 and "Y-B" in year
    own = client_for("bank").get(reverse("finance-pledge-list")).content.decode()
    assert own.count('data-testid="pledge-row"') == 2 and "Y-C" not in own
    export = client_for("bank").get(reverse("finance-pledge-export"))
    sheet = openpyxl.load_workbook(BytesIO(export.content)).worksheets[0]
    numbers = [row[0] for row in sheet.iter_rows(min_row=3, values_only=True) if row[0]]
    assert sorted(numbers) == ["Y-A", "Y-B"]


def test_the_office_enters_a_bank_and_the_bank_its_product(client_for, users, bank):
    office = client_for("office")
    assert office.post(reverse("finance-bank-list"), {"name": "", "credit_code": ""}).status_code == 400
    assert office.post(reverse("finance-bank-list"), {"name": "新设银行南安支行"}).status_code == 302
    made = Bank.objects.get(name="新设银行南安支行")
    assert made.unit.kind == "bank"
    client = client_for("bank")
    step = reverse("finance-bank-step", args=[bank.pk])
    refused = client.post(
        step,
        {
            "step": "product",
            "product-name": "知易贷",
            "product-rate_from": "5",
            "product-rate_to": "4",
            "product-rights": ["patent"],
        },
    )
    assert refused.status_code == 400 and 'value="知易贷"' in refused.content.decode()
    assert (
        client.post(
            step,
            {
                "step": "product",
                "product-name": "知易贷",
                "product-rate_from": "3.5",
                "product-rate_to": "4.5",
                "product-rights": ["patent", "trademark"],
            },
        ).status_code
        == 302
    )
    assert list(bank.products.values_list("name", "rights")) == [("知易贷", ["patent", "trademark"])]
    assert (
        client.post(
            reverse("finance-bank-step", args=[made.pk]),
            {"step": "product", "product-name": "x", "product-rights": ["patent"]},
        ).status_code
        == 404
    )


def test_the_api_enters_a_pledge_with_its_rights_and_a_loan(api_for, bank, other_bank, pledgor):
    api = api_for("bank")
    body = {
        "registration_number": "Y-API-1",
        "registered_on": "2024-06-01",
        "pledgor": pledgor.uscc,
        "bank": bank.pk,
        "secured_amount": "300",
        "rights": [{"right_type": "patent", "number": "202010000001.5"}],
    }
    created = api.post("/api/v1/finance/pledges/", body, format="json")
    assert created.status_code == 201, created.content
    row = created.json()
    assert row["rights"][0]["matched"] is False and row["pledgor_name"] == pledgor.name
    again = api.post("/api/v1/finance/pledges/", body, format="json")
    assert again.status_code == 400 and "Y-API-1" in again.content.decode()
    assert (
        api.post(
            "/api/v1/finance/pledges/", {**body, "registration_number": "Y-API-2", "bank": other_bank.pk}, format="json"
        ).status_code
        == 403
    )
    url = f"/api/v1/finance/pledges/{row['id']}/step/"
    loan = api.post(
        url,
        {
            "step": "loan",
            "contract_number": "L-API",
            "amount": "280",
            "drawn_on": "2024-06-03",
            "matures_on": "2025-06-02",
        },
        format="json",
    )
    assert loan.status_code == 200 and loan.json()["loans"][0]["amount"] == "280.0000"
    assert [p["registration_number"] for p in api.get("/api/v1/finance/pledges/").json()["results"]] == ["Y-API-1"]


def test_an_enterprise_reads_its_own_pledges_only(client_for, users, bank, pledgor):
    users["enterprise"].enterprises.add(pledgor)
    own = make_pledge(bank, "Y-MINE", pledgor=pledgor)
    other = make_pledge(bank, "Y-NOT-MINE", pledgor=make_enterprise(7))
    client = client_for("enterprise")
    page = client.get(reverse("finance-pledge-list")).content.decode()
    assert "Y-MINE" in page and "Y-NOT-MINE" not in page and 'data-testid="pledge-new"' not in page
    assert client.get(own.get_absolute_url()).status_code == 200
    assert client.get(other.get_absolute_url()).status_code == 404
    assert 'data-testid="pledge-steps"' not in client.get(own.get_absolute_url()).content.decode()
    assert client.get(reverse("finance-bank-list")).status_code == 403


def test_the_figures_by_bank_township_kind_of_right_and_the_smes_share(client_for, users, bank, other_bank):
    small = make_enterprise(1, "350583119")
    small.size = "small"
    small.industry_code = "C3032"
    small.save()
    large = make_enterprise(2, "350583001")
    large.size = "large"
    large.save()
    a = make_pledge(
        bank,
        "Y-F-1",
        pledgor=small,
        amount="300",
        day=datetime.date(2024, 2, 1),
        rights=[("patent", "202010000001.5"), ("trademark", "12345678")],
    )
    make_pledge(other_bank, "Y-F-2", pledgor=large, amount="100", day=datetime.date(2024, 3, 1))
    make_pledge(bank, "Y-F-3", pledgor=small, amount="50", day=datetime.date(2023, 3, 1))
    from zhichan.finance.services import pledges as actions

    actions.add_loan(
        a,
        None,
        contract_number="L",
        amount=Decimal("250"),
        drawn_on=datetime.date(2024, 2, 3),
        matures_on=datetime.date(2025, 2, 2),
    )
    page = client_for("office").get(reverse("finance-pledge-figures"), {"year": 2024}).content.decode()
    assert 'data-testid="figures-count">2<' in page and "400.00" in page
    assert "75.0 %" in page  # 300 of the 400 of pledges whose enterprise's size is known
    from zhichan.finance.services.figures import pledge_figures

    figures = pledge_figures(users["office"], datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
    tables = {
        table.key: {row.label: (row.count, row.registered, row.lent) for row in table.rows}
        for table in figures["tables"]
    }
    assert tables["bank"][bank.name] == (1, Decimal("300"), Decimal("250"))
    assert tables["right"]["专利"][0] == 2 and tables["right"]["商标"] == (1, Decimal("300"), Decimal("250"))
    assert tables["industry"]["C"][0] == 1
    own = client_for("bank").get(reverse("finance-pledge-figures"), {"year": 2024}).content.decode()
    assert 'data-testid="figures-count">1<' in own
    export = client_for("office").get(reverse("finance-pledge-figures-export"), {"year": 2024})
    assert len(openpyxl.load_workbook(BytesIO(export.content)).worksheets) == 6


def test_the_workbench_shows_the_office_the_rights_to_match_and_the_bank_its_pledges(client_for, bank):
    make_pledge(bank, "Y-W-1", rights=[("patent", "202310000009.9")])
    office = client_for("office").get("/").content.decode()
    assert "?state=unmatched" in office
    own = client_for("bank").get("/").content.decode()
    assert 'data-testid="bank-panel"' in own and "500.00" in own
    assert 'data-testid="bank-panel"' not in client_for("office").get("/").content.decode()
