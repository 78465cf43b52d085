"""The admin speaks Chinese throughout: our apps, the third-party ones, and no two models under one name."""

import pytest
from django.contrib import admin
from django.utils import translation


@pytest.mark.django_db
def test_admin_index_names_every_app_and_model_in_chinese(client_for):
    html = client_for("office").get("/admin/").content.decode()
    for english in ["Axes", "Task Results", "Tasks Database Backend", "access attempts", "Foundation"]:
        assert english not in html, english
    for chinese in ["登录保护", "后台任务结果", "登录锁定计数", "登录日志", "基础数据", "工作目标", "量化目标"]:
        assert chinese in html, chinese


def test_no_two_models_share_a_name_in_chinese():
    with translation.override("zh-hans"):
        names = [str(model._meta.verbose_name_plural) for model in admin.site._registry]
    assert len(names) == len(set(names)), sorted(name for name in names if names.count(name) > 1)


def test_third_party_columns_are_translated():
    from axes.models import AccessAttempt
    from django_tasks_db.models import DBTaskResult

    with translation.override("zh-hans"):
        assert str(DBTaskResult._meta.get_field("enqueued_at").verbose_name) == "排队时间"
        assert str(AccessAttempt._meta.get_field("attempt_time").verbose_name) == "时间"
