"""First start (`manage.py bootstrap`, demo mode): load the synthetic demo registry once."""

from django.conf import settings

from zhichan.core.models import Region

NANAN = "350583"


def removed_marker():
    """A file `manage.py demo_registry --remove` leaves, so the next start does not load the register again."""
    return settings.VAR_DIR / "demo-registry-removed"


def removed_here() -> bool:
    """The demo registry was removed from this database: the marker is there and so is the demo enterprise
    (which removal keeps; a recreated database has none at first start)."""
    from .demo.enterprises import demo_uscc_of_user
    from .models import Enterprise

    return removed_marker().exists() and Enterprise.objects.filter(uscc=demo_uscc_of_user()).exists()


def first_start(stdout, demo: bool):
    """Load the demo registry when demo data is wanted, Nan'an is loaded, no synthetic records exist yet and
    the register was not removed on purpose (`demo_registry --remove`)."""
    from .demo import demo_registry_present, load_demo_registry

    if not demo or demo_registry_present() or not Region.objects.filter(code=NANAN).exists() or removed_here():
        return
    stdout.write("Loading the demo registry (synthetic, 演示数据（虚构）) …")
    # DEMO_REGISTRY_SIZES (not an environment variable) lets the test suite start with a small register.
    counts = load_demo_registry(**getattr(settings, "DEMO_REGISTRY_SIZES", {}))
    stdout.write(", ".join(f"{count} {name.replace('_', ' ')}" for name, count in counts.items()))
    added = township_population()
    if added:
        stdout.write(f"{added} synthetic township population figures (演示数据（虚构）)")


def township_population() -> int:
    """Townships have no published population: the demo's are synthetic, leaning on the register's township
    shares, so that T1 has a plausible value in every township (computed by the indicators' first start)."""
    from zhichan.core.services.demo_population import create_demo_population

    from .demo.profiles import TOWNSHIPS

    return create_demo_population(NANAN, weights={code: weight for code, (_name, weight, _mix) in TOWNSHIPS.items()})
