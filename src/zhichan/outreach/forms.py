"""The forms of the outreach pages: they read and check the input; the actions decide."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from zhichan.core.forms import BootstrapMixin, comment_field, five_points
from zhichan.core.models import Region, RegionKind, Unit, UnitKind
from zhichan.core.roles import LIAISONS, Role, role_of

from .models import ActivityKind, Audience, Campaign, Participant, PilotLevel, School, SchoolLevel, StudentWork

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
COUNT = {"min_value": 0, "required": False}


class ActivityForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("kind of activity"), choices=ActivityKind.choices)
    campaign = forms.ChoiceField(label=_("campaign"), choices=Campaign.choices, required=False)
    title = forms.CharField(label=_("title"), max_length=200)
    audience = forms.ChoiceField(label=_("audience"), choices=[("", "—"), *Audience.choices])
    unit = forms.ModelChoiceField(Unit.objects.none(), label=_("organiser"), required=False)
    region = forms.ModelChoiceField(
        Region.objects.none(),
        label=pgettext_lazy("activity", "where it takes place"),
        required=False,
        help_text=_("Left empty: the organiser's region."),
    )
    starts_on = forms.DateField(label=pgettext_lazy("activity", "held on"), widget=DATE)
    ends_on = forms.DateField(label=pgettext_lazy("activity", "until"), widget=DATE, required=False)
    place = forms.CharField(label=_("place"), max_length=200, required=False)
    hours = forms.DecimalField(label=_("hours"), max_digits=5, decimal_places=1, min_value=0, required=False)
    speakers = forms.CharField(
        label=_("speakers"), required=False, widget=forms.Textarea(attrs={"rows": 2}), help_text=_("One a line.")
    )
    school = forms.ModelChoiceField(
        School.objects.none(), label=_("school"), required=False, help_text=_("For an activity in schools.")
    )
    teachers_trained = forms.IntegerField(label=_("teachers trained"), **COUNT)
    students_reached = forms.IntegerField(label=_("students reached"), **COUNT)
    note = forms.CharField(label=_("note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, units=None, schools=None, regions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = schools if schools is not None else School.objects.none()
        self._regions = regions
        if units is None:
            del self.fields["unit"]  # a liaison's activity is its own unit's
        else:
            self.fields["unit"].queryset = units
            self.fields["unit"].required = True
        places = Region.objects.filter(kind__in=(*RegionKind.county_level(), *RegionKind.township_level()))
        self.fields["region"].queryset = (places & self._regions if self._regions is not None else places).order_by(
            "code"
        )


def own_regions(user):
    """The regions a liaison may place a record in: its unit's region and those below it; None for the office."""
    if role_of(user) in LIAISONS and user.unit_id:
        return Region.objects.filter(path__startswith=user.unit.region.path)
    return None


def organisers(user):
    """The member units the office names as a record's organiser (or unit in charge); None for a liaison, whose
    records are its own unit's."""
    if role_of(user) == Role.OFFICE:
        return Unit.objects.visible_to(user).exclude(kind=UnitKind.BANK).order_by("kind", "name")
    return None


class _ForActivity(BootstrapMixin, forms.Form):
    def __init__(self, *args, activity=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.activity, self.user = activity, user


class ChangeForm(ActivityForm):
    """The activity's details as they are, to correct: the organiser too for the office (a liaison's activity is
    its own unit's), and where it takes place (a liaison's, within its own region)."""

    def __init__(self, *args, activity=None, user=None, **kwargs):
        initial = {name: getattr(activity, name) for name in ActivityForm.base_fields} if activity else None
        schools = School.objects.visible_to(user) if user is not None else None
        units, regions = (organisers(user), own_regions(user)) if user is not None else (None, None)
        super().__init__(*args, initial=initial, schools=schools, units=units, regions=regions, **kwargs)
        self.fields["region"].required, self.fields["region"].help_text = True, ""


class ReachForm(_ForActivity):
    attendees_reported = forms.IntegerField(label=_("attendees (counted by the organiser)"), **COUNT)
    media_items = forms.IntegerField(label=_("media items"), **COUNT, help_text=_("Reports, articles, broadcasts."))
    online_views = forms.IntegerField(label=_("online views"), **COUNT)

    def __init__(self, *args, activity=None, **kwargs):
        super().__init__(*args, activity=activity, **kwargs)
        if activity is not None and not self.is_bound:
            for name in self.fields:
                self.fields[name].initial = getattr(activity, name)


class RegisterForm(_ForActivity):
    people = forms.CharField(
        label=_("people"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One a line: name, work unit, position, phone (as copied from a spreadsheet)."),
    )


class AttendanceForm(_ForActivity):
    participant = forms.ModelChoiceField(Participant.objects.none(), label=_("participant"))
    attended = forms.TypedChoiceField(
        label=_("attended"),
        choices=[("1", _("present")), ("0", _("absent"))],
        coerce=lambda value: value == "1",
        initial="1",
    )

    def __init__(self, *args, activity=None, **kwargs):
        super().__init__(*args, activity=activity, **kwargs)
        if activity is not None:
            self.fields["participant"].queryset = activity.participants.order_by("name")


class PhotoForm(_ForActivity):
    file = forms.FileField(label=_("photo"))
    label = forms.CharField(label=_("caption"), max_length=200, required=False)


class EmptyForm(_ForActivity):
    pass


class ActivityFilter(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("kind of activity"), choices=[("", _("all kinds")), *ActivityKind.choices], required=False
    )
    campaign = forms.ChoiceField(
        label=_("campaign"), choices=[("", _("all campaigns")), *Campaign.choices[1:]], required=False
    )
    year = forms.IntegerField(
        label=_("year"),
        min_value=1950,
        max_value=2100,
        required=False,
        widget=forms.NumberInput(attrs={"placeholder": _("year")}),
    )
    q = forms.CharField(
        label=_("title or place"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"placeholder": _("title or place")}),
    )


class SignInForm(BootstrapMixin, forms.Form):
    name = forms.CharField(label=pgettext_lazy("person", "name"), max_length=50)
    employer = forms.CharField(label=_("work unit"), max_length=200, required=False)
    position = forms.CharField(label=_("position"), max_length=100, required=False)
    phone = forms.CharField(
        label=pgettext_lazy("person", "phone"),
        max_length=20,
        required=False,
        help_text=_("Optional: tells apart two people of one name."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )


class FeedbackForm(BootstrapMixin, forms.Form):
    rating = five_points(_("how useful was it"), help_text=_("5 the most useful."))
    comment = comment_field(_("comments"))


class RoundForm(BootstrapMixin, forms.Form):
    title = forms.CharField(label=_("title"), max_length=200)
    year = forms.IntegerField(
        label=_("year"), min_value=2012, max_value=2100, initial=lambda: timezone.localdate().year
    )


class OpenRoundForm(BootstrapMixin, forms.Form):
    opened_on = forms.DateField(label=pgettext_lazy("survey", "opened on"), widget=DATE, required=False)

    def __init__(self, *args, survey_round=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)


class CloseRoundForm(BootstrapMixin, forms.Form):
    closed_on = forms.DateField(label=pgettext_lazy("survey", "closed on"), widget=DATE, required=False)

    def __init__(self, *args, survey_round=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)


class SchoolForm(BootstrapMixin, forms.Form):
    name = forms.CharField(label=pgettext_lazy("school", "name"), max_length=200)
    level = forms.ChoiceField(label=_("school level"), choices=[("", "—"), *SchoolLevel.choices])
    region = forms.ModelChoiceField(Region.objects.none(), label=_("township"))
    unit = forms.ModelChoiceField(
        Unit.objects.none(),
        label=_("member unit in charge"),
        required=False,
        help_text=_("Left empty: the education bureau."),
    )
    pilot_level = forms.ChoiceField(label=_("pilot school of"), choices=PilotLevel.choices, required=False)
    pilot_since = forms.IntegerField(
        label=_("pilot school since (year)"), min_value=2000, max_value=2100, required=False
    )
    pilot_document = forms.CharField(label=_("naming document"), max_length=100, required=False)
    note = forms.CharField(label=_("note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, units=None, regions=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is None:
            del self.fields["unit"]  # a liaison's school is followed by its own unit
        else:
            self.fields["unit"].queryset = units
        townships = Region.objects.filter(kind__in=RegionKind.township_level())
        self.fields["region"].queryset = (townships & regions if regions is not None else townships).order_by("code")
        if regions is not None and not self.initial.get("region"):
            only = list(self.fields["region"].queryset[:2])
            if len(only) == 1:  # a township liaison's own township: chosen already
                self.fields["region"].initial = only[0].pk


class _ForSchool(BootstrapMixin, forms.Form):
    def __init__(self, *args, school=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.school, self.user = school, user


class SchoolChangeForm(SchoolForm):
    """The school's details as they are, to correct: the unit in charge too for the office (a liaison's school is
    followed by its own unit), the township within a liaison's own region."""

    def __init__(self, *args, school=None, user=None, **kwargs):
        initial = {name: getattr(school, name) for name in SchoolForm.base_fields} if school else None
        units, regions = (organisers(user), own_regions(user)) if user is not None else (None, None)
        super().__init__(*args, initial=initial, units=units, regions=regions, **kwargs)
        if "unit" in self.fields:
            self.fields["unit"].required, self.fields["unit"].help_text = True, ""
        self.school, self.user = school, user


class PilotForm(_ForSchool):
    pilot_level = forms.ChoiceField(label=_("pilot school of"), choices=PilotLevel.choices, required=False)
    pilot_since = forms.IntegerField(
        label=_("pilot school since (year)"), min_value=2000, max_value=2100, required=False
    )
    pilot_document = forms.CharField(label=_("naming document"), max_length=100, required=False)


class WorkForm(_ForSchool):
    title = forms.CharField(label=_("title"), max_length=200)
    students = forms.CharField(label=_("students"), max_length=200)
    teacher = forms.CharField(label=_("teacher"), max_length=100, required=False)
    year = forms.IntegerField(
        label=_("year"), min_value=2000, max_value=2100, initial=lambda: timezone.localdate().year
    )
    number = forms.CharField(
        label=_("patent application number"),
        max_length=40,
        required=False,
        help_text=_("In any written form; linked to the register as soon as it holds the patent."),
    )
    fair = forms.CharField(label=_("science fair"), max_length=200, required=False)
    award = forms.CharField(label=_("award"), max_length=100, required=False)


class WorkChoiceForm(_ForSchool):
    work = forms.ModelChoiceField(StudentWork.objects.none(), label=_("student work"))

    def __init__(self, *args, school=None, **kwargs):
        super().__init__(*args, school=school, **kwargs)
        if school is not None:
            self.fields["work"].queryset = school.works.all()


class SchoolFilter(BootstrapMixin, forms.Form):
    pilot = forms.ChoiceField(
        label=_("pilot school of"),
        choices=[("", _("all schools")), ("any", _("pilot schools")), *PilotLevel.choices[1:]],
        required=False,
    )
    q = forms.CharField(
        label=pgettext_lazy("school", "name"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"placeholder": pgettext_lazy("school", "name")}),
    )
