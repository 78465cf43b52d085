"""The built-in programme, loaded by `manage.py bootstrap` on a database that has none."""

from .models import Programme

BUILT_IN = "programmes/nanan-2022.yaml"


def first_start(stdout, demo: bool):
    """Load the built-in programme on a database that has none; give it demo reports when demo data is wanted."""
    from django.conf import settings

    from .services.demo import create_demo_reports
    from .services.loading import load_programme

    if Programme.objects.exists() or not (settings.PROJECT_DIR / BUILT_IN).exists():
        return
    programme = load_programme(settings.PROJECT_DIR / BUILT_IN)["programme"]
    stdout.write(f"Loaded {programme.name}")
    if demo:
        stdout.write(f"{create_demo_reports(programme)} synthetic progress reports for the demo")
