"""The base of the registry's records (models/records.py) and the registers' columns (columns.py)."""

from django.core.management import call_command

from zhichan.registry import columns
from zhichan.registry.metrics import METRICS
from zhichan.registry.models import Copyright, Enterprise, GeographicalIndication, Patent, Trademark
from zhichan.registry.models.records import RegisterRecord, RegistryRecord

REGISTERS = (Patent, Trademark, Copyright, GeographicalIndication)


def test_every_register_inherits_the_base_and_keeps_its_own_history():
    for model in REGISTERS:
        assert issubclass(model, RegisterRecord)
        assert {"source", "import_batch", "synthetic"} <= {field.name for field in model._meta.fields}
        assert model.history.model._meta.db_table == f"registry_historical{model._meta.model_name}"
        assert hasattr(model.objects, "visible_to")
    assert issubclass(Enterprise, RegistryRecord) and not issubclass(Enterprise, RegisterRecord)
    assert Enterprise.history.model._meta.db_table == "registry_historicalenterprise"


def test_the_history_indexes_only_what_it_is_read_by():
    indexed = {field.name for field in Patent.history.model._meta.fields if field.db_index}
    assert not indexed & {"application_number", "region", "import_batch"}
    assert {"region", "import_batch"} <= {
        f.name for f in GeographicalIndication.history.model._meta.fields if f.db_index
    }


def test_the_base_changes_no_table(db):
    call_command("makemigrations", "registry", "--check", "--dry-run", verbosity=0)


def test_drill_downs_show_the_registers_own_columns():
    declared = {
        column
        for tuple_ in (
            columns.PATENTS,
            columns.TRADEMARKS,
            columns.COPYRIGHTS,
            columns.GEOGRAPHICAL_INDICATIONS,
            columns.ENTERPRISES,
        )
        for column in tuple_
    } | {columns.HIGH_VALUE_FACTS}
    for metric in METRICS:
        assert set(metric.columns) <= declared, metric.code
