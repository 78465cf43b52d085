"""A subsidy scheme and registry records for the subsidy tests, made as the system."""

import datetime
from decimal import Decimal

from zhichan.core.models import Attachment
from zhichan.finance.services import schemes, subsidies
from zhichan.registry.services.entries import create_patent, create_trademark

from ..files import pdf
from ..registry.registers import patent_number

SCHEME = {
    "key": "test-subsidy",
    "organisation": "350583",
    "name": "测试专项资金资助",
    "year": 2026,
    "opens_on": datetime.date(2026, 1, 1),
    "closes_on": datetime.date(2026, 12, 31),
    "window_from": datetime.date(2025, 7, 1),
    "window_to": datetime.date(2026, 6, 30),
    "payer": "finance",
    "budgets": {"invention": 10, "finance": 5, "platform": 20},
    "items": [
        {"key": "invention", "name": "发明专利授权资助", "purpose": "invention", "basis": "invention-granted",
         "amount": 0.5, "cap_per_applicant": 1},
        {"key": "pct", "name": "PCT 申请资助", "purpose": "invention", "basis": "pct-filed", "amount": 1},
        {"key": "madrid", "name": "马德里商标资助", "purpose": "use", "basis": "madrid-registered", "amount": 0.5},
        {"key": "interest", "name": "质押贷款贴息", "purpose": "finance", "basis": "pledge-interest", "percent": 50,
         "cap": 2},
        {"key": "navigation", "name": "专利导航项目", "purpose": "platform", "basis": "project", "amount": 20},
    ],
}  # fmt: skip
DAY = datetime.date(2026, 7, 6)  # a Monday


def make_scheme(**changes):
    return schemes.load_scheme(None, file="test-subsidy.yaml", data={**SCHEME, **changes})


def granted_patent(holder, serial, granted=datetime.date(2025, 9, 1), type_code="1", **fields):
    made, _ = create_patent(
        None,
        patent_number(2023, type_code, serial),
        title=f"一种石材加工装置{serial}",
        filing_date=datetime.date(2023, 3, 1),
        grant_date=granted,
        holders=[holder],
        **fields,
    )
    return made


def madrid_mark(holder, number="41000001", day=datetime.date(2025, 10, 1)):
    made, _ = create_trademark(
        None, number, mark="南石", madrid=True, international_registration_date=day, holders=[holder]
    )
    return made


def pdf_file(name="证书.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, pdf(), content_type="application/pdf")


def application_for(user, scheme, enterprise, claims=(), day=DAY, files=True):
    """A draft application with claims [(item key, number[, interest])] and a file."""
    application = subsidies.open_application(
        user,
        scheme=scheme,
        applicant=enterprise,
        contact="王经理",
        phone="0595-86000000",
        account_bank="演示银行南安支行",
        account_number="6222 0000 0000 0001",
        day=day,
    )
    for key, number, *declared in claims:
        item = scheme.items.get(key=key)
        subsidies.add_claim(
            application, user, item=item, subject=number, declared=Decimal(declared[0]) if declared else None
        )
    if files:
        subsidies.add_file(application, user, file=pdf_file())
    assert Attachment.objects.on(application).exists() == files
    return application
