"""The portal's forms: they read and check the input; the actions decide. A request's form is built from its
service: the requester, the matter, the service's own questions, files when it takes them, and the challenge."""

from django import forms
from django.forms.boundfield import BoundField
from django.utils.translation import gettext_lazy as _

from zhichan.core.forms import BootstrapMixin, comment_field, five_points
from zhichan.core.models import DeadlineRule, Unit

from .models import FieldType, Service, in_language
from .services import catalogue
from .services.catalogue import EDITABLE
from .services.intakes import needs_credit_code

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


class ChallengedForm(BootstrapMixin, forms.Form):
    """A form anyone may send without an account: it ends with the challenge (services/challenge.py) — the answer
    to a small sum, the question signed, and a field people never see that programs fill in."""

    answer = forms.CharField(
        label=_("Your answer"),
        max_length=4,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    challenge = forms.CharField(widget=forms.HiddenInput, required=False)
    website = forms.CharField(label=_("Leave this empty"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("answer", "challenge", "website"):  # asked last, after the form's own fields
            self.fields[name] = self.fields.pop(name)


class RequestForm(ChallengedForm):
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

    def __init__(self, *args, service: Service, **kwargs):
        super().__init__(*args, **kwargs)
        self.service = service
        if not service.anonymous:
            del self.fields["anonymous"]
        if not service.files:
            del self.fields["files"]
        if not service.anonymous:
            self.fields["name"].widget.attrs["aria-required"] = "true"  # asked for by the intake, not the form
        if needs_credit_code(service.target):  # the landing names the enterprise by it (a custody application)
            self.fields["credit_code"].required = True
            self.fields["credit_code"].error_messages["required"] = _(
                "Give the enterprise's unified social credit code, on its licence."
            )
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
    rating = five_points(
        _("How satisfied are you with how your request was handled?"),
        help_text=_("5 very satisfied, 1 very dissatisfied."),
    )
    comment = comment_field(_("Comments"))


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


ORDER, DELETE = forms.formsets.ORDERING_FIELD_NAME, forms.formsets.DELETION_FIELD_NAME


def choices_text(choices: list) -> str:
    """A question's choices as its page writes them, one a line: `value | 中文 | English`."""
    lines = []
    for choice in choices:
        parts = [choice["value"], choice["label"], choice.get("label_en", "")]
        if not parts[2]:
            parts = parts[:1] if parts[1] == parts[0] else parts[:2]
        lines.append(" | ".join(parts))
    return "\n".join(lines)


def read_choices(text: str) -> list[dict]:
    """The choices typed one a line, `value | 中文 | English` (the English may be left out; a line of one part is
    its own value); a full-width ｜ from a Chinese keyboard reads as |."""
    found = []
    for number, line in enumerate((text or "").replace("｜", "|").splitlines(), 1):
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split("|")]
        if len(parts) > 3:
            raise forms.ValidationError(
                _("Line %(number)s has more than three parts: write value | 中文 | English.") % {"number": number}
            )
        if len(parts) == 1:
            parts = [parts[0], parts[0]]
        value, label, label_en = [*parts, ""][:3]
        found.append({"value": value, "label": label, "label_en": label_en})
    return found


class QuestionForm(BootstrapMixin, forms.Form):
    """One extra question of a service: its key, its wording in both languages, its type, whether it must be
    answered, and a choice's choices one a line."""

    bound_field_class = PortalBoundField
    label = forms.CharField(label=_("question"), max_length=200)
    label_en = forms.CharField(label=_("question in English"), max_length=200, required=False)
    type = forms.CharField(  # any value reaches the catalogue's check, which words the refusal
        label=_("type"), initial=FieldType.TEXT, widget=forms.Select(choices=FieldType.choices)
    )
    required = forms.BooleanField(label=_("required"), required=False)
    choices = forms.CharField(
        label=_("choices"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Only for the type one of a list: one choice a line, value | 中文 | English, e.g. "
            "patent | 专利 | Patent. A line of one word is both the value and the wording."
        ),
    )
    key = forms.CharField(
        label=_("key"),
        max_length=40,
        required=False,
        help_text=_(
            "Small letters, digits and _, starting with a letter, e.g. amount; left empty, one is made. "
            "It cannot change once saved: the answers are kept under it."
        ),
        widget=forms.TextInput(attrs={"autocapitalize": "none", "autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_choices(self):
        return read_choices(self.cleaned_data.get("choices"))

    def question(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in catalogue.FIELD_KEYS}


class BaseQuestionFormSet(forms.BaseFormSet):
    """A service's extra questions on its page: each with its place (a number: change it to reorder), blank rows
    to add questions and a box to remove one. A question already asked keeps its key (shown, not typed: earlier
    answers are kept under it); one whose answer the landing reads keeps its type and cannot be removed. The check
    is the catalogue's own (services/catalogue.py), each problem shown under its question's field."""

    def __init__(self, *args, service: Service, **kwargs):
        self.service = service
        self.reads = catalogue.answers_read(service.target)
        initial = [{**question, "choices": choices_text(question.get("choices", []))} for question in service.fields]
        super().__init__(*args, initial=initial, **kwargs)

    def add_fields(self, form, index):
        super().add_fields(form, index)
        place = form.fields[ORDER]
        place.label = _("order")
        place.widget.attrs.update({"class": "form-control", "inputmode": "numeric", "min": 1})
        form.asked = form.read = ""
        if index is None or index >= min(len(self.initial), self.initial_form_count()):
            return
        form.asked = self.initial[index]["key"]
        form.fields["choices"].widget.attrs["rows"] = max(3, self.initial[index]["choices"].count("\n") + 1)
        form.fields["key"].widget.attrs["readonly"] = True
        form.fields["key"].help_text = _("Kept once saved: the answers are kept under it.")
        form.read = self.reads.get(form.asked, "")
        if form.read:  # the landing reads it: only its type is offered, and it is not removed
            form.fields["type"].widget.choices = [(form.read, FieldType(form.read).label)]
            del form.fields[DELETE]
        else:
            form.fields[DELETE].label = _("Remove this question")
            form.fields[DELETE].widget.attrs["class"] = "form-check-input"

    def clean(self):
        """The kept questions in their order, new ones keyed, checked by the catalogue's rule."""
        self.questions, kept = [], []
        for index, form in enumerate(self.forms):
            if self._should_delete_form(form) or index >= self.initial_form_count() and not form.has_changed():
                continue
            if not form.is_valid():
                return  # the row's own errors first
            kept.append((index + 1, form))
        # In the order of their numbers, a question without one last; equal numbers keep the page's order.
        kept.sort(key=lambda row: (row[1].cleaned_data.get(ORDER) is None, row[1].cleaned_data.get(ORDER) or 0))
        questions = catalogue.with_keys([form.question() for _number, form in kept], self.service.fields)
        problems = catalogue.question_problems(questions, target=self.service.target, before=self.service.fields)
        for problem in problems:
            if problem.index is not None:
                kept[problem.index][1].add_error(problem.part, problem.worded())
        if problems:
            raise forms.ValidationError(
                [
                    catalogue.said(problem, questions, kept[problem.index][0] if problem.index is not None else None)
                    for problem in problems
                ]
            )
        self.questions = questions


QuestionFormSet = forms.formset_factory(
    QuestionForm, BaseQuestionFormSet, extra=2, can_order=True, can_delete=True, can_delete_extra=False, max_num=40
)


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


class RegistrationForm(ChallengedForm):
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
