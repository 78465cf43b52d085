"""First start: in demo mode, synthetic projects at several points of their course (演示数据（虚构）), when absent."""


def first_start(stdout, demo: bool):
    from .services.demo import create_demo_projects, demo_projects_present

    if demo and not demo_projects_present():
        made = create_demo_projects()
        stdout.write(f"{made} synthetic projects with their outputs (演示数据（虚构）)")
