"""The figures against hand counts, the national-list import (errors naming row and field, duplicates naming the
existing record), the exports, and the demo data."""

import datetime
import io

import openpyxl
import pytest
from django.urls import reverse

from zhichan.core.models import ImportBatch, Region, Unit
from zhichan.credit.metrics import RecordsFound, RecordsInForce, SeriousListed
from zhichan.credit.models import DishonestyRecord, RepairApplication, SeriousListEntry
from zhichan.credit.services import records

from .conftest import CODE, OTHER_CODE, PERSON_ID

D = datetime.date


@pytest.fixture
def placed(new_record, new_listing, users):
    """Two records in a township (the enterprise's), one of a person in the unit's region, one revoked; a listing."""
    from zhichan.registry.models import Enterprise

    township = users["shuitou-liaison"].unit.region
    Enterprise.objects.create(name="演示卫浴有限公司", uscc=CODE, region=township)
    a = new_record(found_on=D(2024, 3, 1))
    new_record(found_on=D(2023, 2, 1), kind="false-materials")  # extended by the next? no: it ended 2024-01-31
    new_record(found_on=D(2024, 5, 1), subject_kind="person", subject_name="张三", credit_code="", id_number=PERSON_ID)
    wrong = new_record(found_on=D(2024, 4, 1), credit_code=OTHER_CODE)
    records.revoke_record(wrong, users["office"], D(2024, 4, 2), "认定有误")
    new_listing(listed_on=D(2024, 1, 5))
    return township, a


def test_figures_as_counted_by_hand(placed):
    township, _a = placed
    county = Unit.objects.get(key="amr").region
    found = RecordsFound().values(D(2024, 1, 1), D(2024, 12, 31))
    assert found == {township.pk: 1, county.pk: 1}  # the revoked record and the 2023 one are not counted
    assert RecordsFound().values(D(2024, 1, 1), D(2024, 12, 31), {"kind": "false-materials"}) == {}
    in_force = RecordsInForce().values(None, D(2024, 6, 30))
    assert in_force == {township.pk: 1, county.pk: 1}
    assert RecordsInForce().values(None, D(2025, 6, 30)) == {}
    assert SeriousListed().values(None, D(2024, 6, 30)) == {township.pk: 1}
    assert SeriousListed().values(None, D(2023, 6, 30)) == {}
    behind = RecordsFound().records(D(2024, 1, 1), D(2024, 12, 31), [county.pk])
    assert behind.count() == 2  # the county holds its township


def _csv(tmp_path, text):
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_national_list_imports_and_refuses_rows_naming_row_and_field(reference, client_for, tmp_path, new_record):
    existing = new_record(document_number="国知发〔2024〕9号", kind="abnormal-patent-application")
    path = _csv(
        tmp_path,
        "主体名称,统一社会信用代码,失信行为类型,认定文书号,认定日期,认定单位\n"
        f"甲公司,{OTHER_CODE},恶意商标注册申请,国知发〔2024〕1号,2024-03-01,市市场监管局\n"
        f"乙公司,{OTHER_CODE},没有这种类型,国知发〔2024〕2号,2024-03-01,市市场监管局\n"
        f"丙公司,{CODE},abnormal-patent-application,国知发〔2024〕9号,2024-03-01,市市场监管局\n"
        f"丁公司,123,other,国知发〔2024〕3号,2024-03-01,市市场监管局\n",
    )
    client = client_for("office")
    with path.open("rb") as handle:
        client.post(reverse("import-start"), {"kind": "credit-national-list", "file": handle})
    batch = ImportBatch.objects.get(kind="credit-national-list")
    assert (batch.state, batch.created_count, batch.rejected_count) == ("done", 1, 3)
    assert DishonestyRecord.objects.get(document_number="国知发〔2024〕1号").source == "national-list"
    reasons = {row.row: (row.field, row.reason) for row in batch.rejections.all()}
    assert reasons[3][0] == "失信行为类型"  # the file's own column
    assert reasons[4][0] == "认定文书号" and f"no. {existing.pk}" in reasons[4][1]
    assert reasons[5][0] == "统一社会信用代码"


def test_the_exports_hold_the_rows_and_never_an_id_number(new_record, new_listing, client_for):
    new_record(subject_kind="person", subject_name="张三丰", credit_code="", id_number=PERSON_ID)
    new_listing()
    for name, user in (("credit-record-export", "court-liaison"), ("credit-serious-export", "leader")):
        response = client_for(user).get(reverse(name))
        book = openpyxl.load_workbook(
            io.BytesIO(b"".join(response.streaming_content if response.streaming else [response.content]))
        )
        cells = [str(c) for row in book.active.iter_rows(values_only=True) for c in row if c]
        assert PERSON_ID not in cells and "张三丰" not in cells
        assert len(list(book.active.iter_rows())) >= 3


def test_demo_data_is_synthetic_deterministic_and_made_through_the_actions(reference, users):
    from zhichan.credit.services.demo import create_demo_credit, demo_credit_present
    from zhichan.registry.models import Enterprise

    region = Region.objects.get(code="350583")
    for serial in range(12):
        Enterprise.objects.create(name=f"演示企业{serial}", uscc=f"91350583MA000001{serial:02d}", region=region)
    assert not demo_credit_present()
    made, listed, asked, graded = create_demo_credit(D(2025, 6, 1))
    assert demo_credit_present() and made == DishonestyRecord.objects.count() >= 10
    assert listed == SeriousListEntry.objects.count() == 4
    assert asked == RepairApplication.objects.filter(state="asked").count() == 2
    assert graded == Enterprise.objects.count()
    assert all(r.synthetic and "演示数据（虚构）" in r.facts for r in DishonestyRecord.objects.all())
    assert DishonestyRecord.objects.filter(published=True).exists()
