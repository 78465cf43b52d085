"""First start: in demo mode, synthetic banks, loan products, pledges and loans (演示数据（虚构）), when absent."""


def first_start(stdout, demo: bool):
    from .services.demo import create_demo_finance, demo_finance_present

    if not demo or demo_finance_present():
        return
    made, pledged = create_demo_finance()
    stdout.write(f"{made} synthetic banks with their products, {pledged} pledges with their loans (演示数据（虚构）)")
