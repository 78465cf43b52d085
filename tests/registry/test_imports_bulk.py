"""Large batches: rows sent to PostgreSQL as COPY text, and the register's indexes built after a large batch."""

import datetime

import pytest
from django.db import DatabaseError, connection

from zhichan.registry.models import Patent
from zhichan.registry.services.imports import writing

from .imports_support import do_import, number, write_csv
from .test_imports_patents import cnipa_rows

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="indexes are rebuilt on PostgreSQL only")
TABLES = ["registry_patent", "registry_historicalpatent", "registry_patentevent", "registry_historicalpatentevent"]


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
        return writing.secondary_indexes(cursor, TABLES)


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

    def failing(self, cursor, compared):
        apply(self, cursor, compared)
        assert definitions() == []  # written without the indexes
        raise DatabaseError("disk full")

    monkeypatch.setattr(writing.SetWriter, "_apply", failing)
    with pytest.raises(DatabaseError):
        do_import(users["office"], "patent", write_csv(tmp_path / "p.csv", cnipa_rows()))
    assert definitions() == before
    assert Patent.objects.count() == 0
