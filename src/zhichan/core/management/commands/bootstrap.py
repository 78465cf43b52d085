"""First start: load the built-in programme's regions and organisation, seed the working-day calendar, load the
deadline rules, and create the demo accounts."""

from django.conf import settings

from zhichan.core.commands import ActingCommand

from ...extensions import FIRST_START
from ...models import Region, Unit
from ...services.calendar import seed_calendar
from ...services.datafile import Reader
from ...services.deadline_rules import DEFAULT_RULES, load_rules
from ...services.demo import accounts_file, create_demo_accounts, demo_accounts_present
from ...services.organisation import load_organisation
from ...services.regions import load_regions, summary

DEFAULT_REGIONS = "data/regions/350583-nanan.yaml"
DEFAULT_ORGANISATION = "data/organisations/nanan-2022.yaml"


class Command(ActingCommand):
    help = (
        "Load Nan'an's regions and organisation if this database lacks them (whatever else it holds), and create "
        "the demo accounts."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-demo", action="store_true", help="create no demo accounts (production)")
        parser.add_argument("--reset-demo-passwords", action="store_true")

    def handle(self, no_demo=False, reset_demo_passwords=False, **options):
        self.load_nanan()
        seed_calendar()  # every start: idempotent, and picks up a newer chinese-calendar after an upgrade
        load_rules(settings.PROJECT_DIR / DEFAULT_RULES)  # every start too: keeps the office's edits
        for step in FIRST_START:  # other apps' first-start data (the programme, its demo reports)
            step(self.stdout, demo=not no_demo)
        if no_demo:
            return
        if reset_demo_passwords or not demo_accounts_present():
            create_demo_accounts()
        path = accounts_file()
        self.stdout.write(f"Demo accounts ({path}):")
        self.stdout.write(path.read_text(encoding="utf-8"))

    def load_nanan(self):
        """Nan'an is missing unless its county region is there with units of its own; other counties, cities or
        programmes in the database do not count. Loading both files again is harmless: they are idempotent."""
        regions_file = settings.PROJECT_DIR / DEFAULT_REGIONS
        code = str(Reader(regions_file).data.get("division", ""))
        county = Region.objects.filter(code=code).first()
        if county is not None and Unit.objects.filter(region=county).exists():
            self.stdout.write(f"{county.name} ({code}): regions and units already there, nothing loaded.")
            return
        self.stdout.write(f"Loading {DEFAULT_REGIONS} and {DEFAULT_ORGANISATION} …")
        result = load_regions(regions_file)
        self.stdout.write(f"{result['region'].name}: {result['regions']} regions")
        for line in summary(result):
            self.stdout.write(f"  {line}")
        loaded = load_organisation(settings.PROJECT_DIR / DEFAULT_ORGANISATION)
        self.stdout.write(f"{loaded['units']} units, {loaded['committees']} committees")
