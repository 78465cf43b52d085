"""The built-in indicators of Nan'an's programme, loaded by `manage.py bootstrap` when there are none."""

from django.conf import settings

from .models import Indicator, Reading
from .services.compute import compute
from .services.loading import load_indicators
from .services.readings import publish_reading

BUILT_IN = "data/indicators/nanan-2022.yaml"


def first_start(stdout, demo: bool):
    path = settings.PROJECT_DIR / BUILT_IN
    if Indicator.objects.exists() or not path.exists():
        return
    result = load_indicators(path)
    stdout.write(f"Loaded {len(result['indicators'])} indicators and {len(result['elements'])} data elements")
    # The first values now, so the pages show figures before the first nightly run.
    stdout.write(f"Computed {compute()} indicator values")
    if demo:  # the demo's public portal shows the indicators' definitions and figures (the office's choice)
        readings = list(Reading.objects.filter(published_on__isnull=True))
        for reading in readings:
            publish_reading(reading, None)
        stdout.write(f"Published {len(readings)} indicators on the public portal")
