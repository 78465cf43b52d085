"""Migration 0006: a report's evidence becomes core attachments on the report, keeping ids, files and history."""

import hashlib

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from zhichan.core.models import Attachment, Unit, User
from zhichan.programme.models import ProgressReport, Task
from zhichan.programme.periods import periods
from zhichan.programme.services import reporting
from zhichan.programme.services.loading import load_programme
from zhichan.programme.services.report_history import report_history

from ..conftest import load_nanan
from ..files import PDF
from .conftest import MINI

pytestmark = pytest.mark.django_db(transaction=True)  # migrations change the schema: no enclosing transaction

BEFORE = [("programme", "0005_assignment_role_township")]  # core (the attachments) stays at its latest
AFTER = [("programme", "0006_evidence_to_attachments")]


def migrate(targets):
    """Migrate the test database to `targets` (None: the latest) and return the models as they were there."""
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    targets = [*targets, *(node for node in leaves if node[0] == "core")] if targets else leaves
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.fixture
def old_models(settings, tmp_path, report):
    settings.MEDIA_ROOT = tmp_path
    yield migrate(BEFORE)
    migrate(None)


@pytest.fixture
def report():
    """Made with today's models before the database is taken back (later migrations add columns they read)."""
    load_nanan()  # an earlier transactional test may have emptied the database
    task = Task.objects.get(programme=load_programme(MINI)["programme"], key="4.1.2")
    liaison = User.objects.get(username="amr-liaison")
    return reporting.open_report(task, Unit.objects.get(key="amr"), periods(task.programme)[0], liaison)


def old_evidence(old_models, report, name, *, stored=True, removed=False):
    """An evidence row of the old model with its file and its history, as the report page used to write them."""
    liaison = User.objects.get(username="amr-liaison")
    path = f"evidence/{report.period_start:%Y}/{report.pk}/{name}"
    if stored:
        path = default_storage.save(path, ContentFile(PDF))
    values = {
        "report_id": report.pk,
        "file": path,
        "name": name,
        "content_type": "application/pdf",
        "size": len(PDF),
        "uploaded_by_id": liaison.pk,
    }
    evidence = old_models.get_model("programme", "Evidence").objects.create(**values)
    history = old_models.get_model("programme", "HistoricalEvidence").objects
    common = {**values, "id": evidence.pk, "uploaded_at": evidence.uploaded_at, "history_user_id": liaison.pk}
    history.create(**common, history_type="+", history_date=timezone.now())
    if removed:
        history.create(**common, history_type="-", history_date=timezone.now())
        evidence.delete()
    return evidence


def test_evidence_moves_onto_attachments_and_back(old_models, report, client):
    kept = old_evidence(old_models, report, "签到表.pdf")
    lost = old_evidence(old_models, report, "丢失.pdf", stored=False)  # a row whose file is gone
    old_evidence(old_models, report, "已删除.pdf", removed=True)

    migrate(AFTER)
    moved = Attachment.objects.get(pk=kept.pk)  # the same id, as the API showed it
    assert moved.record == ProgressReport.objects.get(pk=report.pk) and moved.kind == "evidence"
    assert moved.file.name == kept.file.name and moved.file.read() == PDF  # the same file, where it was
    assert (moved.name, moved.content_type, moved.size) == ("签到表.pdf", "application/pdf", len(PDF))
    assert moved.checksum == hashlib.sha256(PDF).hexdigest() and moved.uploaded_at == kept.uploaded_at
    assert moved.uploaded_by.username == "amr-liaison"
    assert Attachment.objects.get(pk=lost.pk).checksum == ""
    assert sorted(report.evidence.values_list("name", flat=True)) == ["丢失.pdf", "签到表.pdf"]
    steps = [(step.kind, step.note) for step in report_history(report) if step.kind.startswith("evidence")]
    assert steps == [
        ("evidence-added", "签到表.pdf"),
        ("evidence-added", "丢失.pdf"),
        ("evidence-added", "已删除.pdf"),
        ("evidence-removed", "已删除.pdf"),
    ]
    client.force_login(User.objects.get(username="amr-liaison"))
    response = client.get(reverse("attachment-download", args=[moved.pk]))
    assert b"".join(response.streaming_content) == PDF
    liaison = User.objects.get(username="amr-liaison")
    added = reporting.attach(report, liaison, SimpleUploadedFile("新.pdf", PDF))
    assert added.pk > max(kept.pk, lost.pk)  # new ids follow the moved ones

    back = migrate(BEFORE)
    Evidence = back.get_model("programme", "Evidence")
    assert sorted(Evidence.objects.values_list("pk", "name")) == sorted(
        [(kept.pk, "签到表.pdf"), (lost.pk, "丢失.pdf"), (added.pk, "新.pdf")]
    )
    assert Evidence.objects.get(pk=kept.pk).file.name == kept.file.name
    assert back.get_model("programme", "HistoricalEvidence").objects.filter(history_type="-").count() == 1
    assert not back.get_model("core", "Attachment").objects.exists()
