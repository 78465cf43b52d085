"""Demo data: a synthetic industry analysis set (marked) beside a set of the demo register."""


def first_start(stdout, demo: bool):
    from .services.demo import make_demo_sets

    if demo and make_demo_sets():
        stdout.write("a synthetic industry patent set and a set of the demo register (演示数据（虚构）)")
