"""The forms of the custody pages: the enterprise is named by its unified social credit code and the rights
covered by their numbers, found in the registry; services/custody.py acts and checks the rest."""

import re

from django import forms
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from zhichan.core.forms import BootstrapMixin, five_points
from zhichan.core.roles import Role, role_of
from zhichan.registry.models import Patent, Trademark

from .forms_common import DATE, FilterForm, ValuesMixin, regions_of, units_of
from .models import (
    Agency,
    ApplicationState,
    CustodyEngagement,
    CustodyScope,
    CustodyService,
    EngagementState,
    Expert,
    Payer,
)
from .services.custody import enterprise_by_code
from .services.custody_applications import engagements_to_link

TEXTAREA = forms.Textarea(attrs={"rows": 2})
SEPARATORS = re.compile(r"[\s,;，；、]+")


def _numbers(value) -> list[str]:
    return [number for number in SEPARATORS.split(value or "") if number]


class EngagementForm(ValuesMixin, BootstrapMixin, forms.Form):
    not_passed = ("enterprise_code", "patent_numbers", "trademark_numbers")

    enterprise_code = forms.CharField(
        label=_("enterprise's unified social credit code"),
        max_length=30,
        help_text=_("The enterprise as the registry keeps it."),
    )
    agency = forms.ModelChoiceField(None, label=_("service agency"))
    agreement_number = forms.CharField(label=_("agreement number"), max_length=60)
    start = forms.DateField(label=_("starts on"), widget=DATE)
    end = forms.DateField(label=_("ends on"), widget=DATE)
    custody_scope = forms.ChoiceField(label=_("custody scope"), choices=CustodyScope.choices)
    services = forms.MultipleChoiceField(
        label=_("services contracted"),
        choices=CustodyService.choices,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": len(CustodyService.choices)}),
    )
    patent_numbers = forms.CharField(
        label=_("patents covered"), required=False, help_text=_("Application numbers, separated by commas.")
    )
    trademark_numbers = forms.CharField(
        label=_("trademarks covered"), required=False, help_text=_("Registration numbers, separated by commas.")
    )
    rights_note = forms.CharField(label=_("rights covered (other)"), widget=TEXTAREA, required=False)
    fee = forms.DecimalField(label=_("fee (yuan)"), min_value=0, max_digits=12, decimal_places=2)
    payer = forms.ChoiceField(label=_("paid by"), choices=Payer.choices)
    enterprise_share = forms.DecimalField(
        label=_("paid by the enterprise (yuan)"), min_value=0, max_digits=12, decimal_places=2, required=False
    )
    subsidy = forms.DecimalField(
        label=_("government subsidy (yuan)"), min_value=0, max_digits=12, decimal_places=2, required=False
    )
    unit = forms.ModelChoiceField(None, label=_("following unit"), required=False)
    note = forms.CharField(label=_("note"), widget=TEXTAREA, required=False)

    def __init__(self, *args, user, instance=None, application=None, **kwargs):
        if instance is not None:
            initial = {name: getattr(instance, name) for name in self.base_fields if hasattr(instance, name)}
            initial["enterprise_code"] = instance.enterprise.uscc
            initial["agency"] = instance.agency_id
            initial["patent_numbers"] = ", ".join(p.application_number for p in instance.patents.all())
            initial["trademark_numbers"] = ", ".join(t.registration_number for t in instance.trademarks.all())
            kwargs["initial"] = initial
        elif application is not None:  # what the application asked for; it is followed by the application's unit
            kwargs["initial"] = {
                "enterprise_code": application.credit_code,
                "services": application.services,
                "custody_scope": application.custody_scope,
            }
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.visible_to(user).order_by("name")
        if instance is not None or application is not None or role_of(user) != Role.OFFICE:
            del self.fields["unit"]
        else:
            self.fields["unit"].queryset = units_of(user)
            self.fields["unit"].help_text = _("Empty: the unit hosting the office.")

    def clean_enterprise_code(self):
        code = self.cleaned_data["enterprise_code"].strip().upper()
        enterprise = enterprise_by_code(code)
        if enterprise is None:
            raise forms.ValidationError(
                _t("No enterprise in the registry has the credit code %(code)s.") % {"code": code}
            )
        self.cleaned_data["enterprise"] = enterprise
        return code

    def _found(self, field, model, key):
        numbers = _numbers(self.cleaned_data.get(field))
        found = {getattr(row, key): row for row in model.objects.filter(**{f"{key}__in": numbers})}
        missing = [number for number in numbers if number not in found]
        if missing:
            raise forms.ValidationError(_t("Not in the registry: %(numbers)s.") % {"numbers": "、".join(missing)})
        return [found[number] for number in numbers]

    def clean_patent_numbers(self):
        self.cleaned_data["patents"] = self._found("patent_numbers", Patent, "application_number")
        return self.cleaned_data["patent_numbers"]

    def clean_trademark_numbers(self):
        self.cleaned_data["trademarks"] = self._found("trademark_numbers", Trademark, "registration_number")
        return self.cleaned_data["trademark_numbers"]


class ServiceRecordForm(ValuesMixin, BootstrapMixin, forms.Form):
    prefix = "s"
    day = forms.DateField(label=_("date"), widget=DATE)
    item = forms.ChoiceField(label=_("service item"), choices=CustodyService.choices)
    note = forms.CharField(label=_("note"), widget=TEXTAREA, required=False)


class VisitForm(ValuesMixin, BootstrapMixin, forms.Form):
    prefix = "v"
    day = forms.DateField(label=_("date"), widget=DATE)
    expert = forms.ModelChoiceField(
        Expert.objects.none(),
        label=_("expert of the pool"),
        required=False,
        help_text=_("When an expert of the pool came; the visitor's name is then theirs unless written."),
    )
    visitor = forms.CharField(label=_("visitor"), max_length=100, required=False)
    visitor_note = forms.CharField(label=_("about the visitor"), max_length=200, required=False)
    needs = forms.CharField(label=_("needs found"), widget=TEXTAREA, required=False)
    follow_up = forms.CharField(label=_("follow-up"), widget=TEXTAREA, required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None:
            self.fields["expert"].queryset = Expert.objects.visible_to(user).order_by("number")


class RatingForm(ValuesMixin, BootstrapMixin, forms.Form):
    prefix = "r"
    satisfaction = five_points(_("satisfaction (1–5)"), widget=forms.Select)
    day = forms.DateField(label=_("rated on"), widget=DATE)
    comment = forms.CharField(label=_("comment on satisfaction"), widget=TEXTAREA, required=False)


class EngagementFilterForm(FilterForm):
    q = forms.CharField(
        label=_("search"), widget=forms.TextInput(attrs={"placeholder": _("enterprise, agency or agreement")})
    )
    state = forms.ChoiceField(
        label=_("state"),
        choices=[("", _("all states")), *EngagementState.choices, ("ending", _("ending within 30 days"))],
    )
    region = forms.ModelChoiceField(None, label=_("township"), empty_label=_("all regions"))
    industry = forms.CharField(
        label=_("industry (GB/T 4754-2017)"), widget=forms.TextInput(attrs={"placeholder": _("industry code")})
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions_of(user)


class ApplicationForm(ValuesMixin, BootstrapMixin, forms.Form):
    """An application taken in at the counter or by phone (those made on the portal land by themselves)."""

    enterprise_name = forms.CharField(label=_("enterprise"), max_length=200)
    credit_code = forms.CharField(
        label=_("unified social credit code"),
        max_length=30,
        help_text=_("Linked to the register's enterprise when it is found there."),
    )
    contact_name = forms.CharField(label=_("contact person"), max_length=100)
    contact_phone = forms.CharField(label=_("contact phone"), max_length=30, required=False)
    contact_email = forms.EmailField(label=_("contact e-mail"), required=False)
    custody_scope = forms.ChoiceField(
        label=_("custody scope wanted"), choices=[("", "—"), *CustodyScope.choices], required=False
    )
    services = forms.MultipleChoiceField(
        label=_("services wanted"),
        choices=CustodyService.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    matter = forms.CharField(label=_("what the enterprise asks for"), widget=forms.Textarea(attrs={"rows": 4}))
    received_on = forms.DateField(label=_("received on"), widget=DATE, required=False, help_text=_("Empty: today."))
    unit = forms.ModelChoiceField(None, label=_("following unit"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if role_of(user) != Role.OFFICE:
            del self.fields["unit"]
        else:
            self.fields["unit"].queryset = units_of(user)
            self.fields["unit"].help_text = _("Empty: the unit hosting the office.")


class DeclineForm(ValuesMixin, BootstrapMixin, forms.Form):
    prefix = "d"
    reason = forms.CharField(
        label=_("why it is declined"), widget=TEXTAREA, help_text=_("The applicant reads it on the portal.")
    )
    day = forms.DateField(label=_("decided on"), widget=DATE, required=False, help_text=_("Empty: today."))


class LinkEngagementForm(ValuesMixin, BootstrapMixin, forms.Form):
    """An application accepted with an engagement entered before it: one of its enterprise's, made from no other."""

    prefix = "a"
    engagement = forms.ModelChoiceField(CustodyEngagement.objects.none(), label=_("engagement already entered"))
    day = forms.DateField(label=_("decided on"), widget=DATE, required=False, help_text=_("Empty: today."))

    def __init__(self, *args, application=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if application is not None and user is not None:
            self.fields["engagement"].queryset = engagements_to_link(application, user)
        self.fields["engagement"].label_from_instance = lambda row: (
            f"{row.agreement_number} · {row.agency.name} · {row.start:%Y-%m-%d}"
        )


class ApplicationFilterForm(FilterForm):
    q = forms.CharField(
        label=_("search"), widget=forms.TextInput(attrs={"placeholder": _("enterprise or credit code")})
    )
    state = forms.ChoiceField(label=_("state"), choices=[("", _("all states")), *ApplicationState.choices])
