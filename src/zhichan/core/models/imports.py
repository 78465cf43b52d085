"""Import batches: one file read into the records of one import kind, with its counts and every row it rejected.

The import itself (kinds, profiles, reading, validation, writing) lives in core/imports/; docs/imports.md.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ..messages import render_key
from ..scoping import Scope, ScopedQuerySet
from .tasks import TaskProgress


class ImportState(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


class ImportBatch(models.Model):
    """One file imported (or previewed, when `dry_run`) into one register."""

    # The name of an import kind an app declares (core/imports/kinds.py): patent, enterprise …
    kind = models.CharField(_("kind"), max_length=20)
    source = models.CharField(_("source"), max_length=300, blank=True)
    file = models.FileField(_("file"), upload_to="imports/%Y/%m/", max_length=300, blank=True)
    file_name = models.CharField(_("original file name"), max_length=255, blank=True)
    profile = models.CharField(_("mapping profile"), max_length=100, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="import_batches",
        verbose_name=_("started by"),
    )
    language = models.CharField(_("language of the report"), max_length=10, blank=True)
    dry_run = models.BooleanField(_("preview only (dry run)"), default=False)
    state = models.CharField(_("state"), max_length=10, choices=ImportState.choices, default=ImportState.QUEUED)
    message = models.TextField(_("message"), blank=True)
    # The message's catalogue key and values, so that each reader reads the outcome in their own language; empty
    # for batches stored before there were keys (and for a database error's text), whose text is shown as it is.
    message_key = models.JSONField(_("message key"), null=True, blank=True)
    rows = models.PositiveIntegerField(_("rows read"), default=0)
    created_count = models.PositiveIntegerField(pgettext_lazy("rows", "created"), default=0)
    updated_count = models.PositiveIntegerField(pgettext_lazy("rows", "updated"), default=0)
    unchanged_count = models.PositiveIntegerField(pgettext_lazy("rows", "unchanged"), default=0)
    rejected_count = models.PositiveIntegerField(pgettext_lazy("rows", "rejected"), default=0)
    # Rows already committed while the batch runs: on SQLite a batch is written in short transactions, one per
    # chunk, so that the web is not kept waiting; stays 0 on PostgreSQL, where the batch is one transaction.
    # A database default too: rows copied in by raw SQL (registry migration 0015) name no such column.
    written = models.PositiveIntegerField(_("rows written so far"), default=0, db_default=0)
    # The file itself was refused (unreadable, over a limit, headers missing): importing it again cannot help.
    file_refused = models.BooleanField(_("file refused"), default=False, db_default=False)
    created = models.DateTimeField(_("time"), auto_now_add=True)
    started = models.DateTimeField(_("started"), null=True, blank=True)
    finished = models.DateTimeField(_("finished"), null=True, blank=True)
    task = models.ForeignKey(
        TaskProgress,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="import_batches",
        verbose_name=_("background task"),
    )
    # The stored file's SHA-256 when the batch was made: a preview is imported only while the file is unchanged.
    checksum = models.CharField(_("file checksum"), max_length=64, blank=True)
    # An import made from a preview ("import now") points to it; a preview is imported at most once.
    preview = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="confirmations",
        verbose_name=_("imported from the preview"),
    )

    # The office reads its organisation's batches; the owner rule lets whoever started one (a liaison importing a
    # kind open to its role) see it.
    scope = Scope(owner="user", organisation="user__unit__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("import batch")
        verbose_name_plural = _("import batches")
        ordering = ["-created", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["preview"], condition=models.Q(preview__isnull=False), name="core_import_preview_imported_once"
            )
        ]

    def __str__(self):
        return f"#{self.pk} {self.kind_label} {self.file_name}"

    @property
    def kind_label(self) -> str:
        """The kind's label in the active language (its name when no installed app declares it any more)."""
        from ..imports.kinds import find_kind

        kind = find_kind(self.kind)
        return str(kind.label) if kind else self.kind

    @property
    def finished_ok(self) -> bool:
        return self.state == ImportState.DONE

    @property
    def shown_message(self) -> str:
        """The outcome in the active language (the stored text when it has no key)."""
        return render_key(self.message_key) or self.message

    @property
    def accepted_count(self) -> int:
        return self.created_count + self.updated_count + self.unchanged_count


class ImportRejection(models.Model):
    """One rejected cell or row of a batch: where it is in the file, what it says and why it was refused."""

    batch = models.ForeignKey(ImportBatch, models.CASCADE, related_name="rejections", verbose_name=_("import batch"))
    row = models.PositiveIntegerField(_("row"), help_text=_("The row number the spreadsheet shows."))
    field = models.CharField(_("column"), max_length=200, blank=True)
    value = models.TextField(_("value"), blank=True)
    reason = models.TextField(_("reason"))
    # A column the file does not have is named by the platform's label: kept as its key like the reason.
    field_key = models.JSONField(_("column key"), null=True, blank=True)
    # The reason's catalogue key and values ({"msgid": …, "params": {…}}), so that each reader reads it in their
    # own language; empty for rows stored before there were keys, whose text is shown as it is.
    reason_key = models.JSONField(_("reason key"), null=True, blank=True)

    scope = Scope(owner="batch__user", organisation="batch__user__unit__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("rejected row")
        verbose_name_plural = _("rejected rows")
        ordering = ["batch", "row", "pk"]

    def __str__(self):
        return f"{self.row} {self.shown_field}: {self.shown_reason}"

    @property
    def shown_field(self) -> str:
        """The column as the file names it, or the platform's label for it in the active language."""
        return render_key(self.field_key) or self.field

    @property
    def shown_reason(self) -> str:
        """The reason in the active language (the stored text when it has no key)."""
        return render_key(self.reason_key) or self.reason
