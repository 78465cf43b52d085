"""What is entered on a pledge's and a bank's page, one table each for the page and the API (core/steps.py)."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.steps import Step, Steps, by_action

from .forms import LoanForm, NothingForm, ProductForm, ReleaseForm
from .models import unmatched
from .services import banks, pledges


def _step(key, label, form, action, name, done, style="primary", when=None) -> Step:
    def run(record, user, data, form):
        return action(record, user, **data)

    return Step(key, label, form, None, run, style, allowed=by_action(action, name), when=when, done=done)


PLEDGE_STEPS = Steps(
    [
        _step("loan", _("Enter a loan"), LoanForm, pledges.add_loan, "pledge", _("The loan is entered.")),
        _step(
            "release",
            _("Release the pledge"),
            ReleaseForm,
            pledges.release_pledge,
            "pledge",
            _("The pledge is released."),
            style="outline-secondary",
            when=lambda pledge: pledge.released_on is None,
        ),
        _step(
            "match",
            _("Match the rights to the register"),
            NothingForm,
            pledges.match_rights,
            "pledge",
            _("Matched."),
            style="outline-primary",
            when=lambda pledge: pledge.rights.filter(unmatched()).exists(),
        ),
    ]
)

BANK_STEPS = Steps(
    [_step("product", _("Add a loan product"), ProductForm, banks.add_product, "bank", _("The product is entered."))]
)
