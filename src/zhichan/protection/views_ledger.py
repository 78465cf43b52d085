"""The case ledger (案件台账) as Excel: the cases of the case list under its filters, through core's exports (a
small ledger is sent at once, a large one built by a background task whose page shows the progress). Importing a
ledger is core's import of the kind `case-ledger` (imports.py)."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from zhichan.core import columns
from zhichan.core.access import allow
from zhichan.core.roles import STAFF
from zhichan.core.services.exports import respond
from zhichan.documents import xlsx

from .services.ledger import COLUMNS, ledger_rows
from .views import filtered_cases


@require_safe
@allow(STAFF)
def case_ledger_export(request):
    return respond(request, case_ledger_workbook)


def case_ledger_workbook(request) -> xlsx.Workbook:
    """The ledger of the cases the user reads under the list's filters (`request.GET`), oldest lead first."""
    _form, found, _sort = filtered_cases(request.user, request.GET)
    found = found.order_by("lead_on", "pk")
    now = timezone.localtime()
    title = _("Case ledger")
    note = _("%(title)s · %(count)d cases · exported %(time)s by %(user)s") % {
        "title": title,
        "count": found.count(),
        "time": now.strftime("%Y-%m-%d %H:%M"),
        "user": request.user.display_name,
    }
    records = ledger_rows(found, request.user, now.date())
    sheet = columns.sheet(title, COLUMNS, records, note=note)
    return xlsx.Workbook(f"{title}-{now:%Y%m%d}.xlsx", [sheet], rows=found.count())
