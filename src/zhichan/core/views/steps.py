"""A record's page offers the steps its `Steps` table allows the reader now, each with its form; posting one runs it
through `run_action`. A refused step shows the page again with that step's form open and its errors on it."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .actions import run_action


def step_forms(table, record, user, forms=None) -> list:
    """(step, form) for every step offered: the bound form of a step just refused, else an empty one."""
    forms = forms or {}
    return [
        (step, forms.get(step.key) or table.form(step, record, user, prefix=step.key))
        for step in table.offered(record, user)
    ]


def take_step(request, record, table, template: str, context):
    """Run the posted step on `record`; when it is refused, render `template` again with `context(forms)` (the
    page's context given the refused step's bound form) and that step's form open."""
    step = table.get(request.POST.get("step"))
    if step is None:
        messages.error(request, _("Choose a step."))
        return redirect(record)
    form = table.form(step, record, request.user, request.POST, request.FILES, prefix=step.key)
    # A step the page does not offer now has no form on it to show the refusal: it is shown as a message.
    shown = step in table.offered(record, request.user)
    if form.is_valid():
        outcome = run_action(
            request,
            step.run,
            record,
            request.user,
            form.cleaned_data,
            form,
            form=form if shown else None,
            done=step.done if callable(step.done) else str(step.done or step.label),
        )
        if outcome.ok:
            return redirect(record)
    elif not shown:
        messages.error(request, _("That step is not possible now."))
    record.refresh_from_db()
    return render(request, template, {**context({step.key: form}), "open_step": step.key}, status=400)
