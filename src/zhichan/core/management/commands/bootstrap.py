"""First start: load the built-in programme's regions and organisation, and create the demo accounts."""

from django.conf import settings
from django.core.management.base import BaseCommand

from ...models import Region
from ...services.demo import accounts_file, create_demo_accounts
from ...services.organisation import load_organisation
from ...services.regions import load_regions

DEFAULT_REGIONS = "data/regions/350583-nanan.yaml"
DEFAULT_ORGANISATION = "data/organisations/nanan-2022.yaml"


class Command(BaseCommand):
    help = "Load the Nan'an programme data and demo accounts if this database has none yet."

    def add_arguments(self, parser):
        parser.add_argument("--reset-demo-passwords", action="store_true")

    def handle(self, reset_demo_passwords=False, **options):
        if not Region.objects.exists():
            self.stdout.write("Loading regions and organisation …")
            load_regions(settings.PROJECT_DIR / DEFAULT_REGIONS)
            load_organisation(settings.PROJECT_DIR / DEFAULT_ORGANISATION)
        path = accounts_file()
        if reset_demo_passwords or not path.exists():
            create_demo_accounts()
        self.stdout.write(f"Demo accounts ({path}):")
        self.stdout.write(path.read_text(encoding="utf-8"))
