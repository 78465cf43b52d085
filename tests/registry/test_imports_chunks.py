"""Writing a batch chunk by chunk: records spread over several chunks are classified, written, linked and given
their events as in one; the bulk-load decision is taken on the first chunk; a failing chunk changes nothing."""

import threading

import pytest
from django.db import DatabaseError, connection

from zhichan.core.imports import writing
from zhichan.core.imports.profiles import known_headers
from zhichan.core.imports.reading import open_table
from zhichan.core.imports.running import run_import
from zhichan.core.models import ImportBatch, Region
from zhichan.registry.models import Enterprise, Patent, PatentEvent

from .imports_support import do_import, number, write_csv, write_xlsx
from .test_imports_patents import CNIPA

pytestmark = pytest.mark.django_db


def row(serial: int, title: str, status: str = "授权", holder: str = "南安市示例石业有限公司") -> list:
    return [
        number(2017, "1", serial),
        "2017-02-27",
        title,
        holder,
        "张三;李四",
        "福建省南安市水头镇示例路1号",
        f"CN1070{serial:05d}A",
        "2017.06.30",
        "20190503",
        "B28D1/04(2006.01)",
        status,
        "",
    ]


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(writing, "CHUNK", 2)
    monkeypatch.setattr(writing, "COPY_CHUNK", 2)


@pytest.fixture
def holder():
    return Enterprise.objects.create(name="南安市示例石业有限公司", region=Region.objects.get(name="水头镇"))


def test_records_over_several_chunks_are_written_as_in_one(tmp_path, users, small_chunks, holder):
    first = do_import(users["office"], "patent", write_csv(tmp_path / "a.csv", [CNIPA, row(1, "甲"), row(2, "乙")]))
    assert first.state == "done" and first.created_count == 2, first.message
    # five rows in three chunks: one unchanged, one changed, three new
    rows = [CNIPA, row(1, "甲"), row(2, "乙改"), row(3, "丙"), row(4, "丁", status=""), row(5, "戊", holder="别人")]
    batch = do_import(users["office"], "patent", write_csv(tmp_path / "b.csv", rows))
    assert (batch.created_count, batch.updated_count, batch.unchanged_count) == (3, 1, 1), batch.message
    assert batch.rejected_count == 0
    titles = dict(Patent.objects.values_list("application_number", "title"))
    assert titles == {number(2017, "1", n): t for n, t in [(1, "甲"), (2, "乙改"), (3, "丙"), (4, "丁"), (5, "戊")]}
    for serial in (3, 4, 5):
        patent = Patent.objects.get(application_number=number(2017, "1", serial))
        assert patent.import_batch_id == batch.pk and patent.region.name == "水头镇"
        assert [h.history_type for h in patent.history.all()] == ["+"]
        assert list(patent.holders.all()) == ([] if serial == 5 else [holder])
        assert patent.events.count() == (0 if serial == 4 else 1)
    changed = Patent.objects.get(application_number=number(2017, "1", 2))
    assert [h.history_type for h in changed.history.order_by("history_date", "history_id")] == ["+", "~"]
    assert changed.events.count() == 1 and changed.holders.count() == 1  # nothing added twice
    assert PatentEvent.history.filter(history_type="+").count() == PatentEvent.objects.count() == 4


def test_dry_run_over_several_chunks_counts_and_changes_nothing(tmp_path, users, small_chunks, holder):
    do_import(users["office"], "patent", write_csv(tmp_path / "a.csv", [CNIPA, row(1, "甲")]))
    rows = [CNIPA, row(1, "甲"), row(2, "乙"), row(3, "丙")]
    batch = do_import(users["office"], "patent", write_csv(tmp_path / "b.csv", rows), dry_run=True)
    assert (batch.created_count, batch.unchanged_count) == (2, 1), batch.message
    assert Patent.objects.count() == 1


def test_failing_chunk_changes_nothing_and_stops_the_writer(tmp_path, users, small_chunks, monkeypatch, holder):
    threads = threading.active_count()
    write = writing.SetWriter._write
    written = []

    def failing_second(self, cursor, chunk):
        written.append(len(chunk))
        if len(written) == 2:
            raise DatabaseError("disk full")
        write(self, cursor, chunk)

    monkeypatch.setattr(writing.SetWriter, "_write", failing_second)
    rows = [CNIPA, *[row(n, f"题{n}") for n in range(1, 8)]]
    with pytest.raises(DatabaseError, match="disk full"):
        do_import(users["office"], "patent", write_csv(tmp_path / "p.csv", rows))
    assert Patent.objects.count() == 0 and PatentEvent.objects.count() == 0
    assert threading.active_count() == threads
    assert len(written) <= 3  # reading stopped soon after the failure, not at the end of the file


@pytest.mark.skipif(connection.vendor != "postgresql", reason="bulk loads are PostgreSQL's")
@pytest.mark.parametrize(
    ("existing", "expected_bulk"),
    [
        (0, True),  # the file's rows are expected to be new: the first chunk says so
        (4, False),  # the register already holds more than the file will add
    ],
)
def test_bulk_load_is_decided_on_the_first_chunk(tmp_path, users, small_chunks, monkeypatch, existing, expected_bulk):
    if existing:
        do_import(
            users["office"],
            "patent",
            write_csv(tmp_path / "a.csv", [CNIPA, *[row(n, "旧") for n in range(1, existing + 1)]]),
        )
    monkeypatch.setattr(writing, "BULK_LOAD_AT", 3)
    decided = []
    decide = writing.SetWriter._decide

    def recording(self, cursor, rows, new):
        decide(self, cursor, rows, new)
        decided.append(self.bulk)

    monkeypatch.setattr(writing.SetWriter, "_decide", recording)
    rows = [CNIPA, *[row(n, f"新{n}") for n in (11, 12, 13)]]
    batch = do_import(users["office"], "patent", write_csv(tmp_path / "b.csv", rows))
    assert batch.state == "done" and batch.created_count == 3, batch.message
    assert decided == [expected_bulk]  # decided once, on the first chunk of two rows, for a file of three


@pytest.mark.parametrize("ending", ["\r\n", "\n", ""])
def test_rows_expected_from_a_csv_file(tmp_path, ending):
    rows = [CNIPA, row(1, "甲"), row(2, "乙"), row(3, "丙")]
    path = write_csv(tmp_path / "p.csv", rows)
    path.write_bytes(path.read_bytes().rstrip(b"\r\n") + ending.encode())
    header, body, expected = open_table(path, known_headers("patent"))
    assert expected == 3 and len(list(body)) == 3


def test_rows_expected_from_a_workbook(tmp_path):
    path = write_xlsx(tmp_path / "p.xlsx", [["专利数据导出"], CNIPA, row(1, "甲"), row(2, "乙")])
    header, body, expected = open_table(path, known_headers("patent"))
    assert header[0] == "申请号" and expected == 2 and len(list(body)) == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="bulk loads are PostgreSQL's")
def test_a_bulk_load_says_the_references_are_checked_after_the_rows(tmp_path, users, small_chunks, monkeypatch):
    monkeypatch.setattr(writing, "BULK_LOAD_AT", 1)
    path = write_csv(tmp_path / "p.csv", [CNIPA, *[row(n, f"题{n}") for n in range(1, 6)]])
    batch = ImportBatch.objects.create(kind="patent", user=users["office"], file_name=path.name, language="zh-hans")
    messages = []
    run_import(batch, path, progress=lambda done, total, message: messages.append((done, total, message)))
    assert [m for _d, _t, m in messages[-2:]] == ["正在写入 5 行……", "正在核对关联、整理检索索引……"]
