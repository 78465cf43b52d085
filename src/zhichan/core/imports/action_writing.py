"""Writing rows one by one, as the batch's user: the interface of core's writers for the ledgers whose rows are
entered as the pages enter them, through a module's actions (cases, agencies, experts, dishonesty records), and for
the small registers written through their models (orm_writing.py).

A kind subclasses `ActionWriter` and defines `enter(record)`, which calls the actions for one row. Each row is
entered in a savepoint of its own, so a refused row leaves nothing behind and a dry run keeps nothing. A row is
refused when `enter` raises RowRejected, ValidationError (each field's reason under its column) or
PermissionDenied (under `refused_field`)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext

from .errors import RowRejected, reasons_by_field


class ActionWriter:
    refused_field = "name"  # the column a permission refusal is named under

    def __init__(self, job):
        self.job = job
        self.batch = job.batch
        self.user = job.batch.user
        self.helpers = job.helpers
        self.records: list[tuple[int, dict]] = []
        self.rows = 0

    def enter(self, record: dict) -> str | None:
        """Enter one row; returns "created" (or None), "updated" or "unchanged"."""
        raise NotImplementedError

    def column(self, field: str) -> str:
        """The column an action's refusal of `field` is named under (the same name, unless the kind says)."""
        return field

    def add(self, record: dict, row: int = 0):
        self.rows += 1
        self.records.append((row, record))

    def abandon(self):
        pass

    def finish(self, reject, written=None) -> dict:
        counts = {"created": 0, "updated": 0, "unchanged": 0}
        for row, record in self.records:
            try:
                with transaction.atomic():  # a savepoint: a refused row leaves nothing behind
                    state = self.enter(record) or "created"
                    if self.batch.dry_run:
                        transaction.set_rollback(True)
            except RowRejected as error:
                for field, value, message in error.errors:
                    reject(row, field, value, message)
                continue
            except ValidationError as error:
                for field, reason in reasons_by_field(error):
                    column = self.column(field)
                    reject(row, column, record.get(column, ""), reason)
                continue
            except PermissionDenied as error:
                field = self.refused_field
                reject(row, field, record.get(field, ""), str(error) or gettext("You may not do this."))
                continue
            counts[state] += 1
        if written:
            written(False)
        return counts
