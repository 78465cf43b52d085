"""A request the public made on the portal (服务申请、投诉举报): its tracking number, the service, who asked (a phone
or an e-mail for updates; nothing for an anonymous tip), what they asked, and where it stands.

A few state types, as Open311 and FixMyStreet have them, with labels the office may reword. A request that lands
in a module (a complaint, a dispute, a rights-assistance request) is linked to that record, and its state follows
the record's events (signals.py); one answered on the portal moves by the handling unit's steps. The requester's
name and contacts are read only by the handling unit and the office; the status page shows none of them."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet

from .catalogue import in_language


class RequestState(models.TextChoices):
    RECEIVED = "received", pgettext_lazy("request", "Received")
    ACCEPTED = "accepted", pgettext_lazy("request", "Accepted")
    IN_PROGRESS = "in-progress", pgettext_lazy("request", "In progress")
    ANSWERED = "answered", pgettext_lazy("request", "Answered")
    CLOSED = "closed", pgettext_lazy("request", "Closed")


OPEN_STATES = (RequestState.RECEIVED, RequestState.ACCEPTED, RequestState.IN_PROGRESS)


class StateLabel(models.Model):
    """The office's wording of a state type on the public pages (empty: the platform's own)."""

    state = models.CharField(_("state"), max_length=20, choices=RequestState.choices, unique=True)
    label = models.CharField(_("label"), max_length=40, blank=True)
    label_en = models.CharField(_("label in English"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("state label")
        verbose_name_plural = _("state labels")

    def __str__(self):
        return self.get_state_display()


class PublicRequest(Plausible):
    number = models.CharField(_("tracking number"), max_length=20, unique=True)
    service = models.ForeignKey("portal.Service", models.PROTECT, related_name="requests", verbose_name=_("service"))
    unit = models.ForeignKey("core.Unit", models.PROTECT, related_name="+", verbose_name=_("handling unit"))
    received_on = models.DateField(_("received on"))
    submitted = models.DateTimeField(_("submitted"), auto_now_add=True)
    anonymous = models.BooleanField(_("anonymous"), default=False)
    name = models.CharField(_("requester"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    credit_code = models.CharField(_("unified social credit code"), max_length=18, blank=True)
    matter = models.TextField(_("what is asked"))
    answers = models.JSONField(_("answers to the service's questions"), default=dict, blank=True)
    # The questions answered, worded as they were asked: the office may reword or remove them later.
    questions = models.JSONField(_("the questions as asked"), default=list, blank=True)
    state = models.CharField(_("state"), max_length=20, choices=RequestState.choices, default=RequestState.RECEIVED)
    answer = models.TextField(_("answer"), blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        "core.Unit", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("decided by")
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    content_type = models.ForeignKey(
        ContentType, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("record type")
    )
    object_id = models.PositiveBigIntegerField(_("record id"), null=True, blank=True)
    record = GenericForeignKey("content_type", "object_id")
    network = models.CharField(max_length=64, blank=True, editable=False)  # keyed digest, for the rate limit
    rating = models.PositiveSmallIntegerField(_("satisfaction"), null=True, blank=True)
    rating_comment = models.TextField(_("comment"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("account")
    )
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)

    scope = Scope(unit="unit", owners_write=True, organisation="unit__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("public request")
        verbose_name_plural = _("public requests")
        ordering = ["-submitted", "-pk"]
        indexes = [
            models.Index(fields=["content_type", "object_id"]),
            models.Index(fields=["network", "submitted"]),
            models.Index(fields=["state", "unit"]),
        ]

    def __str__(self):
        return f"{self.number} {self.service}"

    def get_absolute_url(self):
        return reverse("portal-request-detail", args=[self.pk])

    @property
    def status_url(self) -> str:
        return reverse("portal-status", args=[self.number])

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    def worded_answers(self, leave_out=()) -> list[tuple[str, str]]:
        """The answers as the reader reads them: (question, answer) in the words the question was asked in, a choice
        by its label, each in the reader's language. A request kept before the questions were kept with it reads the
        service's questions as they now are; a question found in neither shows its key. `leave_out`: keys not wanted."""
        asked, current = self.questions or [], self.service.fields
        questions = {question["key"]: question for question in current}
        questions.update({question["key"]: question for question in asked})
        # In the order they were asked: PostgreSQL's jsonb keeps no order of the answers' keys.
        keys = dict.fromkeys([*(question["key"] for question in [*asked, *current]), *self.answers])
        worded = []
        for key in keys:
            if key not in self.answers or key in leave_out:
                continue
            value, question = self.answers[key], questions.get(key)
            if question is None:
                worded.append((key, value))
                continue
            for choice in question.get("choices") or []:
                if choice.get("value") == value:
                    value = in_language(choice.get("label") or value, choice.get("label_en", ""))
                    break
            worded.append((in_language(question.get("label") or key, question.get("label_en", "")), value))
        return worded

    def state_label(self, labels: dict | None = None) -> str:
        """The state as the office words it on the public pages (`labels`: {state: StateLabel}, read once)."""
        if labels is None:
            labels = {row.state: row for row in StateLabel.objects.all()}
        row = labels.get(self.state)
        worded = in_language(row.label, row.label_en) if row is not None else ""
        return worded or self.get_state_display()
