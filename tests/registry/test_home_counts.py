"""The registry home's counts are cached per register version, day and reader's scope: every write path moves
the version (a save or delete through the audit, an import, the synthetic register loaded without history), so
the next read after a write shows it."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from zhichan.registry.demo import load_demo_registry
from zhichan.registry.models import Patent, PatentEvent

from .imports_support import do_import, number, write_csv
from .registers import make_registers

pytestmark = pytest.mark.django_db


@pytest.fixture
def registers(db):
    return make_registers()


def counts(client) -> dict:
    return client.get(reverse("registry-home")).context["counts"]


def test_counts_are_read_once_then_kept(registers, client_for):
    client = client_for("office")
    first = counts(client)
    with CaptureQueriesContext(connection) as again:
        assert counts(client) == first
    assert not any("registry_patent" in q["sql"] and "history" not in q["sql"] for q in again), again


def test_a_saved_event_moves_the_counts(registers, client_for):
    client = client_for("office")
    before = counts(client)
    assert before["invention_patents"] == 1  # the own patent, granted in 2018
    PatentEvent.objects.create(patent=registers.own_patent, date=date(2020, 1, 1), kind="lapse", text="未缴年费终止")
    assert counts(client)["invention_patents"] == 0
    registers.own_patent.delete()
    assert counts(client)["patents"] == before["patents"] - 1


def test_an_import_moves_the_counts(registers, client_for, users, tmp_path):
    client = client_for("office")
    before = counts(client)["patents"]
    rows = [["申请号", "专利名称", "申请日"], [number(2017, "1", 601862), "一种石材切割装置", "2017-03-01"]]
    batch = do_import(users["office"], "patent", write_csv(tmp_path / "patents.csv", rows))
    assert batch.created_count == 1
    assert counts(client)["patents"] == before + 1


def test_the_synthetic_register_loaded_without_history_moves_the_counts(registers, client_for):
    client = client_for("office")
    before, audited = counts(client)["patents"], Patent.history.count()
    created = load_demo_registry(enterprises=3, patents=20, trademarks=5, copyrights=2)
    assert created["patents"] > 0 and Patent.history.count() == audited  # no history row moved the version
    assert counts(client)["patents"] == before + created["patents"]


def test_each_reader_has_the_counts_of_its_own_scope(registers, client_for):
    office = counts(client_for("office"))
    township = counts(client_for("shuitou-liaison"))  # 水头镇: its own patent, not 溪美's
    assert office["patents"] == 2 and township["patents"] == 1
    assert counts(client_for("office")) == office
