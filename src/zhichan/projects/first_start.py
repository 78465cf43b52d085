"""First start: in demo mode, synthetic projects at several points of their course, and a technology matching event
with its demands, offers, matches and a co-operation agreement (演示数据（虚构）), when absent."""


def first_start(stdout, demo: bool):
    from .services.demo import create_demo_projects, demo_projects_present
    from .services.matching_demo import create_demo_matching, demo_matching_present

    if not demo:
        return
    if not demo_projects_present():
        made = create_demo_projects()
        stdout.write(f"{made} synthetic projects with their outputs (演示数据（虚构）)")
    if not demo_matching_present():
        matched = create_demo_matching()
        stdout.write(
            f"a synthetic technology matching event with {matched} matches and an agreement (演示数据（虚构）)"
        )
