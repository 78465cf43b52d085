"""First start, in demo mode: a synthetic expert pool with a few draws, inspectors across units and two random
inspection plans (one finished with its results published, one drawn with its results pending), all 演示数据（虚构）."""


def first_start(stdout, demo: bool):
    from .services.demo_experts import create_demo_experts, demo_experts_present
    from .services.demo_inspections import create_demo_inspections, demo_inspections_present

    if not demo:
        return
    if not demo_experts_present():
        experts, draws = create_demo_experts()
        stdout.write(f"{experts} synthetic experts, {draws} draws of experts (演示数据（虚构）)")
    if not demo_inspections_present():
        inspectors, plans = create_demo_inspections()
        stdout.write(f"{inspectors} synthetic inspectors, {plans} random inspection plans (演示数据（虚构）)")
