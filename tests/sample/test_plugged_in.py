"""A new app plugs in with no edit outside its folder but INSTALLED_APPS: this throwaway module shows it."""

import io

from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from zhichan.core import extensions, modules

from ..core import test_permissions


def test_its_urls_and_api_are_served_and_in_the_permission_tests():
    assert reverse("note-list") == "/notes/"
    assert reverse("api:note-list") == "/api/v1/notes/"
    for name in ["note-list", "note-detail", "api:note-list", "api:note-detail"]:
        assert name in test_permissions.ROUTES and name in test_permissions.EXPECTED
    assert any(case[0] == "note-detail" for case in test_permissions.CASES)


def test_its_menu_panel_and_todos_show_on_the_workbench(client, users):
    from .permissions import rows

    rows(users)
    client.force_login(users["office"])
    page = client.get(reverse("workbench")).content.decode()
    assert 'href="/notes/"' in page and "Sample panel: 2 note" in page and "Sample note to read" in page
    client.force_login(users["enterprise"])
    assert 'href="/notes/"' not in client.get(reverse("workbench")).content.decode()


def test_its_daily_job_first_start_and_alerts_run(client, users, settings):
    out = io.StringIO()
    call_command("send_reminders", "--date", "2024-03-01", stdout=out)
    assert "Sample notes: daily job for 2024-03-01" in out.getvalue()
    assert any(step.__module__ == "tests.sample.hooks" for step in extensions.FIRST_START)
    from .permissions import rows

    rows(users)
    settings.SAMPLE_ALERTS = True
    client.force_login(users["leader"])
    assert "Sample alert: 2 notes" in client.get(reverse("dashboard")).content.decode()


def test_an_installed_module_is_no_longer_coming():
    with override_settings(ZHICHAN_PLANNED_MODULES=[("sample", "Sample"), ("later", "Later")]):
        assert modules.coming() == ["Later"]


def test_its_import_kind_is_offered_and_imports(client_for, tmp_path):
    from zhichan.core.models import ImportBatch, Unit

    from .models import Note

    client = client_for("office")
    assert 'data-testid="template-sample-notes"' in client.get(reverse("import-start")).content.decode()
    unit = Unit.objects.get(key="amr")
    path = tmp_path / "notes.csv"
    path.write_text(f"标题,单位\n第一条,{unit.name}\n第二条,没有这个单位\n", encoding="utf-8")
    with path.open("rb") as handle:
        client.post(reverse("import-start"), {"kind": "sample-notes", "file": handle})
    batch = ImportBatch.objects.get(kind="sample-notes")
    assert (batch.state, batch.created_count, batch.rejected_count) == ("done", 1, 1)
    assert Note.objects.get(title="第一条").unit == unit
