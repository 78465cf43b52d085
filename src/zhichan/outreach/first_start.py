"""First start: in demo mode, synthetic activities and a survey round with answers (演示数据（虚构）), when absent."""


def first_start(stdout, demo: bool):
    from .services.demo import create_demo_outreach, demo_outreach_present

    if demo and not demo_outreach_present():
        activities, responses = create_demo_outreach()
        stdout.write(f"{activities} synthetic activities and {responses} synthetic survey answers (演示数据（虚构）)")
