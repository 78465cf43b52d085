"""The forms of the navigation pages: a set from the register or from a file, its description, a branch, a merge."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from zhichan.core.forms import BootstrapMixin
from zhichan.projects.models import Project, ProjectKind

from .models import DateBasis, PatentSet
from .services.rows import checked_query


class _Described(BootstrapMixin, forms.Form):
    name = forms.CharField(label=pgettext_lazy("patent set", "name"), max_length=200)
    description = forms.CharField(
        label=_("what the set covers"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    search_strategy = forms.CharField(
        label=_("search strategy"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=PatentSet._meta.get_field("search_strategy").help_text,
    )
    project = forms.ModelChoiceField(
        Project.objects.none(), label=_("navigation project"), required=False, empty_label=_("none")
    )
    date_basis = forms.ChoiceField(label=_("year counted by"), choices=DateBasis.choices, initial=DateBasis.FILING)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = Project.objects.visible_to(user).filter(kind=ProjectKind.NAVIGATION)


class RegisterSetForm(_Described):
    query = forms.CharField(
        label=_("register search"),
        required=False,
        max_length=500,
        help_text=_(
            "Search the patent register with its filters (township, type, years, holder …) and paste the page's "
            "address here; empty: every patent of the register."
        ),
    )

    def clean_query(self):
        return checked_query(self.cleaned_data.get("query", ""))


class ImportedSetForm(_Described):
    upload = forms.FileField(
        label=_("export file (Excel or CSV)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.xls,.csv"}),
    )


class DescribeForm(_Described):
    pass


class BranchForm(BootstrapMixin, forms.Form):
    name = forms.CharField(label=pgettext_lazy("branch", "name"), max_length=100)
    parent = forms.ModelChoiceField(None, label=_("parent branch"), required=False, empty_label=_("none (top level)"))
    ipc_prefixes = forms.CharField(
        label=_("IPC codes"), required=False, max_length=500, help_text=_("e.g. F16K11; E03C1")
    )
    keywords = forms.CharField(label=_("keywords"), required=False, max_length=500, help_text=_("e.g. 阀芯; 龙头"))

    def __init__(self, *args, patent_set=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = patent_set.branches.all() if patent_set else PatentSet.objects.none()


class MergeForm(BootstrapMixin, forms.Form):
    alias = forms.CharField(label=_("name as written"), max_length=200)
    name = forms.CharField(label=_("counted as"), max_length=200)
    note = forms.CharField(label=_("note"), required=False, max_length=200)
