"""The pledge list as its filters choose it, and its Excel export (the list's columns)."""

from django import forms
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from zhichan.core.columns import sheet
from zhichan.core.forms import BootstrapMixin
from zhichan.core.models import Region, RegionKind
from zhichan.documents import xlsx

from ..columns import PLEDGE_COLUMNS
from ..models import Bank, Pledge, unmatched

STATES = [("", _("all")), ("in-force", _("in force")), ("released", _("released")), ("unmatched", _("rights to match"))]


class PledgeFilterForm(BootstrapMixin, forms.Form):
    q = forms.CharField(label=_("search"), required=False, help_text=_("Registration number or pledgor."))
    bank = forms.ModelChoiceField(Bank.objects.none(), label=_("pledgee bank"), required=False)
    township = forms.ModelChoiceField(Region.objects.none(), label=_("township"), required=False)
    year = forms.IntegerField(label=_("year registered"), required=False, min_value=1990, max_value=2100)
    state = forms.ChoiceField(label=_("state"), choices=STATES, required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bank"].queryset = Bank.objects.visible_to(user)
        self.fields["township"].queryset = Region.objects.filter(kind__in=RegionKind.township_level())


def filtered_pledges(user, data):
    found = Pledge.objects.visible_to(user).select_related("pledgor__region", "bank", "product")
    form = PledgeFilterForm(data or None, user=user)
    if form.is_valid():
        chosen = form.cleaned_data
        if chosen.get("q"):
            text = chosen["q"].strip()
            found = found.filter(Q(registration_number__icontains=text) | Q(pledgor__name__icontains=text))
        if chosen.get("bank"):
            found = found.filter(bank=chosen["bank"])
        if chosen.get("township"):
            found = found.filter(pledgor__region__path__startswith=chosen["township"].path)
        if chosen.get("year"):
            found = found.filter(registered_on__year=chosen["year"])
        today = timezone.localdate()
        if chosen.get("state") == "in-force":
            found = found.filter(Q(released_on__isnull=True) | Q(released_on__gt=today))
        elif chosen.get("state") == "released":
            found = found.filter(released_on__lte=today)
        elif chosen.get("state") == "unmatched":
            found = found.filter(unmatched("rights")).distinct()
    return form, found


def totals(found) -> dict:
    """The count and the registered amount of the pledges the list shows (万元)."""
    summed = found.order_by().aggregate(amount=Sum("secured_amount"))
    return {"count": found.count(), "amount": summed["amount"] or 0}


def pledge_workbook(request) -> xlsx.Workbook:
    _form, found = filtered_pledges(request.user, request.GET)
    title = gettext("IP pledges")
    rows = found.prefetch_related("rights", "loans")
    made = timezone.localtime().strftime("%Y-%m-%d %H:%M")
    note = gettext("%(title)s · made %(time)s") % {"title": title, "time": made}
    return xlsx.Workbook(filename=f"{title}.xlsx", sheets=[sheet(title, PLEDGE_COLUMNS, rows, note)], rows=rows.count())
