"""What the services module's pages share: running an action with a form's values, paging a list, and the
roles."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render

from zhichan.core.roles import LIAISONS, Role
from zhichan.core.views.actions import run_action

OFFICE = frozenset({Role.OFFICE})
# Agencies are kept by the office and the liaison of the supervising unit (a member unit, such as the market
# supervision bureau); stations, outlets and custody engagements by the office and the liaison of their unit.
AGENCY_WRITERS = frozenset({Role.OFFICE, Role.UNIT_LIAISON})
WRITERS = frozenset({Role.OFFICE, *LIAISONS})
PER_PAGE = 50


def run(request, function, *args, form, done: str, **extra):
    """Run the action with the form's values (and `extra`); its refusals show on the form."""
    values = form.values() if hasattr(form, "values") else {}
    return run_action(request, function, *args, form=form, done=done, **{**values, **extra})


def post_entry(request, record, table, key: str, detail, *, on_page: bool = True):
    """Run the entry `key` of the record's table (services/steps.py) with the posted form. Refused, the record's
    page `detail` shows again with that form and its errors; an entry without a form on the page (`on_page`
    False: withdrawing) says its refusal as a message."""
    step = table.get(key)
    form = table.form(step, record, request.user, request.POST, request.FILES)
    if form.is_valid():
        shown = form if on_page else None
        done = str(step.done)
        outcome = run_action(request, step.run, record, request.user, form.cleaned_data, form, form=shown, done=done)
        if outcome.ok or not on_page:
            return redirect(record)
    return detail(request, record, {key: form}, status=400)


def read_only(request, template: str, context: dict):
    """The form page of a record the user reads but may not change: it says so (a POST is refused)."""
    if request.method == "POST":
        raise PermissionDenied
    return render(request, template, {**context, "form": None, "read_only": True})


def paged(request, rows):
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()
