from django.core.management.base import CommandError

from zhichan.core.commands import ActingCommand

from ...services.calendar import library_source, library_years, seed_calendar


def parse_years(text: str) -> list[int]:
    """'2004-2026', '2024' or '2023,2024' → the years."""
    years = []
    for part in text.split(","):
        low, _, high = part.strip().partition("-")
        try:
            years += range(int(low), int(high or low) + 1)
        except ValueError as exc:
            raise CommandError(f"--years: expected e.g. 2004-2026 or 2024, got {text!r}") from exc
    return years


class Command(ActingCommand):
    help = (
        "Seed the working-day calendar (statutory holidays, make-up working days) from the chinese-calendar "
        "package. Safe to repeat; days the office entered by hand are never overwritten."
    )

    def add_arguments(self, parser):
        known = library_years()
        parser.add_argument(
            "--years", default=f"{known.start}-{known.stop - 1}", help="e.g. 2004-2026 (default: all it knows)"
        )

    def handle(self, years, **options):
        result = seed_calendar(parse_years(years))
        if result["years"]:
            self.stdout.write(
                f"{library_source()}: {result['years'][0]}–{result['years'][-1]}: {result['created']} days added, "
                f"{result['updated']} updated, {result['deleted']} removed, {result['kept']} entered by the office kept"
            )
        if result["unknown"]:
            self.stderr.write(
                f"The package does not know {', '.join(map(str, result['unknown']))}: "
                "the office enters those years on the calendar page (/calendar/)."
            )
