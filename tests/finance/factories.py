"""Banks and pledges for the finance tests, made through the actions as the system."""

import datetime
from decimal import Decimal

from zhichan.core.models import Region
from zhichan.finance.services import banks, pledges
from zhichan.registry.models import Enterprise

from ..registry.registers import patent_number

COUNTY = "350583"


def make_bank(name="测试银行南安支行", unit=None):
    return banks.add_bank(None, name=name, unit=unit, organisation=Region.objects.get(code=COUNTY))


def make_enterprise(serial=1, region_code="350583119"):
    from stdnum.cn import uscc

    body = f"91350583MA0FXN{serial:03d}"
    code = body + uscc.calc_check_digit(body)
    enterprise, _ = Enterprise.objects.get_or_create(
        uscc=code, defaults={"name": f"融资企业{serial}", "region": Region.objects.get(code=region_code)}
    )
    return enterprise


def make_pledge(bank, number, *, pledgor=None, amount="500", day=datetime.date(2023, 3, 1), rights=None):
    return pledges.register_pledge(
        None,
        bank=bank,
        registration_number=number,
        registered_on=day,
        pledgor=pledgor or make_enterprise(),
        secured_amount=Decimal(amount),
        rights=rights or [("patent", patent_number(2020, "1", 900 + len(number)))],
    )


def import_rows(tmp_path, user, kind, headers, rows, name):
    """Write the rows under the headers to an Excel file and import it as the user, through the framework."""
    import openpyxl

    from zhichan.core.imports.running import run_import
    from zhichan.core.models import ImportBatch

    path = tmp_path / name
    book = openpyxl.Workbook()
    book.active.append(headers)
    for row in rows:
        book.active.append(row)
    book.save(path)
    batch = ImportBatch.objects.create(kind=kind, user=user, file_name=name, language="zh-hans", dry_run=False)
    return run_import(batch, path)
