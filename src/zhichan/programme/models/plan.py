from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.models import Region
from zhichan.core.scoping import Scope, ScopedQuerySet

from ..periods import ReportingFrequency


class Programme(models.Model):
    """A demonstration programme as its work plan sets it out (for Nan'an: 南政办〔2022〕8号, 2022–2024)."""

    key = models.SlugField(_("key"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=300, blank=True)
    issuer = models.CharField(_("issued by"), max_length=100)
    document_number = models.CharField(_("document number"), max_length=60, blank=True)
    issued = models.DateField(_("issued on"))
    start = models.DateField(_("start date"))
    end = models.DateField(_("end date"))
    region = models.ForeignKey(Region, models.PROTECT, related_name="programmes", verbose_name=_("region"))
    guiding_idea = models.TextField(_("guiding idea"), blank=True)
    reporting = models.CharField(
        _("reporting frequency"),
        max_length=10,
        choices=ReportingFrequency.choices,
        default=ReportingFrequency.QUARTERLY,
    )
    report_due_days = models.PositiveSmallIntegerField(_("reports due (working days after a period)"), default=10)
    reminder_days = models.PositiveSmallIntegerField(_("remind (working days before a deadline)"), default=5)
    source_file = models.CharField(_("loaded from"), max_length=200, blank=True)
    history = HistoricalRecords()

    scope = Scope(shared=True, organisation="region")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["-start"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programme-overview", args=[self.pk])


class Goal(models.Model):
    """The overall goal (总体目标) or one of the specific goals (具体目标)."""

    programme = models.ForeignKey(Programme, models.CASCADE, related_name="goals", verbose_name=_("programme"))
    key = models.CharField(_("key"), max_length=40)
    number = models.CharField(_("number as written"), max_length=20, blank=True)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    scope = Scope(shared=True, organisation="programme__region")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["programme", "order"]
        constraints = [models.UniqueConstraint(fields=["programme", "key"], name="goal_key")]

    def __str__(self):
        return f"{self.number}{self.title}"


class Comparator(models.TextChoices):
    AT_LEAST = "gte", _("at least (达到, 以上)")
    MORE_THAN = "gt", _("more than (突破)")
    AT_MOST = "lte", _("at most")
    LESS_THAN = "lt", _("less than")


class TargetKind(models.TextChoices):
    STOCK = "stock", _("stock on a date")
    FLOW = "flow", _("flow in a year")
    CUMULATIVE = "cumulative", _("cumulative since the start")
    RATE = "rate", _("rate")
    # The programme's place in a named peer group (保持全国同类城市前列): a reported rank, lower is better.
    RANK = "rank", _("rank in a peer group")


class Target(models.Model):
    """A quantitative target (量化目标) of the plan, e.g. T1: 每万人口发明专利拥有量达到14.3件."""

    programme = models.ForeignKey(Programme, models.CASCADE, related_name="targets", verbose_name=_("programme"))
    goal = models.ForeignKey(
        Goal, models.SET_NULL, null=True, blank=True, related_name="targets", verbose_name=_("goal")
    )
    code = models.CharField(_("code"), max_length=20)
    indicator = models.CharField(_("indicator code"), max_length=80)
    title = models.CharField(_("title"), max_length=200)
    wording = models.CharField(_("wording in the plan"), max_length=300)
    comparator = models.CharField(_("comparator"), max_length=3, choices=Comparator.choices)
    value = models.DecimalField(_("target value"), max_digits=16, decimal_places=4)
    unit = models.CharField(_("unit of measure"), max_length=20)
    kind = models.CharField(_("kind"), max_length=12, choices=TargetKind.choices)
    baseline = models.DecimalField(_("baseline"), max_digits=16, decimal_places=4, null=True, blank=True)
    baseline_date = models.DateField(_("baseline date"), null=True, blank=True)
    deadline = models.DateField(_("deadline"))
    region = models.ForeignKey(Region, models.PROTECT, related_name="targets", verbose_name=_("region"))
    # 其中…: a target that is a part of another (PCT filings within patent filings), shown under it.
    parent = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, related_name="parts", verbose_name=_("part of target")
    )
    # A target about named sub-regions (培育建设晋江、德化和南安等一批强县): each must meet the target on the
    # indicator's value for it; the target is met when all of them do.
    subregions = models.ManyToManyField(
        Region, blank=True, related_name="subregion_targets", verbose_name=_("named sub-regions")
    )
    peer_group = models.CharField(_("peer group"), max_length=100, blank=True)  # a rank target's (全国同类城市)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    scope = Scope(shared=True, organisation="programme__region")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["programme", "order"]
        constraints = [models.UniqueConstraint(fields=["programme", "code"], name="target_code")]

    def __str__(self):
        return f"{self.code} {self.title}"

    @property
    def symbol(self) -> str:
        return {"gte": "≥", "gt": ">", "lte": "≤", "lt": "<"}[self.comparator]

    @property
    def display_value(self) -> str:
        """14.3, 120,000 or 5: thousands separated as in the figures beside it, no trailing zeros, no exponent."""
        text = f"{self.value:,f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
