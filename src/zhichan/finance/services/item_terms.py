"""An item's rule and amounts in words, for the scheme's page and the applicant: what is checked against the
register (services/eligibility.py) and what a claim gives."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import Basis
from .eligibility import wan

RULES = {
    Basis.INVENTION_GRANTED: gettext_lazy(
        "An invention patent of the applicant's (among its holders in the register), granted from %(start)s to "
        "%(end)s, not subsidised before."
    ),
    Basis.PCT_FILED: gettext_lazy(
        "A patent of the applicant's with a PCT international application filed from %(start)s to %(end)s, not "
        "subsidised before."
    ),
    Basis.MADRID_REGISTERED: gettext_lazy(
        "A trademark of the applicant's registered abroad through Madrid from %(start)s to %(end)s, not subsidised "
        "before."
    ),
    Basis.PLEDGE_INTEREST: gettext_lazy(
        "A loan on a pledge of the applicant's IP, drawn from %(start)s to %(end)s, its interest not subsidised before."
    ),
    Basis.PROJECT: gettext_lazy("A project approved by a document, its grant not given before."),
}


def rule(item) -> str:
    scheme = item.scheme
    return str(RULES[item.basis]) % {"start": f"{scheme.window_from:%Y-%m-%d}", "end": f"{scheme.window_to:%Y-%m-%d}"}


def amounts(item) -> str:
    parts = []
    if item.basis == Basis.PLEDGE_INTEREST:
        parts.append(_("%(percent)s%% of the interest paid") % {"percent": f"{item.percent.normalize():f}"})
    elif item.amount is not None:
        parts.append(_("%(amount)s a claim") % {"amount": wan(item.amount)})
    if item.cap is not None:
        parts.append(_("at most %(amount)s a claim") % {"amount": wan(item.cap)})
    if item.cap_per_applicant is not None:
        parts.append(_("at most %(amount)s an applicant in the year") % {"amount": wan(item.cap_per_applicant)})
    return "；".join(parts)


def described(items) -> list:
    """The items with their `rule` and `amounts` in words."""
    items = list(items)
    for item in items:
        item.rule, item.amounts = rule(item), amounts(item)
    return items
