"""Writing few rows record by record through the models: the same interface as the set-based writer.

A kind declares it as `writer=partial(OrmWriter, prepare)`, where `prepare(record, job)` finds the record a row
is about (or makes a new one) and returns `(instance, values to set)`, raising RowRejected or ValidationError.
Every record is validated by its model's full_clean() and saved with its history (the batch named as the change
reason); a dry run saves nothing.
"""

from .action_writing import ActionWriter


class OrmWriter(ActionWriter):
    def __init__(self, prepare, job):
        super().__init__(job)
        self.prepare = prepare
        self.reason = job.reason

    def enter(self, record: dict) -> str:
        instance, values = self.prepare(record, self.job)
        return self._save(instance, values, self.batch.dry_run)

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
