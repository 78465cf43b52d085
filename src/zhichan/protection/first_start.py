"""First start: the kinds of cases every start (they follow data/protection/case-kinds.yaml), and in demo mode a
deterministic set of synthetic cases (演示数据（虚构）) across kinds, townships and 2022–2024, and of mediations and
rights-assistance requests."""


def first_start(stdout, demo: bool):
    from .services.demo import create_demo_cases, demo_cases_present
    from .services.kinds import load_case_kinds

    stdout.write(f"Case kinds: {load_case_kinds()}")
    if not demo:
        return
    if not demo_cases_present():
        count = create_demo_cases()
        if count:
            stdout.write(f"{count} synthetic enforcement cases (演示数据（虚构）)")

    from .services.demo_mediation import create_demo_mediation, demo_mediation_present

    if not demo_mediation_present():
        mediations, requests = create_demo_mediation()
        stdout.write(f"{mediations} synthetic mediations, {requests} rights-assistance requests (演示数据（虚构）)")


def first_start_complaints(stdout, demo: bool):
    """In demo mode, synthetic complaints and tips (after the kinds of cases, which the cases they open need)."""
    from .services.demo_complaints import create_demo_complaints, demo_complaints_present

    if not demo or demo_complaints_present():
        return
    count = create_demo_complaints()
    if count:
        stdout.write(f"{count} synthetic complaints and tips (演示数据（虚构）)")


def first_start_special_actions(stdout, demo: bool):
    """In demo mode, synthetic special actions with their inspections, and demo cases linked to them (after the
    cases)."""
    from .services.demo_special_actions import create_demo_special_actions, demo_special_actions_present

    if not demo or demo_special_actions_present():
        return
    actions, inspections, linked = create_demo_special_actions()
    if actions:
        stdout.write(
            f"{actions} synthetic special actions, {inspections} inspections, {linked} cases linked (演示数据（虚构）)"
        )


def first_start_meetings(stdout, demo: bool):
    """In demo mode, synthetic joint meetings over 2022–2024 with their decisions."""
    from .services.demo_meetings import create_demo_meetings, demo_meetings_present

    if not demo or demo_meetings_present():
        return
    made, decided = create_demo_meetings()
    if made:
        stdout.write(f"{made} synthetic joint meetings, {decided} decisions (演示数据（虚构）)")


def first_start_transfers(stdout, demo: bool):
    """In demo mode, a few transfers to criminal justice still under way on open synthetic cases (those the demo
    cases transferred in the past went through the same steps when they were made)."""
    from .services.demo_transfers import create_demo_transfers, demo_transfers_present

    if not demo or demo_transfers_present():
        return
    count = create_demo_transfers()
    if count:
        stdout.write(f"{count} synthetic transfers to criminal justice (演示数据（虚构）)")
