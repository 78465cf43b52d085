"""Benchmark of the site under load on PostgreSQL, served by gunicorn as in production.

    .venv/bin/python bench/serve.py [--clients 50] [--seconds 60] [--patents 200000] [--trademarks 30000]
                                    [--database-url postgres://…/zhichan_bench_serve]

Fills its own database (created if missing; the register is rebuilt when the sizes differ) with the programme,
the demo data that `make run` loads and a synthetic register (bench/register.py), computes the indicators, then,
in the same run, with N concurrent clients on 127.0.0.1 for S seconds each:
  (a) mixed reads as the office: the workbench, the programme overview, registry searches and the dashboard API,
      in turn;
  (b) /healthz (a few small queries), the server's floor, under the same load.
Prints per page the throughput and the latency seen by the clients (p50, p95, p99) beside the server's own time
(Server-Timing), the errors, and whether the targets are met. Never point it at a database whose data you want
to keep.
"""

import argparse
import os
import runpy
import signal
import sys
from urllib.parse import quote

from common import ROOT, setup_django
from register import add_size_arguments, all_periods, prepare
from serving import free_port, load, serve, session_of

TARGET_API_P99, TARGET_MIXED_P99, TARGET_SHARE_OF_FLOOR = 150.0, 300.0, 0.5
SEARCHES = ["石材", "测试装置1234", "水头", "陶瓷", "测试商标77"]


def arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_size_arguments(parser, patents=200_000, trademarks=30_000, copyrights=5_000, enterprises=2_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/zhichan_bench_serve")
    return parser.parse_args()


def prepare_site(args):
    """What a running site holds: the register, the programme with its demo reports, computed indicators."""
    from django.core.management import call_command

    from zhichan.indicators.models import IndicatorValue
    from zhichan.indicators.services.compute import compute

    prepare(args)
    call_command("bootstrap", stdout=open(os.devnull, "w"))  # noqa: SIM115 - the demo data and accounts
    if not IndicatorValue.objects.exists():
        compute(periods=all_periods())
    call_command("collectstatic", interactive=False, verbosity=0)  # the server's pages name hashed files


def mixed_paths() -> dict[str, list[str]]:
    from zhichan.core.models import Region
    from zhichan.programme.models import Programme

    county = Region.objects.get(code="350583")
    programme = Programme.objects.order_by("pk").first()
    return {
        "workbench": ["/"],
        "programme overview": [f"/programmes/{programme.pk}/"],
        "registry search": [f"/registry/?q={quote(term)}" for term in SEARCHES],
        "dashboard API": [f"/api/v1/dashboard/?region={county.pk}"],
    }


def interleave(kinds: dict[str, list[str]]) -> list[str]:
    """One of each kind in turn (the searches take turns among themselves)."""
    rounds = max(len(paths) for paths in kinds.values())
    return [paths[n % len(paths)] for n in range(rounds) for paths in kinds.values()]


def report(label: str, measured) -> None:
    client50, client95, client99 = measured.client(50, 95, 99)
    server50, server99 = measured.server(50, 99)
    print(
        f"  {label:22s} {measured.rate:6.0f} req/s; seen by the clients p50 {client50:6.1f}  p95 {client95:6.1f}  "
        f"p99 {client99:6.1f} ms; server time p50 {server50:6.1f}  p99 {server99:6.1f} ms; "
        f"{len(measured.errors)} errors"
    )


def main():
    sys.stdout.reconfigure(line_buffering=True)
    args = arguments()
    setup_django(args.database_url)
    from zhichan.core.roles import Role

    prepare_site(args)
    kinds = mixed_paths()
    mixed = interleave(kinds)
    cookie = session_of("office", Role.OFFICE)
    port = args.port or free_port()
    server = serve(args.database_url, port)
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    print(
        f"served by gunicorn with gunicorn.conf.py: {config['workers']} workers × {config['threads']} threads; "
        f"{args.clients} clients on 127.0.0.1, {args.seconds:.0f} s each"
    )
    try:
        load(port, mixed + ["/healthz"], cookie, 4, 3.0)  # warm up every worker and page
        print("(a) mixed reads as the office")
        ours = load(port, mixed, cookie, args.clients, args.seconds)
        for label, paths in kinds.items():
            report(label, ours.of_any(paths))
        report("all mixed", ours)
        print("(b) the server's floor")
        floor = load(port, ["/healthz"], cookie, args.clients, args.seconds)
        report("/healthz", floor)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    api99 = ours.of_any(kinds["dashboard API"]).client(99)[0]
    mixed99 = ours.client(99)[0]
    share = ours.rate / floor.rate
    slower = mixed99 / floor.client(99)[0]
    print(f"    mixed throughput is {share:.2f}x /healthz's; its p99 seen by the clients {slower:.1f}x the floor's")
    print(f"load average over the last 5 minutes: {os.getloadavg()[1]:.1f} on {os.cpu_count()} cores")
    checks = [
        (not ours.errors and not floor.errors, "no errors"),
        (api99 <= TARGET_API_P99, f"dashboard API p99 ≤ {TARGET_API_P99:.0f} ms"),
        (mixed99 <= TARGET_MIXED_P99, f"mixed p99 ≤ {TARGET_MIXED_P99:.0f} ms"),
        (share >= TARGET_SHARE_OF_FLOOR, f"mixed throughput ≥ {TARGET_SHARE_OF_FLOOR:.1f}x /healthz's"),
    ]
    for ok, what in checks:
        print(f"  {'met' if ok else 'MISSED'}: {what}")


if __name__ == "__main__":
    main()
