"""Large batches: rows sent to PostgreSQL as COPY text, and the register's indexes built after a large batch."""

import datetime

import psycopg
import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction

from zhichan.core.imports import bulk, writing
from zhichan.core.models import Region
from zhichan.registry.models import Enterprise, Patent, PatentEvent

from .imports_support import do_import, number, write_csv
from .test_imports_patents import cnipa_rows

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="indexes are rebuilt on PostgreSQL only")
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
        return bulk.secondary_indexes(cursor, TABLES)


@postgres_only
def test_large_batch_rebuilds_the_same_indexes(tmp_path, users, monkeypatch):
    before = definitions()
    assert any("gin_trgm_ops" in definition for _name, definition in before)
    monkeypatch.setattr(writing, "DEFER_INDEXES_AT", 1)
    batch = do_import(users["office"], "patent", write_csv(tmp_path / "p.csv", cnipa_rows()))
    assert batch.state == "done" and batch.created_count == 2, batch.message
    assert definitions() == before
    patent = Patent.objects.get(application_number=number(2017, "1", 601862))
    assert patent.history.get().history_type == "+"
    # the next batch is not larger than the register: written with the indexes in place
    again = do_import(users["office"], "patent", write_csv(tmp_path / "p.csv", cnipa_rows()))
    assert again.unchanged_count == 2 and definitions() == before


@postgres_only
def test_failed_large_batch_leaves_the_indexes(tmp_path, users, monkeypatch):
    before = definitions()
    monkeypatch.setattr(writing, "DEFER_INDEXES_AT", 1)
    apply = writing.SetWriter._apply

    def failing(self, cursor, ops):
        apply(self, cursor, ops)
        assert bulk.secondary_indexes(cursor, TABLES) == []  # written without the indexes
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
    monkeypatch.setattr(writing, "DEFER_INDEXES_AT", 1)
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
    monkeypatch.setattr(writing, "DEFER_INDEXES_AT", 1)
    checked = []
    check = bulk.check_foreign_keys
    monkeypatch.setattr(
        bulk, "check_foreign_keys", lambda cursor, tables: checked.append(tables) or check(cursor, tables)
    )
    Enterprise.objects.create(name="南安市示例石业有限公司", region=Region.objects.get(name="水头镇"))
    batch = do_import(users["office"], "patent", write_csv(tmp_path / "p.csv", cnipa_rows()))
    assert batch.state == "done" and batch.created_count == 2, batch.message
    assert checked == [TABLES]
    patent = Patent.objects.get(application_number=number(2017, "1", 601862))
    assert [e.name for e in patent.holders.all()] == ["南安市示例石业有限公司"]
    assert patent.events.count() == 1 and patent.history.count() == 1
