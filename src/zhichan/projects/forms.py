"""The forms of the project pages: they read and check the input; the actions decide."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from zhichan.core.forms import BootstrapMixin
from zhichan.core.models import ImportBatch, ImportState, Region, RegionKind, Unit
from zhichan.services.models import ExpertField

from .models import Level, Measure, NavigationType, ProjectKind, ReviewStage, State
from .services.phases import phases

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
WAN = {"max_digits": 14, "decimal_places": 4, "min_value": 0, "required": False}


class ProjectForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("kind of project"), choices=ProjectKind.choices)
    navigation_type = forms.ChoiceField(
        label=_("kind of navigation"),
        choices=[("", "—"), *NavigationType.choices],
        required=False,
        help_text=_("For a navigation project: its GB/T 39551 kind."),
    )
    title = forms.CharField(label=_("title"), max_length=200)
    applicant_name = forms.CharField(
        label=pgettext_lazy("project", "applicant"),
        max_length=200,
        required=False,
        help_text=_("An enterprise, a university or a research institute."),
    )
    applicant_code = forms.CharField(
        label=pgettext_lazy("project", "applicant's unified social credit code"),
        max_length=18,
        required=False,
        help_text=_("When it is in the register: its users then follow the project."),
    )
    partners = forms.CharField(
        label=_("partners"), required=False, widget=forms.Textarea(attrs={"rows": 2}), help_text=_("One a line.")
    )
    level = forms.ChoiceField(label=_("approving level"), choices=[("", "—"), *Level.choices])
    unit = forms.ModelChoiceField(Unit.objects.none(), label=_("member unit in charge"), required=False)
    region = forms.ModelChoiceField(
        Region.objects.none(),
        label=pgettext_lazy("project", "where it lies"),
        required=False,
        help_text=_("Left empty: the applicant's township, else the unit's."),
    )
    field = forms.CharField(label=_("industry or technical field"), max_length=200, required=False)
    starts_on = forms.DateField(label=_("period from"), widget=DATE, required=False)
    ends_on = forms.DateField(label=_("period until"), widget=DATE, required=False)
    budget = forms.DecimalField(label=_("budget (10,000 yuan)"), **WAN)
    funding = forms.DecimalField(label=_("public funding (10,000 yuan)"), **WAN)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is None:
            del self.fields["unit"]  # a liaison's project is its own unit's
        else:
            self.fields["unit"].queryset = units
            self.fields["unit"].required = True
        self.fields["region"].queryset = Region.objects.filter(kind__in=RegionKind.township_level()).order_by("code")

    def clean(self):
        data = super().clean()
        if data.get("kind") == ProjectKind.NAVIGATION and not data.get("navigation_type"):
            self.add_error("navigation_type", _("Choose the kind of navigation (GB/T 39551)."))
        if data.get("kind") == ProjectKind.CULTIVATION:
            data["navigation_type"] = ""
        if not (data.get("applicant_name") or data.get("applicant_code")) and not self.errors:
            self.add_error("applicant_name", _("Name the applicant, or give its credit code."))
        return data


class _ForProject(BootstrapMixin, forms.Form):
    def __init__(self, *args, project=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.project, self.user = project, user
        for name, field in self.fields.items():
            if isinstance(field, forms.DateField) and name.endswith("_on") and field.required is False:
                field.initial = timezone.localdate()


class ApproveForm(_ForProject):
    document = forms.CharField(label=_("approving document"), max_length=100, help_text=_("e.g. 泉知〔2023〕12号"))
    approved_on = forms.DateField(label=pgettext_lazy("project", "approved on"), widget=DATE, required=False)
    funding = forms.DecimalField(label=_("public funding (10,000 yuan)"), **WAN)

    def __init__(self, *args, project=None, **kwargs):
        super().__init__(*args, project=project, **kwargs)
        if project is not None:
            self.fields["funding"].initial = project.funding


class StartForm(_ForProject):
    started_on = forms.DateField(label=pgettext_lazy("project", "started on"), widget=DATE, required=False)


class CheckForm(_ForProject):
    checked_on = forms.DateField(label=_("mid-term check on"), widget=DATE, required=False)
    opinion = forms.CharField(label=_("opinion"), widget=forms.Textarea(attrs={"rows": 3}))


class AcceptForm(_ForProject):
    accepted_on = forms.DateField(label=pgettext_lazy("project", "accepted on"), widget=DATE, required=False)
    opinion = forms.CharField(label=_("acceptance opinion"), widget=forms.Textarea(attrs={"rows": 3}))


class EndForm(_ForProject):
    ended_on = forms.DateField(label=pgettext_lazy("project", "ended on"), widget=DATE, required=False)
    reason = forms.CharField(label=_("why it ended early"), widget=forms.Textarea(attrs={"rows": 2}))


class TargetForm(_ForProject):
    measure = forms.ChoiceField(label=_("measure"), choices=Measure.choices)
    planned = forms.IntegerField(
        label=_("planned"), min_value=0, max_value=100_000, help_text=_("Zero takes the target away.")
    )


class OutputsForm(_ForProject):
    numbers = forms.CharField(
        label=_("patent application numbers"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One a line, as written on the filing receipt (e.g. 202310123456.7 or ZL 2023 1 0123456.7)."),
    )
    note = forms.CharField(label=_("note"), max_length=200, required=False)


class OutputChoiceForm(_ForProject):
    output = forms.ModelChoiceField(None, label=_("output"))

    def __init__(self, *args, project=None, **kwargs):
        super().__init__(*args, project=project, **kwargs)
        self.fields["output"].queryset = project.outputs.all() if project else None


class MilestoneForm(_ForProject):
    name = forms.CharField(label=_("milestone"), max_length=200)
    due_on = forms.DateField(label=pgettext_lazy("project", "due on"), widget=DATE)


class ReachForm(_ForProject):
    milestone = forms.ModelChoiceField(None, label=_("milestone"))
    done_on = forms.DateField(label=_("reached on"), widget=DATE, required=False)

    def __init__(self, *args, project=None, **kwargs):
        super().__init__(*args, project=project, **kwargs)
        self.fields["milestone"].queryset = project.milestones.filter(done_on=None) if project else None


class DeliverableForm(_ForProject):
    phase = forms.ChoiceField(label=_("phase"), choices=(), required=False)
    file = forms.FileField(label=_("file"), help_text=_("PDF, images or office documents."))
    label = forms.CharField(label=_("what it is"), max_length=200, required=False, help_text=_("e.g. 专利导航报告"))

    def __init__(self, *args, project=None, **kwargs):
        super().__init__(*args, project=project, **kwargs)
        if project is not None and project.kind != ProjectKind.NAVIGATION:
            del self.fields["phase"]  # only a navigation project's deliverables belong to phases
        else:
            self.fields["phase"].choices = [("", "—"), *((phase.key, phase.name) for phase in phases())]


class ResultsForm(_ForProject):
    patent_set_batch = forms.ModelChoiceField(
        ImportBatch.objects.none(),
        label=_("patents analysed: import batch"),
        required=False,
        help_text=_("A patent file imported into the register (its batch), when the set was imported."),
    )
    patent_set_query = forms.CharField(
        label=_("patents analysed: register query"),
        max_length=500,
        required=False,
        help_text=_("The search of the patent register, as its address after the question mark."),
    )
    conclusions = forms.CharField(label=_("conclusions"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    results_use = forms.CharField(
        label=_("use of the results"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, project=None, **kwargs):
        super().__init__(*args, project=project, **kwargs)
        # The patent imports done (not previews) that the user reads, newest first.
        done = ImportBatch.objects.visible_to(self.user).filter(kind="patent", dry_run=False, state=ImportState.DONE)
        self.fields["patent_set_batch"].queryset = done.order_by("-created")
        if project is not None and not self.is_bound:
            for name in ("patent_set_batch", "patent_set_query", "conclusions", "results_use"):
                self.fields[name].initial = getattr(project, name)


class ProjectFilter(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("kind of project"), choices=[("", _("all kinds")), *ProjectKind.choices], required=False
    )
    state = forms.ChoiceField(label=_("state"), choices=[("", _("all states")), *State.choices], required=False)
    q = forms.CharField(
        label=_("title or applicant"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"placeholder": _("title or applicant")}),
    )


class DrawForm(_ForProject):
    stage = forms.ChoiceField(label=_("review at"), choices=ReviewStage.choices)
    wanted = forms.IntegerField(label=_("experts wanted"), min_value=1, max_value=15, initial=5)
    field = forms.ChoiceField(
        label=_("field of expertise"),
        choices=[("", _("any field")), *ExpertField.choices],
        required=False,
        help_text=_("Experts tied to the applicant or a partner are left out of the draw."),
    )

    def __init__(self, *args, project=None, **kwargs):
        super().__init__(*args, project=project, **kwargs)
        if project is not None and project.state == State.CHECKED:
            self.fields["stage"].initial = ReviewStage.FINAL


class ScoreForm(_ForProject):
    pick = forms.ChoiceField(label=_("expert"), choices=())
    score = forms.DecimalField(label=_("score"), min_value=0, max_value=100, max_digits=5, decimal_places=1)
    opinion = forms.CharField(label=_("opinion"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, project=None, **kwargs):
        from .services.reviews import serving

        super().__init__(*args, project=project, **kwargs)
        self.serving = {}
        if project is not None:
            for review in project.reviews.select_related("draw"):
                for expert in serving(review):
                    key = f"{review.pk}-{expert.pk}"
                    self.serving[key] = (review, expert)
        self.fields["pick"].choices = [
            (key, f"{review.get_stage_display()} · {expert.name}") for key, (review, expert) in self.serving.items()
        ]

    def clean(self):
        data = super().clean()
        chosen = self.serving.get(data.pop("pick", None))
        if chosen is not None:
            data["review"], data["expert"] = chosen
        return data
