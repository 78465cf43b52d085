"""The forms of the assessment pages: they read and check the input; the actions decide."""

from decimal import Decimal

from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from zhichan.core.forms import BootstrapMixin
from zhichan.core.services.filetypes import BY_EXTENSION

from .models import Scheme
from .points import shown

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
NOTE = forms.Textarea(attrs={"rows": 3})
POINTS = {"max_digits": 7, "decimal_places": 2, "min_value": 0}


class EmptyForm(BootstrapMixin, forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.pop("record", None)
        super().__init__(*args, **kwargs)


class OpenRoundForm(BootstrapMixin, forms.Form):
    scheme = forms.ModelChoiceField(Scheme.objects.none(), label=_("assessment scheme"))
    year = forms.IntegerField(label=_("year"), min_value=2000, max_value=2100)
    half = forms.TypedChoiceField(
        label=_("period"),
        choices=[("", _("the whole year")), ("1", _("first half")), ("2", _("second half"))],
        coerce=int,
        empty_value=None,
        required=False,
    )
    as_of = forms.DateField(
        label=_("as of"),
        widget=DATE,
        required=False,
        help_text=_("The automatic items count the records up to this day. Empty: the period's end, or today."),
    )
    title = forms.CharField(
        label=_("title"), max_length=200, required=False, help_text=_("Empty: the scheme and the period.")
    )

    def __init__(self, *args, schemes=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scheme"].queryset = schemes if schemes is not None else Scheme.objects.none()
        if self.fields["scheme"].queryset.count() == 1:  # the one scheme there is: chosen already
            self.initial.setdefault("scheme", self.fields["scheme"].queryset.get().pk)


class DataFileForm(BootstrapMixin, forms.Form):
    """A data file typed or pasted into its page, read by its loader when saved."""

    label = help = ""
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 24, "spellcheck": "false", "class": "form-control font-monospace"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label, self.fields["text"].help_text = self.label, self.help


class SchemeForm(DataFileForm):
    label = _("scheme file")
    help = _("YAML: the groups of units, their items with weights and sources, and their grades.")


class IndexForm(DataFileForm):
    label = _("index file")
    help = _(
        "YAML: the index's key, version, name and source document, and its "
        "indicators as the notice lists them. A new version keeps the earlier ones."
    )


class NoteForm(EmptyForm):
    note = forms.CharField(label=_("note"), required=False, widget=NOTE)


class ReasonForm(EmptyForm):
    reason = forms.CharField(label=_("reason"), widget=NOTE)


class PublishForm(EmptyForm):
    published_on = forms.DateField(label=_("published on"), widget=DATE, required=False, help_text=_("Empty: today."))


def _up_to(field, limit) -> None:
    """A points field says its range, the browser keeps to it, and a number outside it is refused in the words the
    action uses."""
    field.help_text = _("0 to %(max)s") % {"max": shown(limit)}
    field.widget.attrs.update({"max": str(limit), "step": "0.1"})
    field.validators.append(MaxValueValidator(limit))
    refused = _("Give between 0 and %(max)s points.") % {"max": shown(limit)}
    field.error_messages = {**field.error_messages, "min_value": refused, "max_value": refused}


class SelfAssessForm(EmptyForm):
    points = forms.DecimalField(label=_("points given"), required=False, **POINTS)
    note = forms.CharField(label=_("what the unit did"), required=False, widget=NOTE)

    def __init__(self, *args, record=None, **kwargs):
        super().__init__(*args, **kwargs)
        if record is not None:
            if not record.manual:
                del self.fields["points"]
            else:
                _up_to(self.fields["points"], record.max_points)
                self.initial.setdefault("points", record.self_points)
            self.initial.setdefault("note", record.self_note)


class EvidenceForm(EmptyForm):
    file = forms.FileField(
        label=_("evidence file"),
        help_text=_("A document, a spreadsheet or a photo."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(sorted(BY_EXTENSION))}),
    )


class ReviewForm(EmptyForm):
    points = forms.DecimalField(label=_("points given"), **POINTS)
    reason = forms.CharField(label=_("reason"), required=False, widget=NOTE)

    def __init__(self, *args, record=None, **kwargs):
        super().__init__(*args, **kwargs)
        if record is not None:
            if record.kind == "veto":
                self.fields["points"] = forms.TypedChoiceField(
                    label=_("veto"),
                    choices=[("0", _("does not apply")), ("1", _("applies: the unit takes the last grade"))],
                    coerce=Decimal,
                )
                self.fields["points"].widget.attrs["class"] = "form-select"
                self.initial.setdefault("points", "1" if record.settled else "0")
            else:
                _up_to(self.fields["points"], record.max_points)
            self.initial.setdefault("points", record.settled)


class ScoreRowForm(forms.Form):
    """One row of an assessor's table: an item's points and, when they change, the reason."""

    points = forms.DecimalField(label=_("points given"), required=False, **POINTS)
    reason = forms.CharField(label=_("reason"), required=False, max_length=2000)

    def __init__(self, *args, record=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.record = record
        if record is not None:
            _up_to(self.fields["points"], record.max_points)
            self.fields["points"].widget.attrs["aria-label"] = f"{record.participant.unit.display_name} · {record.name}"
        self.fields["reason"].widget.attrs.update(
            {"placeholder": _("reason, when the points change"), "aria-label": _("reason")}
        )
        for name in ("points", "reason"):
            self.fields[name].widget.attrs["class"] = "form-control form-control-sm"


class ScoresForm:
    """The rows of an assessor's table, one per item, each bound to its item by id (not by its place)."""

    def __init__(self, items, data=None):
        self.items = {item.pk: item for item in items}
        self.rows = [
            ScoreRowForm(
                data,
                prefix=f"item-{item.pk}",
                record=item,
                initial={"points": item.points},
            )
            for item in items
        ]

    def is_valid(self) -> bool:
        valid = all([row.is_valid() for row in self.rows])  # every row checked, so every mistake shows at once
        self.mark()
        return valid

    @property
    def refused(self) -> int:
        return sum(1 for row in self.rows if row.errors)

    def mark(self) -> None:
        """The fields of a refused row styled as such."""
        for row in self.rows:
            for name in row.errors:
                if name in row.fields:
                    row.fields[name].widget.attrs["class"] += " is-invalid"

    def changed(self) -> list[tuple]:
        """(item, points, reason) of the rows given points that differ from the item's, or a new reason."""
        found = []
        for row in self.rows:
            item, points, reason = row.record, row.cleaned_data["points"], row.cleaned_data["reason"].strip()
            if points is not None and (points != item.points or reason and reason != item.reason):
                # a reason left empty keeps the one given before for the same points, and is asked for new ones
                found.append((item, points, reason))
        return found

    def refuse(self, refused: dict) -> None:
        """Put each item's refusal on its row, under the field it concerns."""
        for row in self.rows:
            error = refused.get(row.record.pk)
            if error is None:
                continue
            if hasattr(error, "error_dict"):
                for field, messages in error.message_dict.items():
                    row.add_error(field if field in row.fields else None, messages)
            else:
                row.add_error(None, error.messages)
        self.mark()


class AppealForm(EmptyForm):
    item = forms.ChoiceField(label=pgettext_lazy("assessment", "item"), required=False)
    reason = forms.CharField(label=_("reasons"), widget=NOTE)

    def __init__(self, *args, record=None, **kwargs):
        super().__init__(*args, **kwargs)
        items = list(record.items.all()) if record is not None else []
        self.fields["item"].choices = [("", _("the result as a whole"))] + [(i.key, i.name) for i in items]


class DecideForm(EmptyForm):
    upheld = forms.TypedChoiceField(
        label=_("decision"),
        choices=[("1", _("Upheld")), ("0", pgettext_lazy("appeal", "Rejected"))],
        coerce=lambda value: value == "1",
    )
    answer = forms.CharField(label=_("reasons"), widget=NOTE)
    points = forms.DecimalField(
        label=_("the item's new points"), required=False, help_text=_("For an appeal upheld on an item."), **POINTS
    )


class NoticeEditForm(EmptyForm):
    title = forms.CharField(label=_("title"), max_length=200)
    addressee = forms.CharField(label=_("addressee"), max_length=200)
    body = forms.CharField(
        label=_("text"), widget=forms.Textarea(attrs={"rows": 14}), help_text=_("Paragraphs separated by a blank line.")
    )
    authority = forms.CharField(label=_("issued by"), max_length=100)
    public = forms.BooleanField(label=_("public: put it on the portal when issued"), required=False)

    def __init__(self, *args, record=None, **kwargs):
        super().__init__(*args, **kwargs)
        if record is not None:
            for name in ("title", "addressee", "body", "authority", "public"):
                self.initial.setdefault(name, getattr(record, name))


class IssueForm(EmptyForm):
    number = forms.CharField(label=_("document number"), max_length=60, help_text=_("e.g. 南知强办〔2024〕3号"))
    issued_on = forms.DateField(label=_("issued on"), widget=DATE, required=False, help_text=_("Empty: today."))


class EvidenceChoiceForm(EmptyForm):
    attachment = forms.ChoiceField(label=_("evidence file"))

    def __init__(self, *args, record=None, **kwargs):
        super().__init__(*args, **kwargs)
        files = list(record.evidence.all()) if record is not None else []
        self.fields["attachment"].choices = [(str(a.pk), a.name) for a in files]
