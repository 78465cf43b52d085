from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.scoping import Scope, ScopedQuerySet

from .subjects import SubjectKind


class GradeRun(models.Model):
    """One computation of every subject's credit grade as of a day, under the grade rules of that moment."""

    as_of = models.DateField(_("as of"))
    started_by = models.ForeignKey(
        "core.User", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("started by")
    )
    created = models.DateTimeField(_("computed at"), auto_now_add=True)
    finished = models.BooleanField(_("finished"), default=False)
    counts = models.JSONField(_("subjects by grade"), default=dict)
    rules = models.JSONField(_("grade rules used"), default=dict)
    history = HistoricalRecords()

    scope = Scope(shared=True)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("credit grade run")
        verbose_name_plural = _("credit grade runs")
        ordering = ["-created", "-pk"]

    def __str__(self):
        return f"{self.as_of:%Y-%m-%d}"


class SubjectGrade(models.Model):
    """A subject's grade in a run, with why: the rules that capped it, the records behind them and until when
    (`reasons`, a list of {rule, grade, count, until}). Written in bulk; a run is never changed afterwards."""

    # No database constraints on the links: a run writes every subject's row at once (by COPY), and checking
    # 200,000 deferred foreign keys at the commit would cost more than the grading; the run owns them (CASCADE).
    # For the same reason no index beyond the two the pages read by (a run's grades, a subject's runs).
    run = models.ForeignKey(
        GradeRun,
        models.CASCADE,
        related_name="grades",
        verbose_name=_("grade run"),
        db_constraint=False,
        db_index=False,
    )
    subject_kind = models.CharField(_("kind of subject"), max_length=20, choices=SubjectKind.choices)
    credit_code = models.CharField(_("unified social credit code"), max_length=18)
    name = models.CharField(_("name"), max_length=200)
    region = models.ForeignKey(
        "core.Region",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("region"),
        db_constraint=False,
        db_index=False,
    )
    grade = models.CharField(_("grade"), max_length=10)
    reasons = models.JSONField(_("why"), default=list)
    history = HistoricalRecords()

    scope = Scope(shared=True)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("credit grade")
        verbose_name_plural = _("credit grades")
        indexes = [models.Index(fields=["run", "grade"]), models.Index(fields=["credit_code", "run"])]

    def __str__(self):
        return f"{self.name} {self.grade}"
