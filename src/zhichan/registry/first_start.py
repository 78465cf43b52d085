"""First start (`manage.py bootstrap`, demo mode): load the synthetic demo registry once."""

from django.conf import settings

from zhichan.core.models import Region

NANAN = "350583"


def first_start(stdout, demo: bool):
    """Load the demo registry when demo data is wanted, Nan'an is loaded and no synthetic records exist yet."""
    from .demo import demo_registry_present, load_demo_registry

    if not demo or demo_registry_present() or not Region.objects.filter(code=NANAN).exists():
        return
    stdout.write("Loading the demo registry (synthetic, 演示数据（虚构）) …")
    # DEMO_REGISTRY_SIZES (not an environment variable) lets the test suite start with a small register.
    counts = load_demo_registry(**getattr(settings, "DEMO_REGISTRY_SIZES", {}))
    stdout.write(", ".join(f"{count} {name.replace('_', ' ')}" for name, count in counts.items()))
