"""The pledge ledger import: new pledges with their rights and loans, a second month adding only what is new,
amounts in 元 converted and a 万元 column holding 元 refused, every refusal naming its row and column."""

from decimal import Decimal

from zhichan.finance.models import Pledge

from .factories import import_rows, make_enterprise

HEADERS = [
    "质押登记号",
    "质押登记日期",
    "出质人统一社会信用代码",
    "质权人",
    "质押登记金额（万元）",
    "质押专利号",
    "借款合同编号",
    "放款金额（元）",
    "放款日期",
    "到期日期",
    "质押注销日期",
]


def import_ledger(tmp_path, user, rows, name="ledger.xlsx"):
    return import_rows(tmp_path, user, "finance-pledges", HEADERS, rows, name)


def test_a_monthly_ledger_enters_pledges_then_only_what_is_new(tmp_path, users, bank):
    code = make_enterprise(1).uscc
    first = [
        [
            "Y-L-1",
            "2024-01-05",
            code,
            bank.name,
            "500",
            "202010000001.5、202120000002.X",
            "JK-1",
            "3,000,000",
            "2024-01-08",
            "2025-01-07",
            "",
        ],
        [
            "Y-L-1",
            "2024-01-05",
            code,
            bank.name,
            "500",
            "202010000001.5",
            "JK-2",
            "1500000元",
            "2024-02-08",
            "2025-02-07",
            "",
        ],
        [
            "Y-L-2",
            "2024-01-09",
            code,
            bank.name,
            "2000000",
            "202010000003.1",
            "JK-3",
            "100",
            "2024-01-10",
            "2025-01-09",
            "",
        ],
        ["Y-L-3", "2024-01-09", "91350583MA0NOBODY0", bank.name, "50", "202010000004.X", "", "", "", "", ""],
    ]
    batch = import_ledger(tmp_path, users["office"], first, "一月.xlsx")
    pledge = Pledge.objects.get(registration_number="Y-L-1")
    assert pledge.rights.count() == 2 and sorted(pledge.loans.values_list("amount", flat=True)) == [
        Decimal("150"),
        Decimal("300"),
    ]
    reasons = {(r.row, r.shown_field): str(r.shown_reason) for r in batch.rejections.all()}
    assert set(reasons) == {(4, "质押登记金额（万元）"), (5, "出质人统一社会信用代码")}
    assert (
        "万元" in reasons[(4, "质押登记金额（万元）")]
        and "91350583MA0NOBODY0" in reasons[(5, "出质人统一社会信用代码")]
    )
    assert not Pledge.objects.filter(registration_number__in=["Y-L-2", "Y-L-3"]).exists()
    second = [
        [
            "Y-L-1",
            "2024-01-05",
            code,
            bank.name,
            "500",
            "202010000001.5",
            "JK-1",
            "3000000",
            "2024-01-08",
            "2025-01-07",
            "2025-01-10",
        ],
        [
            "Y-L-1",
            "2024-01-05",
            code,
            bank.name,
            "500",
            "202010000001.5",
            "JK-4",
            "200000",
            "2024-03-01",
            "2025-02-28",
            "",
        ],
    ]
    import_ledger(tmp_path, users["office"], second, "二月.xlsx")
    pledge.refresh_from_db()
    assert pledge.loans.count() == 3 and str(pledge.released_on) == "2025-01-10"


def test_a_bank_imports_its_own_ledger_and_nothing_else(tmp_path, users, client_for, bank, other_bank):
    from django.urls import reverse

    code = make_enterprise(1).uscc
    rows = [
        ["Y-B-1", "2024-05-05", code, "", "80", "202010000001.5", "JK-B", "700000", "2024-05-06", "2025-05-05", ""],
        ["Y-B-2", "2024-05-05", code, other_bank.name, "80", "202010000001.5", "", "", "", "", ""],
    ]
    batch = import_ledger(tmp_path, users["bank"], rows)
    pledge = Pledge.objects.get(registration_number="Y-B-1")
    assert pledge.bank == bank and pledge.loans.get().amount == Decimal("70")
    assert {r.shown_field for r in batch.rejections.all()} == {"质权人"}
    page = client_for("bank").get(reverse("import-start")).content.decode()
    assert "finance-pledges" in page and "service-agencies" not in page
