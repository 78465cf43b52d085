"""The portal's forms: they read and check the input; the actions decide. A request's form is built from its
service: the requester, the matter, the service's own questions, files when it takes them, and the challenge."""

from django import forms
from django.forms.boundfield import BoundField
from django.utils.translation import gettext_lazy as _

from zhichan.core.forms import BootstrapMixin
from zhichan.core.models import DeadlineRule, Unit

from .models import FieldType, Service, in_language
from .services.catalogue import EDITABLE

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MultipleFiles(forms.ClearableFileInput):
    allow_multiple_selected = True


class PortalBoundField(BoundField):
    """A field with an error is drawn red (Bootstrap's is-invalid) besides Django's aria-invalid, and reads its
    help and its error (ids `<id>_helptext` and `<id>_error`, portal/_field.html)."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        if self.errors and not widget.is_hidden:
            attrs["class"] = f"{widget.attrs.get('class', '')} is-invalid".strip()
        return attrs


class FilesField(forms.FileField):
    widget = MultipleFiles

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(FilesField, self).clean(one, initial) for one in data if one]
        return [super().clean(data, initial)] if data else []


def _question(question) -> forms.Field:
    label = in_language(question["label"], question.get("label_en", ""))
    required = bool(question.get("required"))
    if question["type"] == FieldType.CHOICE:
        choices = [(c["value"], in_language(c["label"], c.get("label_en", ""))) for c in question["choices"]]
        return forms.ChoiceField(label=label, choices=[("", "—"), *choices], required=required)
    if question["type"] == FieldType.DATE:
        return forms.DateField(label=label, widget=DATE, required=required)
    if question["type"] == FieldType.TEXTAREA:
        return forms.CharField(
            label=label, widget=forms.Textarea(attrs={"rows": 3}), required=required, max_length=4000
        )
    return forms.CharField(label=label, required=required, max_length=200)


class RequestForm(BootstrapMixin, forms.Form):
    bound_field_class = PortalBoundField
    anonymous = forms.BooleanField(
        label=_("Report anonymously"),
        required=False,
        help_text=_("You then give no name or contact; keep the tracking number to read the answer."),
    )
    name = forms.CharField(
        label=_("Your name or your enterprise's"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=30,
        required=False,
        help_text=_("A phone number or an e-mail address, at least one, so that the answer reaches you."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.CharField(
        label=_("E-mail"), max_length=254, required=False, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    credit_code = forms.CharField(
        label=_("Unified social credit code"),
        max_length=18,
        required=False,
        help_text=_("For an enterprise: its 18-character code."),
    )
    matter = forms.CharField(
        label=_("What you ask for"), widget=forms.Textarea(attrs={"rows": 5}), max_length=8000, required=True
    )
    files = FilesField(
        label=_("Photos or files"),
        required=False,
        help_text=_("Up to 5 photos (JPG, PNG, WebP) or PDF files."),
        widget=MultipleFiles(attrs={"accept": ".jpg,.jpeg,.png,.webp,.pdf", "multiple": True}),
    )
    answer = forms.CharField(
        label=_("Your answer"),
        max_length=4,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    challenge = forms.CharField(widget=forms.HiddenInput, required=False)
    website = forms.CharField(label=_("Leave this empty"), required=False)  # a field people never see

    def __init__(self, *args, service: Service, **kwargs):
        super().__init__(*args, **kwargs)
        self.service = service
        if not service.anonymous:
            del self.fields["anonymous"]
        if not service.files:
            del self.fields["files"]
        if not service.anonymous:
            self.fields["name"].widget.attrs["aria-required"] = "true"  # asked for by the intake, not the form
        self.questions = []
        for question in service.fields:
            field = _question(question)
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", css)
            self.fields[f"q_{question['key']}"] = field
            self.questions.append(f"q_{question['key']}")
        self.order_fields(
            ["anonymous", "name", "phone", "email", "credit_code", "matter", *self.questions, "files", "answer"]
        )

    def clean(self):
        """The requester checked here too (the intake's own rule), so that every mistake shows in one round."""
        data = super().clean()
        from .services.requests import _requester

        try:
            _requester(
                self.service,
                **{key: data.get(key, "") for key in ("anonymous", "name", "phone", "email", "credit_code")},
            )
        except forms.ValidationError as error:
            for key, messages in error.error_dict.items():
                if key in self.fields and key not in self.errors:
                    self.add_error(key, messages)
        return data

    def question_fields(self):
        return [self[name] for name in self.questions]

    def answers(self) -> dict:
        return {name[2:]: self.cleaned_data.get(name) for name in self.questions}


class TrackForm(BootstrapMixin, forms.Form):
    bound_field_class = PortalBoundField
    number = forms.CharField(
        label=_("Tracking number"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "placeholder": "2026-ABCD2345"}),
    )


class RatingForm(BootstrapMixin, forms.Form):
    bound_field_class = PortalBoundField
    rating = forms.TypedChoiceField(
        label=_("How satisfied are you with how your request was handled?"),
        choices=[(str(n), str(n)) for n in range(5, 0, -1)],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("5 very satisfied, 1 very dissatisfied."),
    )
    comment = forms.CharField(
        label=_("Comments"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class DayForm(BootstrapMixin, forms.Form):
    day = forms.DateField(label=_("day"), widget=DATE, required=False, help_text=_("Left empty: today."))


class AnswerForm(DayForm):
    text = forms.CharField(label=_("answer and its reasons"), widget=forms.Textarea(attrs={"rows": 5}))
    field_order = ["text", "day"]


class CloseForm(DayForm):
    reason = forms.CharField(
        label=_("reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when the request was not answered; the requester reads it."),
    )
    field_order = ["reason", "day"]


class ServiceForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Service
        fields = list(EDITABLE)
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "summary_en": forms.Textarea(attrs={"rows": 3}),
            "materials": forms.Textarea(attrs={"rows": 3}),
            "materials_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        units = Unit.objects.filter(active=True)
        if organisation is not None:
            units = units.filter(organisation=organisation)
        self.fields["unit"].queryset = units.order_by("kind", "order", "name")
        self.fields["rule"].queryset = DeadlineRule.objects.order_by("key")
        self.fields["rule"].label_from_instance = lambda rule: f"{rule.name}（{rule.length} {rule.get_unit_display()}）"


class StateLabelForm(BootstrapMixin, forms.Form):
    """One pair of labels per state type, named `<state>-label` and `<state>-label_en`."""

    def __init__(self, *args, labels: dict, **kwargs):
        super().__init__(*args, **kwargs)
        from .models import RequestState

        for state in RequestState:
            row = labels.get(state.value)
            # Added after BootstrapMixin has styled the fields: styled here.
            self.fields[f"{state.value}-label"] = forms.CharField(
                label=state.label,
                max_length=40,
                required=False,
                initial=row.label if row else "",
                widget=forms.TextInput(attrs={"class": "form-control"}),
            )
            self.fields[f"{state.value}-label_en"] = forms.CharField(
                label=_("%(state)s, in English") % {"state": state.label},
                max_length=40,
                required=False,
                initial=row.label_en if row else "",
                widget=forms.TextInput(attrs={"class": "form-control"}),
            )


class RegistrationForm(BootstrapMixin, forms.Form):
    """An enterprise registers for self-service: the enterprise, its contact, the account (for a visitor without
    one), an optional business licence scan, and the challenge. The action (services/registrations.py) decides."""

    bound_field_class = PortalBoundField
    # Name, contact and phone are asked for by the action (its own words say what is missing), not the form.
    name = forms.CharField(
        label=_("Enterprise name"),
        max_length=200,
        required=False,
        help_text=_("As on its business licence."),
        widget=forms.TextInput(attrs={"autocomplete": "organization", "aria-required": "true"}),
    )
    credit_code = forms.CharField(
        label=_("Unified social credit code"),
        max_length=30,
        required=False,
        help_text=_("18 letters and digits, on the business licence."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "aria-required": "true",
            }
        ),
    )
    region = forms.ModelChoiceField(
        None,
        label=_("Township"),
        required=False,
        empty_label="—",
        help_text=_("Where the enterprise is; the office confirms it."),
    )
    contact = forms.CharField(
        label=_("Contact person"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name", "aria-required": "true"}),
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel", "aria-required": "true"}),
    )
    email = forms.CharField(
        label=_("E-mail"),
        max_length=254,
        required=False,
        help_text=_("Where the platform's notices reach you (optional)."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        required=False,
        help_text=_("To sign in with: letters, digits and @ . + - _ only."),
        widget=forms.TextInput(
            attrs={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false", "aria-required": "true"}
        ),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        required=False,
        help_text=_("At least 10 characters, not all digits, not like your username or a common password."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password", "aria-required": "true"}),
    )
    password_again = forms.CharField(
        label=_("Password again"),
        strip=False,
        required=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password", "aria-required": "true"}),
    )
    document = forms.FileField(
        label=_("Business licence (optional)"),
        required=False,
        help_text=_("A photo (JPG, PNG, WebP) or a PDF of the business licence helps the office verify you sooner."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,.webp"}),
    )
    answer = forms.CharField(
        label=_("Your answer"),
        max_length=4,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    challenge = forms.CharField(widget=forms.HiddenInput, required=False)
    website = forms.CharField(label=_("Leave this empty"), required=False)  # a field people never see

    ACCOUNT = ("username", "password", "password_again")

    def __init__(self, *args, account: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        from .services.registrations import townships

        self.fields["region"].queryset = townships()
        if not account:  # signed in: the registration is the account's own
            for name in self.ACCOUNT:
                del self.fields[name]

    def clean(self):
        """The action's own checks run here too (the enterprise, its code, the account), so that every mistake
        shows in one round; the action checks them again."""
        data = super().clean()
        from .services import registrations

        problems = {}
        try:
            data["credit_code"] = registrations.checked_code(data.get("credit_code"))
        except forms.ValidationError as error:
            problems.update(error.message_dict)
        _kept, found = registrations.applicant_problems(
            **{name: data.get(name) for name in ("name", "contact", "phone", "email", "region")}
        )
        problems.update(found)
        if "username" in self.fields:
            _account, found = registrations.account_problems(
                data.get("username"),
                data.get("password"),
                contact=data.get("contact") or "",
                email=data.get("email") or "",
            )
            problems.update(found)
            if data.get("password") and data.get("password") != data.get("password_again"):
                problems["password_again"] = _("The two passwords differ; type the same password twice.")
        for name, messages in problems.items():
            if name in self.fields and name not in self.errors:
                self.add_error(name, messages)
        return data

    def account_fields(self):
        return [self[name] for name in self.ACCOUNT if name in self.fields]

    def values(self) -> dict:
        names = ["name", "credit_code", "region", "contact", "phone", "email", "document", "username", "password"]
        return {name: self.cleaned_data.get(name) for name in names if name in self.fields}


class VerifyForm(BootstrapMixin, forms.Form):
    region = forms.ModelChoiceField(
        None,
        label=_("township"),
        required=False,
        empty_label="—",
        help_text=_(
            "Needed only when the register has no enterprise with this code: it is entered there, in this township."
        ),
    )
    note = forms.CharField(
        label=_("note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("How it was verified, e.g. the business licence checked (optional)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .services.registrations import townships

        self.fields["region"].queryset = townships()


class RefuseForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(
        label=_("reason"),
        required=False,  # the action asks for it, in its own words
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The applicant reads it on its page."),
    )
