from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.dispatch import Signal
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..roles import LIAISONS, Role
from ..scoping import Scope, ScopedQuerySet
from .units import Unit, UnitKind

# Sent after a user's new password is saved, whoever set it and however (their own change, a reset link, a
# temporary password from the office, the admin, a command): the user's API tokens end with the old password.
password_changed = Signal()


class ScopedUserManager(UserManager.from_queryset(ScopedQuerySet)):
    pass


class User(AbstractUser):
    """A person who signs in. Staff belong to a unit; enterprise users to one or more enterprises."""

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.PUBLIC)
    unit = models.ForeignKey(Unit, models.PROTECT, null=True, blank=True, related_name="users", verbose_name=_("unit"))
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    scope = Scope(unit="unit", organisation="unit__organisation")
    objects = ScopedUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def save(self, *args, **kwargs):
        changed = self._password is not None and not self._state.adding
        super().save(*args, **kwargs)
        if changed:
            password_changed.send(sender=type(self), user=self)

    def clean(self):
        super().clean()
        if self.role in LIAISONS | {Role.OFFICE, Role.BANK} and not self.unit_id:
            raise ValidationError({"unit": _("This role needs a unit.")})
        if self.role == Role.TOWNSHIP_LIAISON and self.unit_id and self.unit.kind != UnitKind.TOWNSHIP:
            raise ValidationError({"unit": _("A township liaison belongs to a township or park unit.")})
        if self.role == Role.BANK and self.unit_id and self.unit.kind != UnitKind.BANK:
            raise ValidationError({"unit": _("A bank's liaison belongs to a bank's unit.")})

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username
