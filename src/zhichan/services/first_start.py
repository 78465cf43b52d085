"""First start: in demo mode, a deterministic set of synthetic agencies, stations and outlets with their
activities, custody engagements with services, visits and satisfaction, and custody applications (演示数据（虚构）),
when absent."""


def first_start(stdout, demo: bool):
    from .services.demo import create_demo_services, demo_services_present

    if not demo or demo_services_present():
        return
    agencies, outlets, engagements, applications = create_demo_services()
    stdout.write(
        f"{agencies} synthetic service agencies, {outlets} stations and outlets, {engagements} custody engagements, "
        f"{applications} custody applications (演示数据（虚构）)"
    )
