"""First start: the kinds of dishonesty every start (they follow data/credit/dishonesty-kinds.yaml); in demo mode,
when none are there yet, a deterministic set of synthetic records, listings and repair applications (演示数据（虚构）)
and a first grade run."""


def first_start(stdout, demo: bool):
    from .services.settings import load_kinds

    stdout.write(f"Kinds of dishonesty: {load_kinds()}")
    if not demo:
        return
    from .services.demo import create_demo_credit, demo_credit_present

    if not demo_credit_present():
        records, listings, repairs, graded = create_demo_credit()
        stdout.write(
            f"{records} synthetic dishonesty records, {listings} serious-list entries, {repairs} repair applications, "
            f"{graded} subjects graded (演示数据（虚构）)"
        )
