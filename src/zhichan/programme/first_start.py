"""The built-in programme, loaded by `manage.py bootstrap` on a database that has none."""

from django.conf import settings

from zhichan.core.models import Region

from .models import Programme
from .services.demo import create_demo_reports
from .services.loading import load_programme

BUILT_IN = "programmes/nanan-2022.yaml"
BUILT_IN_REGION = "350583"  # Nan'an: another county loads its own programme file instead


def first_start(stdout, demo: bool):
    """Load the built-in programme on a database that has none; give it demo reports when demo data is wanted."""
    if Programme.objects.exists() or not (settings.PROJECT_DIR / BUILT_IN).exists():
        return
    if not Region.objects.filter(code=BUILT_IN_REGION).exists():
        stdout.write(
            f"No programme loaded: load your own with `manage.py load_programme FILE` ({BUILT_IN} is Nan'an's)"
        )
        return
    programme = load_programme(settings.PROJECT_DIR / BUILT_IN)["programme"]
    stdout.write(f"Loaded {programme.name}")
    if demo:
        stdout.write(f"{create_demo_reports(programme)} synthetic progress reports for the demo")
