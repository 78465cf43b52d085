"""The forms of industry–university–research matching and co-operation agreements: they read and check the input;
the actions decide. Every record offered for choosing (an event, a demand, an offer, an agreement, a licence or
transfer) is one the user reads; a demand one the user may follow."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from zhichan.core.forms import BootstrapMixin
from zhichan.core.models import Region, RegionKind, Unit
from zhichan.finance.models import RightTransaction

from .forms import DATE, WAN
from .models import CooperationAgreement, MatchingEvent, Outcome, Posting, PostingKind

COUNT = {"min_value": 0, "max_value": 1_000_000, "required": False, "initial": 0}


def townships():
    return Region.objects.filter(kind__in=RegionKind.township_level()).order_by("code")


class _Entering(BootstrapMixin, forms.Form):
    """A new record's form: the office chooses the unit in charge (a liaison's record is its own unit's), and the
    township it lies in may be chosen."""

    def __init__(self, *args, units=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if "unit" in self.fields:
            if units is None:
                del self.fields["unit"]
            else:
                self.fields["unit"].queryset = units
                self.fields["unit"].required = True
        if "region" in self.fields:
            self.fields["region"].queryset = townships()


def _unit_field():
    return forms.ModelChoiceField(Unit.objects.none(), label=_("member unit in charge"), required=False)


def _region_field(help_text):
    return forms.ModelChoiceField(
        Region.objects.none(), label=pgettext_lazy("project", "where it lies"), required=False, help_text=help_text
    )


class EventForm(_Entering):
    title = forms.CharField(label=_("title"), max_length=200)
    held_on = forms.DateField(label=pgettext_lazy("activity", "held on"), widget=DATE)
    place = forms.CharField(label=_("place"), max_length=200, required=False)
    unit = _unit_field()
    region = _region_field(_("Left empty: the unit's region."))
    enterprises_count = forms.IntegerField(label=_("enterprises taking part"), **COUNT)
    institutions_count = forms.IntegerField(label=_("universities and institutes taking part"), **COUNT)
    persons_count = forms.IntegerField(label=_("persons taking part"), **COUNT)
    note = forms.CharField(label=_("note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class PostingForm(_Entering):
    kind = forms.ChoiceField(label=_("demand or offer"), choices=PostingKind.choices)
    title = forms.CharField(label=_("title"), max_length=200)
    party = forms.CharField(
        label=_("posted by"),
        max_length=200,
        required=False,
        help_text=_("The enterprise, university or institute posting it."),
    )
    enterprise_code = forms.CharField(
        label=_("enterprise's unified social credit code"),
        max_length=18,
        required=False,
        help_text=_("For a demand of an enterprise in the register: its users then follow it."),
    )
    field = forms.CharField(label=_("technical field"), max_length=200, required=False)
    description = forms.CharField(label=_("description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    unit = _unit_field()
    region = _region_field(_("Left empty: the enterprise's township, else the unit's."))

    def __init__(self, *args, event=None, **kwargs):
        super().__init__(*args, **kwargs)
        if event is not None:  # posted at the event: the event's, lying where it lies
            self.fields.pop("unit", None)
            self.fields.pop("region", None)


class _Matching(BootstrapMixin, forms.Form):
    demand = forms.ModelChoiceField(Posting.objects.none(), label=_("technology demand"))
    offer = forms.ModelChoiceField(Posting.objects.none(), label=_("technology offer"))
    matched_on = forms.DateField(label=_("matched on"), widget=DATE, required=False)
    note = forms.CharField(label=_("note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class MatchForm(_Matching):
    """A match on its own: a demand the user follows, an offer the user reads, and the event, if any."""

    event = forms.ModelChoiceField(MatchingEvent.objects.none(), label=_("technology matching event"), required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["demand"].queryset = Posting.objects.editable_by(user).filter(kind=PostingKind.DEMAND)
        self.fields["offer"].queryset = Posting.objects.visible_to(user).filter(kind=PostingKind.OFFER)
        self.fields["event"].queryset = MatchingEvent.objects.visible_to(user)
        self.fields["matched_on"].help_text = _("Left empty: the event's day, else today.")


class EventMatchForm(_Matching):
    """A match at an event: a demand and an offer posted at it."""

    def __init__(self, *args, event=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        postings = event.postings.all() if event is not None else Posting.objects.none()
        self.fields["demand"].queryset = postings.filter(kind=PostingKind.DEMAND)
        self.fields["offer"].queryset = postings.filter(kind=PostingKind.OFFER)
        if event is not None:  # the day a match left without one is taken as made on, named
            day = f"{event.held_on:%Y-%m-%d}"
            self.fields["matched_on"].help_text = gettext("Left empty: the event's day, %(day)s.") % {"day": day}


class TransactionChoice(forms.ModelChoiceField):
    def label_from_instance(self, deal):
        return f"{deal.day:%Y-%m-%d} {deal.get_kind_display()} {deal.party_from} → {deal.party_to}"


class OutcomeForm(BootstrapMixin, forms.Form):
    outcome = forms.ChoiceField(label=pgettext_lazy("match", "outcome"), choices=Outcome.choices)
    outcome_on = forms.DateField(
        label=_("outcome on"),
        widget=DATE,
        required=False,
        help_text=_("Left empty: the agreement's signing or the transaction's day, else today."),
    )
    agreement = forms.ModelChoiceField(
        CooperationAgreement.objects.none(), label=_("co-operation agreement"), required=False
    )
    transaction = TransactionChoice(
        RightTransaction.objects.none(),
        label=_("licence or transfer"),
        required=False,
        help_text=_("As entered in IP finance, when it is there."),
    )
    note = forms.CharField(label=_("note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, match=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        agreements = CooperationAgreement.objects.visible_to(user)
        deals = RightTransaction.objects.visible_to(user).order_by("-day", "-pk")
        demanding = match.demand.enterprise_id if match is not None else None
        if demanding:  # the demand's enterprise's own (or of no enterprise of the register), when it is there
            agreements = agreements.filter(Q(enterprise_id=demanding) | Q(enterprise__isnull=True))
            deals = deals.filter(parties=demanding)
        self.fields["agreement"].queryset = agreements
        self.fields["transaction"].queryset = deals
        if match is not None and not self.is_bound:
            self.fields["outcome"].initial = match.outcome
            self.fields["agreement"].initial = match.agreement_id
            self.fields["transaction"].initial = match.transaction_id


class AgreementForm(_Entering):
    title = forms.CharField(label=_("title"), max_length=200)
    enterprise_name = forms.CharField(label=_("enterprise"), max_length=200, required=False)
    enterprise_code = forms.CharField(
        label=_("enterprise's unified social credit code"),
        max_length=18,
        required=False,
        help_text=_("When it is in the register: its users then read the agreement."),
    )
    partners = forms.CharField(
        label=_("university and institute partners"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One a line: the universities and institutes."),
    )
    field = forms.CharField(label=_("technical field"), max_length=200, required=False)
    signed_on = forms.DateField(label=_("signed on"), widget=DATE)
    starts_on = forms.DateField(label=_("period from"), widget=DATE, required=False)
    ends_on = forms.DateField(label=_("period until"), widget=DATE, required=False)
    amount = forms.DecimalField(label=_("amount (10,000 yuan)"), **WAN)
    unit = _unit_field()
    region = _region_field(_("Left empty: the enterprise's township, else the unit's."))
    event = forms.ModelChoiceField(
        MatchingEvent.objects.none(),
        label=_("technology matching event"),
        required=False,
        help_text=_("The event it came from, if any."),
    )
    note = forms.CharField(label=_("note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["event"].queryset = MatchingEvent.objects.visible_to(user)

    def clean(self):
        data = super().clean()
        if not (data.get("enterprise_name") or data.get("enterprise_code")) and not self.errors:
            self.add_error("enterprise_name", _("Name the enterprise, or give its credit code."))
        return data


class DocumentForm(BootstrapMixin, forms.Form):
    file = forms.FileField(label=_("file"), help_text=_("PDF, images or office documents."))
    label = forms.CharField(label=_("what it is"), max_length=200, required=False, help_text=_("e.g. 合作协议书"))

    def __init__(self, *args, agreement=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)


# --- list filters ------------------------------------------------------------------------------------------------


def _search(label):
    return forms.CharField(
        label=label, required=False, max_length=100, widget=forms.TextInput(attrs={"placeholder": label})
    )


def _year():
    return forms.IntegerField(
        label=_("year"),
        required=False,
        min_value=1950,
        max_value=9999,
        widget=forms.NumberInput(attrs={"placeholder": _("year")}),
    )


class EventFilter(BootstrapMixin, forms.Form):
    year = _year()
    q = _search(_("title or place"))


class PostingFilter(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("demand or offer"), choices=[("", _("demands and offers")), *PostingKind.choices], required=False
    )
    q = _search(_("title, party or field"))


class MatchFilter(BootstrapMixin, forms.Form):
    outcome = forms.ChoiceField(
        label=pgettext_lazy("match", "outcome"), choices=[("", _("all outcomes")), *Outcome.choices], required=False
    )
    q = _search(_("demand, offer or party"))


class AgreementFilter(BootstrapMixin, forms.Form):
    year = _year()
    q = _search(_("title, enterprise or partner"))
