"""Large batches: rows sent to PostgreSQL as COPY text; a large batch checks its references once per constraint and
locks no table, so users read and write the register while it runs."""

import datetime
import threading

import psycopg
import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction

from zhichan.core.imports import bulk, writing
from zhichan.core.models import Region
from zhichan.registry.models import Enterprise, Patent, PatentEvent

from .imports_support import do_import, number, write_csv
from .test_imports_patents import cnipa_rows

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="bulk loads are PostgreSQL's")
TABLES = [
    "registry_patent",
    "registry_historicalpatent",
    "registry_patentevent",
    "registry_historicalpatentevent",
    "registry_patent_holders",
]


def test_copy_line_escapes_what_copy_reads_specially():
    line = writing.copy_line(["a\tb", "back\\slash", "two\nlines\r", None, datetime.date(2024, 6, 1), 7, True, ""])
    assert line == "a\\tb\tback\\\\slash\ttwo\\nlines\\r\t\\N\t2024-06-01\t7\tt\t\n"
    assert writing.copy_line(["plain", None, "text"]) == "plain\t\\N\ttext\n"


def test_text_with_backslash_is_stored_as_written(tmp_path, users):
    rows = cnipa_rows()
    rows[1][2] = "一种石材切割装置\\改进型"
    batch = do_import(users["office"], "patent", write_csv(tmp_path / "p.csv", rows))
    assert batch.state == "done", batch.message
    assert Patent.objects.get(application_number=number(2017, "1", 601862)).title == "一种石材切割装置\\改进型"


def definitions():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s) ORDER BY 1", [TABLES])
        return cursor.fetchall()


# Table locks that keep other writers (or readers) out; an insert or update takes ROW EXCLUSIVE, a read ACCESS SHARE
BLOCKING = {"ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock"}


def locks_held(other, pid: int) -> dict[str, set[str]]:
    """The table locks a backend holds on the registry's tables, as another connection sees them in pg_locks."""
    held: dict[str, set[str]] = {}
    for table, mode in other.execute(
        "SELECT c.relname, l.mode FROM pg_locks AS l JOIN pg_class AS c ON c.oid = l.relation "
        "WHERE l.pid = %s AND l.granted AND c.relname LIKE 'registry%%' AND c.relkind IN ('r', 'p')",
        [pid],
    ):
        held.setdefault(table, set()).add(mode)
    return held


def users_write(region: Region, serial: int) -> list[str]:
    """What users do while an import runs, on a connection of their own (a thread's), each statement giving up
    after 2 s waiting for a lock: search the register, add a patent by hand and save it again with an event, add
    an enterprise and edit it. Rolled back: the test database's shared data stays as it was. Returns what failed."""
    failed = []

    def work():
        try:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL lock_timeout = '2s'")
                list(Patent.objects.filter(title__contains="石材").values_list("pk"))
                patent = Patent.objects.create(
                    application_number=number(2016, "1", serial),
                    title="手工录入",
                    filing_date="2016-03-01",
                    region=region,
                )
                patent.title = "页面保存"
                patent.save()
                PatentEvent.objects.create(patent=patent, date="2016-09-01", kind="grant", text="")
                enterprise = Enterprise.objects.create(name=f"手工录入{serial}有限公司", region=region)
                enterprise.address = "水头镇"
                enterprise.save()
                transaction.set_rollback(True)
        except Exception as error:  # noqa: BLE001 - handed to the test
            failed.append(repr(error))
        finally:
            connection.close()

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    return failed


@postgres_only
def test_a_large_batch_locks_no_table_and_users_write_while_it_runs(tmp_path, users, monkeypatch):
    """A batch taking the bulk path, watched between its chunks and once its rows are checked: it holds no lock
    that keeps others out of the registry's tables, and another connection reads and writes the register,
    its events and the enterprises meanwhile without waiting."""
    before = definitions()
    monkeypatch.setattr(writing, "BULK_LOAD_AT", 1)
    monkeypatch.setattr(writing, "COPY_CHUNK", 1)  # one chunk per row: the users write between chunks
    region = Region.objects.get(name="水头镇")
    seen, failed = [], []

    def watch(cursor):
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
        with psycopg.connect(**connection.get_connection_params(), autocommit=True) as other:
            seen.append(locks_held(other, pid))
        failed.extend(users_write(region, 900 + len(seen)))

    apply, clean = writing.SetWriter._apply, bulk.clean_pending_lists

    def applying(self, cursor, ops):
        apply(self, cursor, ops)
        watch(cursor)

    def cleaning(cursor, tables):
        clean(cursor, tables)
        watch(cursor)

    monkeypatch.setattr(writing.SetWriter, "_apply", applying)
    monkeypatch.setattr(bulk, "clean_pending_lists", cleaning)
    Enterprise.objects.create(name="南安市示例石业有限公司", region=region)
    batch = do_import(users["office"], "patent", write_csv(tmp_path / "p.csv", cnipa_rows()))
    assert batch.state == "done" and batch.created_count == 2, batch.message
    assert len(seen) == 3  # after each of the two chunks, and after the checks, before the commit
    assert failed == []
    for held in seen:
        assert "RowExclusiveLock" in held["registry_patent"]  # the import's own backend was watched
        assert not {table: modes & BLOCKING for table, modes in held.items() if modes & BLOCKING}
    assert definitions() == before  # no index was dropped or built
    assert not Patent.objects.filter(title__in=["手工录入", "页面保存"]).exists()  # the users' writes rolled back
    patent = Patent.objects.get(application_number=number(2017, "1", 601862))
    assert patent.history.get().history_type == "+" and patent.events.count() == 1
    assert [e.name for e in patent.holders.all()] == ["南安市示例石业有限公司"]


@postgres_only
def test_failed_large_batch_leaves_nothing(tmp_path, users, monkeypatch):
    before = definitions()
    monkeypatch.setattr(writing, "BULK_LOAD_AT", 1)
    apply = writing.SetWriter._apply

    def failing(self, cursor, ops):
        apply(self, cursor, ops)
        raise DatabaseError("disk full")

    monkeypatch.setattr(writing.SetWriter, "_apply", failing)
    with pytest.raises(DatabaseError):
        do_import(users["office"], "patent", write_csv(tmp_path / "p.csv", cnipa_rows()))
    assert definitions() == before
    assert Patent.objects.count() == 0


def dangling_event(cursor):
    """An event of a patent that does not exist: what a per-row or a set-based check must refuse."""
    cursor.execute(
        "INSERT INTO registry_patentevent (patent_id, date, kind, text) VALUES (%s, '2024-01-01', 'grant', '')",
        [10**12],
    )


@postgres_only
@pytest.mark.parametrize("may_skip_row_checks", [True, False])
def test_large_batch_refuses_a_missing_reference(tmp_path, users, monkeypatch, may_skip_row_checks):
    if not may_skip_row_checks:
        monkeypatch.setattr(bulk, "skip_row_checks", lambda cursor: False)
    elif not can_skip_row_checks():
        pytest.skip("the test database's role may not set session_replication_role")
    monkeypatch.setattr(writing, "BULK_LOAD_AT", 1)
    apply = writing.SetWriter._apply

    def with_a_dangling_event(self, cursor, ops):
        apply(self, cursor, ops)
        dangling_event(cursor)

    monkeypatch.setattr(writing.SetWriter, "_apply", with_a_dangling_event)
    before = definitions()
    with pytest.raises(IntegrityError, match="registry_patentevent"):
        do_import(users["office"], "patent", write_csv(tmp_path / "p.csv", cnipa_rows()))
    assert Patent.objects.count() == 0 and PatentEvent.objects.count() == 0
    assert definitions() == before


def can_skip_row_checks() -> bool:
    with transaction.atomic(), connection.cursor() as cursor:
        allowed = bulk.skip_row_checks(cursor)
        transaction.set_rollback(True)
    return allowed


@postgres_only
def test_set_based_check_locks_what_it_relies_on_and_names_the_missing_reference(users):
    if not can_skip_row_checks():
        pytest.skip("the test database's role may not set session_replication_role")
    shuitou, jintao = Region.objects.get(name="水头镇"), Region.objects.get(name="金淘镇")
    with transaction.atomic(), connection.cursor() as cursor:
        Patent.objects.create(
            application_number=number(2017, "1", 601862), title="t", filing_date="2017-02-27", region=shuitou
        )
        assert bulk.skip_row_checks(cursor)
        cursor.execute("SELECT current_setting('session_replication_role')")
        assert cursor.fetchone() == ("replica",)
        bulk.check_foreign_keys(cursor, TABLES)  # all present: passes
        # the referenced region cannot be deleted by anyone else until the batch ends; another one can
        with psycopg.connect(**connection.get_connection_params(), autocommit=True) as other:
            with pytest.raises(psycopg.errors.LockNotAvailable):
                other.execute("SELECT 1 FROM core_region WHERE id = %s FOR UPDATE NOWAIT", [shuitou.pk])
            assert other.execute("SELECT 1 FROM core_region WHERE id = %s FOR UPDATE NOWAIT", [jintao.pk]).fetchone()
        dangling_event(cursor)  # no trigger refuses it while the per-row checks are off
        with pytest.raises(IntegrityError, match=r"registry_patentevent\.patent_id = 1000000000000"):
            bulk.check_foreign_keys(cursor, TABLES)
        transaction.set_rollback(True)


@postgres_only
def test_large_batch_checks_each_foreign_key_once(tmp_path, users, monkeypatch):
    if not can_skip_row_checks():
        pytest.skip("the test database's role may not set session_replication_role")
    monkeypatch.setattr(writing, "BULK_LOAD_AT", 1)
    checked = []
    check = bulk.check_foreign_keys
    monkeypatch.setattr(
        bulk, "check_foreign_keys", lambda cursor, tables, own: checked.append(tables) or check(cursor, tables, own)
    )
    Enterprise.objects.create(name="南安市示例石业有限公司", region=Region.objects.get(name="水头镇"))
    batch = do_import(users["office"], "patent", write_csv(tmp_path / "p.csv", cnipa_rows()))
    assert batch.state == "done" and batch.created_count == 2, batch.message
    assert checked == [TABLES]
    patent = Patent.objects.get(application_number=number(2017, "1", 601862))
    assert [e.name for e in patent.holders.all()] == ["南安市示例石业有限公司"]
    assert patent.events.count() == 1 and patent.history.count() == 1
