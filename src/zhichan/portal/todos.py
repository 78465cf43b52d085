"""The portal's workbench to-dos: the enterprise registrations waiting for the office's verification."""

from django.urls import reverse
from django.utils.translation import gettext as _

from zhichan.core.extensions import Todo
from zhichan.core.roles import Role, role_of

from .models import EnterpriseRegistration, RegistrationState


def registration_todos(user) -> list[Todo]:
    if role_of(user) != Role.OFFICE:
        return []
    waiting = EnterpriseRegistration.objects.visible_to(user).filter(state=RegistrationState.AWAITING).count()
    if not waiting:
        return []
    return [
        Todo(_("Enterprise registrations to verify"), reverse("portal-registration-list"), count=waiting, kind="verify")
    ]
