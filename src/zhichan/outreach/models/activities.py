"""Trainings and publicity (四(五)1, 五(四)): an activity — a training, a publicity event, a school visit — organised
by a member unit in a township, on a day or several, with its audience, speakers and hours; its participants with
their attendance (registered beforehand, signed in on a phone through the activity's sign-in page, or typed from
a paper sign-in sheet and imported; people not registered are kept as guests, never dropped) and their feedback;
and a publicity activity's reach (attendees, media items, online views) and photos (core attachments)."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet


class ActivityKind(models.TextChoices):
    TRAINING = "training", _("training")
    PUBLICITY = "publicity", _("publicity")
    SCHOOL = "school", _("IP in schools")


class Campaign(models.TextChoices):
    """The plan's campaign labels (四(五)1, 五(四)); their dates are set by notice each year, so none is kept here."""

    NONE = "", _("none")
    GRASSROOTS = "grassroots", _("IP at the grassroots (知识产权基层行)")
    ENTERPRISES = "enterprises", _("IP in enterprises (知识产权企业行)")
    SCHOOLS = "schools", _("IP in schools (知识产权进校园)")
    IP_WEEK = "ip_week", _("National IP Publicity Week")
    PATENT_WEEK = "patent_week", _("China Patent Week")
    TRADEMARK_WEEK = "trademark_week", _("Trademark Publicity Week")


class Audience(models.TextChoices):
    """Whom a training is for, as the plan lists them (四(五)1), and the public and schools."""

    OFFICIALS = "officials", _("government staff")
    RESEARCHERS = "researchers", _("enterprises' R&D staff")
    IP_WORKERS = "ip_workers", _("IP workers")
    AGENCIES = "agencies", _("service agencies' staff")
    PUBLIC = "public", _("the public")
    STUDENTS = "students", _("students and teachers")


def new_token() -> str:
    return secrets.token_urlsafe(16)


def activity_scope(path: str = "") -> Scope:
    """The organising unit enters and reads its activities; the township they take place in reads them."""
    prefix = f"{path}__" if path else ""
    return Scope(
        unit=f"{prefix}unit", region=f"{prefix}region", owners_write=True, organisation=f"{prefix}organisation"
    )


class Activity(Plausible):
    kind = models.CharField(_("kind of activity"), max_length=20, choices=ActivityKind.choices)
    campaign = models.CharField(_("campaign"), max_length=20, choices=Campaign.choices, blank=True)
    title = models.CharField(_("title"), max_length=200)
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices)
    unit = models.ForeignKey("core.Unit", models.PROTECT, related_name="+", verbose_name=_("organiser"))
    region = models.ForeignKey(
        "core.Region", models.PROTECT, related_name="+", verbose_name=pgettext_lazy("activity", "where it takes place")
    )
    organisation = models.ForeignKey(
        "core.Region", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("organisation")
    )
    starts_on = models.DateField(pgettext_lazy("activity", "held on"))
    ends_on = models.DateField(pgettext_lazy("activity", "until"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1, null=True, blank=True)
    speakers = models.TextField(_("speakers"), blank=True)
    # Reach as the organiser counts it; the attendees are counted from the participants where there is a list.
    attendees_reported = models.PositiveIntegerField(_("attendees (counted by the organiser)"), null=True, blank=True)
    media_items = models.PositiveIntegerField(_("media items"), null=True, blank=True)
    online_views = models.PositiveIntegerField(_("online views"), null=True, blank=True)
    # An activity in a school: which school, and whom it reached there.
    school = models.ForeignKey(
        "outreach.School", models.PROTECT, null=True, blank=True, related_name="activities", verbose_name=_("school")
    )
    teachers_trained = models.PositiveIntegerField(_("teachers trained"), null=True, blank=True)
    students_reached = models.PositiveIntegerField(_("students reached"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    # The sign-in page's address carries this token: whoever holds the QR code may sign in, nobody may guess it.
    token = models.CharField(_("sign-in token"), max_length=40, unique=True, default=new_token, editable=False)
    sign_in_open = models.BooleanField(_("sign-in open"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("created by")
    )
    # On the public calendar (the portal's open data) from this day, set by the office; None: not public.
    published_on = models.DateField(_("published on"), null=True, blank=True)
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["token"])

    scope = activity_scope()
    objects = ScopedQuerySet.as_manager()
    dates_ahead = ("starts_on", "ends_on")  # an activity is entered before it is held

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-starts_on", "-pk"]
        indexes = [models.Index(fields=["kind", "starts_on"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("activity-detail", args=[self.pk])


class Source(models.TextChoices):
    REGISTERED = "registered", _("registered beforehand")
    PHONE = "phone", _("signed in on a phone")
    SHEET = "sheet", _("from the sign-in sheet")


class Participant(models.Model):
    """One person at an activity. A guest is someone who came without registering; the phone number, when given,
    tells two people of one name apart and is shown only to those who manage the activity."""

    activity = models.ForeignKey(Activity, models.CASCADE, related_name="participants", verbose_name=_("activity"))
    name = models.CharField(pgettext_lazy("person", "name"), max_length=50)
    employer = models.CharField(_("work unit"), max_length=200, blank=True)
    position = models.CharField(_("position"), max_length=100, blank=True)
    phone = models.CharField(pgettext_lazy("person", "phone"), max_length=20, blank=True)
    source = models.CharField(_("entered"), max_length=20, choices=Source.choices)
    guest = models.BooleanField(_("guest (not registered)"), default=False)
    attended = models.BooleanField(_("attended"), default=False)
    signed_in_at = models.DateTimeField(_("signed in at"), null=True, blank=True)
    rating = models.PositiveSmallIntegerField(_("rating (1–5)"), null=True, blank=True)
    comment = models.TextField(_("feedback"), blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    scope = activity_scope("activity")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["activity", "pk"]
        indexes = [models.Index(fields=["activity", "name"])]

    def __str__(self):
        return self.name
