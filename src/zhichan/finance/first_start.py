"""First start: in demo mode, synthetic banks, loan products, pledges and loans, and a subsidy scheme with its
applications (演示数据（虚构）), when absent."""


def first_start(stdout, demo: bool):
    from .services.demo import create_demo_finance, demo_finance_present
    from .services.subsidy_demo import create_demo_subsidies, demo_subsidies_present

    if not demo:
        return
    if not demo_finance_present():
        made, pledged = create_demo_finance()
        stdout.write(
            f"{made} synthetic banks with their products, {pledged} pledges with their loans (演示数据（虚构）)"
        )
    if not demo_subsidies_present():
        applications = create_demo_subsidies()
        stdout.write(f"a synthetic subsidy scheme with {applications} applications (演示数据（虚构）)")
