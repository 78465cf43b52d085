from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet

from .cases import Case


class PartyKind(models.TextChoices):
    ORGANISATION = "organisation", _("Organisation")
    PERSON = "person", _("Person")


class CaseParty(Plausible):
    """A party to a case: an organisation (linked to the registry's enterprise with the same credit code) or a
    person, whose ID number only the case's own unit and the office see."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="parties", verbose_name=_("case"))
    kind = models.CharField(_("party kind"), max_length=20, choices=PartyKind.choices)
    name = models.CharField(_("name"), max_length=200)
    credit_code = models.CharField(_("unified social credit code"), max_length=18, blank=True)
    id_number = models.CharField(_("ID number"), max_length=18, blank=True)
    enterprise = models.ForeignKey(
        "registry.Enterprise",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="enforcement_parties",
        verbose_name=_("enterprise"),
    )
    history = HistoricalRecords()

    scope = Scope(unit="case__unit", owners_write=True, organisation="case__unit__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["case", "pk"]

    def __str__(self):
        return self.name
