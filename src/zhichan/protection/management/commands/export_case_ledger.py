"""manage.py export_case_ledger FILE --user NAME [--state S] [--ip-type T] [--unit KEY] [--township NAME]

The case ledger (案件台账) as the user reads it on the case list under the same filters, written to FILE (.xlsx)
with the progress on the terminal; the same builder as the page's export (views_ledger.py)."""

from pathlib import Path

from django.core.management.base import CommandError
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import override

from zhichan.core.commands import ActingCommand
from zhichan.core.management.commands._progress import ProgressBar
from zhichan.core.models import Region, Unit
from zhichan.core.services.exports import Asking

from ...forms import FilterForm
from ...views_ledger import case_ledger_workbook


class Command(ActingCommand):
    help = "Write the case ledger (案件台账) the user given with --user reads, under the case list's filters."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the .xlsx file to write")
        parser.add_argument("--state", default="", help="a state key: lead, filed, decided, closed …")
        parser.add_argument("--ip-type", default="", help="an IP type key: patent, trademark, copyright …")
        parser.add_argument("--unit", default="", help="the enforcing unit's key (e.g. amr)")
        parser.add_argument("--township", default="", help="the township's name")
        parser.add_argument("--language", default="zh-hans", help="language of the headers and words")

    def handle(self, *args, file, state, ip_type, unit, township, language, **options):
        user = self.acting_user
        if user is None:
            raise CommandError("Name the account whose cases to export with --user.")
        query = QueryDict(mutable=True)
        query.update({"state": state, "ip_type": ip_type, "sort": "newest"})
        if unit:
            found = Unit.objects.filter(key=unit)
            if user.unit_id:
                found = found.filter(organisation=user.unit.organisation)
            if not found.exists():
                raise CommandError(f"No unit has the key {unit}.")
            query["unit"] = str(found.get().pk)
        if township:
            region = Region.objects.filter(name=township).first()
            if region is None:
                raise CommandError(f"No region is called {township}.")
            query["township"] = str(region.pk)
        form = FilterForm(query, user=user)
        if not form.is_valid():
            problems = "; ".join(f"{name}: {' '.join(errors)}" for name, errors in form.errors.items())
            raise CommandError(problems)
        with override(language):
            workbook = case_ledger_workbook(Asking(user=user, GET=query))
            content = workbook.render(progress=ProgressBar(self.stderr))
            path = Path(file)
            path.write_bytes(content)
            self.stdout.write(_("%(count)d cases written to %(path)s.") % {"count": workbook.rows, "path": path})
