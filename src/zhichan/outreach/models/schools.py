"""IP in schools (知识产权进校园, 四(五)2): the schools — pilot schools (知识产权教育试点学校) with the level that named
them — and what their students made: patent applications, named by number and linked to the register by it whenever
read (as a project's outputs are), and science-fair entries. The activities held at a school are activities of
the kind "IP in schools" naming it, with the teachers trained and the students reached."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet


class SchoolLevel(models.TextChoices):
    PRIMARY = "primary", _("primary school")
    JUNIOR = "junior", _("junior middle school")
    SENIOR = "senior", _("senior high school")
    VOCATIONAL = "vocational", _("secondary vocational school")


class PilotLevel(models.TextChoices):
    NONE = "", _("not a pilot school")
    NATIONAL = "national", pgettext_lazy("pilot", "national")
    PROVINCIAL = "provincial", pgettext_lazy("pilot", "provincial")
    CITY = "city", pgettext_lazy("pilot", "prefecture-level city")
    COUNTY = "county", pgettext_lazy("pilot", "county")


def school_scope(path: str = "") -> Scope:
    """The member unit that follows the school (the education bureau) enters and reads it; its township reads it."""
    prefix = f"{path}__" if path else ""
    return Scope(
        unit=f"{prefix}unit", region=f"{prefix}region", owners_write=True, organisation=f"{prefix}organisation"
    )


class School(Plausible):
    name = models.CharField(pgettext_lazy("school", "name"), max_length=200)
    level = models.CharField(_("school level"), max_length=20, choices=SchoolLevel.choices)
    region = models.ForeignKey("core.Region", models.PROTECT, related_name="+", verbose_name=_("township"))
    unit = models.ForeignKey("core.Unit", models.PROTECT, related_name="+", verbose_name=_("member unit in charge"))
    organisation = models.ForeignKey(
        "core.Region", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("organisation")
    )
    pilot_level = models.CharField(_("pilot school of"), max_length=20, choices=PilotLevel.choices, blank=True)
    pilot_since = models.PositiveIntegerField(_("pilot school since (year)"), null=True, blank=True)
    pilot_document = models.CharField(_("naming document"), max_length=100, blank=True)
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("created by")
    )
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    scope = school_scope()
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("school")
        verbose_name_plural = _("schools")
        ordering = ["region__code", "name"]
        constraints = [models.UniqueConstraint(fields=["region", "name"], name="school_once_in_township")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("school-detail", args=[self.pk])


class StudentWork(Plausible):
    """A student's invention: a patent application (its number, as the register keeps it), a science-fair entry
    (科技创新大赛 and the like, with its award), or both."""

    school = models.ForeignKey(School, models.CASCADE, related_name="works", verbose_name=_("school"))
    title = models.CharField(_("title"), max_length=200)
    students = models.CharField(_("students"), max_length=200)
    teacher = models.CharField(_("teacher"), max_length=100, blank=True)
    year = models.PositiveIntegerField(_("year"))
    number = models.CharField(_("patent application number"), max_length=30, blank=True)
    fair = models.CharField(_("science fair"), max_length=200, blank=True)
    award = models.CharField(_("award"), max_length=100, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("added by")
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    scope = school_scope("school")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("student work")
        verbose_name_plural = _("student works")
        ordering = ["school", "-year", "pk"]
        indexes = [models.Index(fields=["number"])]

    def __str__(self):
        return self.title
