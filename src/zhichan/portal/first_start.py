"""First start: the services catalogue from its data file (every start: the office's edits are kept), and in demo
mode synthetic requests and news items (演示数据（虚构）), when absent."""

from django.conf import settings


def first_start(stdout, demo: bool):
    from .services.catalogue import FILE, load_services
    from .services.demo import create_demo_notices, create_demo_requests, demo_notices_present, demo_requests_present

    result = load_services(settings.PROJECT_DIR / FILE)
    stdout.write(f"portal services: {result['created']} created, {result['updated']} updated, {result['kept']} kept")
    if demo and not demo_requests_present():
        made = create_demo_requests()
        stdout.write(f"{made} synthetic public requests (演示数据（虚构）)")
    if demo and not demo_notices_present():
        made = create_demo_notices()
        stdout.write(f"{made} synthetic news items (演示数据（虚构）)")
