def demo_services_present() -> bool:
    return True


def create_demo_services():
    return 0, 0, 0
