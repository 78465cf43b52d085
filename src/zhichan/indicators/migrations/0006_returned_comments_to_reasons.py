"""Figures returned before there was a returned state were drafts with "退回：<reason>" (or "Returned: <reason>")
added to their comment: they become returned figures with that reason kept apart, and the comment as the unit
wrote it."""

from django.db import migrations

MARKS = ("退回：", "Returned: ")


def split_returned_comments(apps, schema_editor):
    DataValue = apps.get_model("indicators", "DataValue")
    for row in DataValue.objects.filter(state="draft", return_reason=""):
        at, mark = max((row.comment.rfind(mark), mark) for mark in MARKS)
        if at < 0:
            continue
        reason = row.comment[at + len(mark) :].strip()
        if not reason:
            continue
        row.comment, row.return_reason, row.state = row.comment[:at].strip(), reason, "returned"
        row.save(update_fields=["comment", "return_reason", "state"])


class Migration(migrations.Migration):
    dependencies = [("indicators", "0005_datavalue_returned")]

    operations = [migrations.RunPython(split_returned_comments, migrations.RunPython.noop)]
