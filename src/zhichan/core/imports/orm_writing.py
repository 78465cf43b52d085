"""Writing few rows record by record through the models: the same interface as the set-based writer.

A kind declares it as `writer=partial(OrmWriter, prepare)`, where `prepare(record, job)` finds the record a row
is about (or makes a new one) and returns `(instance, values to set)`, raising RowRejected or ValidationError.
Every record is validated by its model's full_clean() and saved with its history (the batch named as the change
reason); a dry run saves nothing.
"""

from django.core.exceptions import ValidationError

from .errors import RowRejected, reasons_by_field


class OrmWriter:
    def __init__(self, prepare, job):
        self.prepare = prepare
        self.job = job
        self.batch = job.batch
        self.reason = job.reason
        self.records: list[tuple[int, dict]] = []
        self.rows = 0

    def add(self, record: dict, row: int = 0):
        self.rows += 1
        self.records.append((row, record))

    def abandon(self):
        pass

    def finish(self, reject, written=None) -> dict:
        counts = {"created": 0, "updated": 0, "unchanged": 0}
        for row, record in self.records:
            try:
                instance, values = self.prepare(record, self.job)
                state = self._save(instance, values, self.batch.dry_run)
            except ValidationError as error:
                for field, reason in reasons_by_field(error):
                    reject(row, field, record.get(field, ""), reason)
                continue
            except RowRejected as error:
                for field, value, message in error.errors:
                    reject(row, field, value, message)
                continue
            counts[state] += 1
        if written:
            written(False)
        return counts

    def _save(self, instance, values: dict, dry_run: bool) -> str:
        created = instance.pk is None
        changed = [name for name, value in values.items() if getattr(instance, name) != value]
        if not created and not changed:
            return "unchanged"
        for name, value in values.items():
            setattr(instance, name, value)
        instance.full_clean(validate_unique=False)
        if not dry_run:
            instance.import_batch_id = self.batch.pk
            if self.batch.source and hasattr(instance, "source"):
                instance.source = self.batch.source[:300]
            instance._history_user = self.batch.user
            instance._change_reason = self.reason[:100]
            instance.save()
        return "created" if created else "updated"
