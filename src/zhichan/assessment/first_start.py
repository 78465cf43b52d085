"""First start: the scheme files of data/assessment/ for the organisation, and in demo mode a scored round for
2023 and for 2024 (演示数据（虚构）), when absent."""


def first_start(stdout, demo: bool):
    from zhichan.core.models import Region, RegionKind

    from .models import Round, Scheme
    from .services.demo import create_demo_rounds
    from .services.schemes import load_files

    organisation = Region.objects.filter(kind__in=RegionKind.county_level(), organisation_units__isnull=False).first()
    if organisation is None:
        return
    if not Scheme.objects.filter(organisation=organisation).exists():
        load_files(None, organisation, stdout)
    if demo and not Round.objects.filter(synthetic=True).exists():
        rounds = create_demo_rounds(organisation)
        stdout.write(f"{rounds} synthetic assessment rounds (演示数据（虚构）)\n")
