"""The office's own pages: a background reload it can watch, and the sign-in audit trail."""

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from zhichan.core.models import AuthEvent, TaskProgress

pytestmark = pytest.mark.e2e


def test_office_reloads_regions_and_watches_the_task_finish(tab):
    tab.sign_in("office")
    tab.go("/regions/")
    tab.page.get_by_test_id("reload-regions").click()

    tab.page.wait_for_url(re.compile(r"/tasks/\d+/$"))
    # Tasks run inline in tests, so the page shows the finished state without polling.
    expect(tab.page.get_by_test_id("task-progress")).to_have_attribute("data-state", "done")
    progress = TaskProgress.objects.get(pk=int(tab.path().split("/")[2]))
    assert progress.user.username == "office" and progress.state == TaskProgress.State.DONE
    assert tab.console_errors() == []


def test_failed_sign_in_shows_an_error_and_reaches_the_audit_trail(tab):
    tab.sign_in("court-liaison", "not-the-password")
    assert tab.path().startswith("/accounts/login/")
    expect(tab.page.locator("main .alert-danger[role=alert]")).to_be_visible()
    expect(tab.page.get_by_test_id("current-user")).to_have_count(0)

    tab.sign_in("office")
    tab.go("/audit/?tab=logins")
    with translation.override("zh-hans"):
        failed = str(AuthEvent.Kind.FAILED.label)
    rows = tab.page.get_by_test_id("auth-event").filter(has_text=failed)
    expect(rows.filter(has=tab.page.locator("td", has_text=re.compile(r"^court-liaison$")))).to_have_count(1)
    assert tab.console_errors() == []
