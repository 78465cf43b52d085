"""The built-in indicators of Nan'an's programme, loaded by `manage.py bootstrap` when there are none."""

from django.conf import settings

BUILT_IN = "data/indicators/nanan-2022.yaml"


def first_start(stdout, demo: bool):
    from zhichan.core.services.demo_population import create_demo_population

    from .models import Indicator
    from .services.compute import compute
    from .services.loading import load_indicators
    from .services.programmes import home_region

    path = settings.PROJECT_DIR / BUILT_IN
    if Indicator.objects.exists() or not path.exists():
        return
    result = load_indicators(path)
    stdout.write(f"Loaded {len(result['indicators'])} indicators and {len(result['elements'])} data elements")
    home = home_region()
    if demo and home is not None and home.code:
        # Townships have no published population: the demo's are synthetic, so that T1 has a value per township.
        added = create_demo_population(home.code)
        if added:
            stdout.write(f"{added} synthetic township population figures for the demo (演示数据（虚构）)")
    # The first values now, so the pages show figures before the first nightly run.
    stdout.write(f"Computed {compute()} indicator values")
