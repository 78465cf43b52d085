from django.utils.translation import gettext_lazy as _

from zhichan.core.modules import Menu, Module
from zhichan.core.roles import STAFF


class CreditConfig(Module):
    name = "zhichan.credit"
    label = "credit"
    verbose_name = _("Credit supervision")
    menu_group = _("Credit supervision")
    menu = [
        Menu(_("Dishonesty records"), "credit-record-list", STAFF),
        Menu(_("Serious-dishonesty list"), "credit-serious-list", STAFF),
        Menu(_("Credit grades"), "credit-grade-list", STAFF),
    ]
    todos = ["todos.credit_todos"]
    first_start = ["first_start.first_start"]
    api_enums = {"RecordSourceEnum": "zhichan.credit.models.RecordSource"}
