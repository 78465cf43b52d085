"""A project's expert review at its mid-term check or its acceptance: the experts drawn at random from the expert
pool (services' `ExpertDraw`, with its seed and pool, so anyone can check the draw) and each expert's score and
opinion. The check or acceptance itself is the project's step, taken with the review's result before it."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.scoping import ScopedQuerySet

from .projects import Project, project_scope


class ReviewStage(models.TextChoices):
    MIDTERM = "midterm", _("mid-term check")
    FINAL = "final", _("acceptance")


class Review(models.Model):
    project = models.ForeignKey(Project, models.CASCADE, related_name="reviews", verbose_name=_("project"))
    stage = models.CharField(_("review at"), max_length=20, choices=ReviewStage.choices)
    draw = models.OneToOneField(
        "services.ExpertDraw", models.PROTECT, related_name="project_review", verbose_name=_("expert draw")
    )
    history = HistoricalRecords()

    scope = project_scope("project")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("expert review")
        verbose_name_plural = _("expert reviews")
        ordering = ["project", "pk"]

    def __str__(self):
        return f"{self.project} {self.get_stage_display()}"


class Score(models.Model):
    review = models.ForeignKey(Review, models.CASCADE, related_name="scores", verbose_name=_("expert review"))
    expert = models.ForeignKey("services.Expert", models.PROTECT, related_name="+", verbose_name=_("expert"))
    score = models.DecimalField(
        _("score"),
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )
    opinion = models.TextField(_("opinion"), blank=True)
    history = HistoricalRecords()

    scope = project_scope("review__project")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("expert score")
        verbose_name_plural = _("expert scores")
        ordering = ["review", "pk"]
        constraints = [models.UniqueConstraint(fields=["review", "expert"], name="project_score_once")]

    def __str__(self):
        return f"{self.expert} {self.score}"
