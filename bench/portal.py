"""Benchmark of the public portal under load on PostgreSQL, served by gunicorn as in production.

    .venv/bin/python bench/portal.py [--clients 100] [--seconds 60] [--database-url postgres://…/zhichan_bench_portal]

Fills its own database (created if missing) with what `make run` loads — the programme, the catalogue, the demo
data with its published outlets and public requests — then, in the same run, with N concurrent clients without an
account on 127.0.0.1 for S seconds each:
  (a) the portal's home page, a published list (contact and outlets) and the status page of a request being
      followed, in turn;
  (b) /healthz (a few small queries), the server's floor, under the same load.
Prints per page the throughput and the latency seen by the clients beside the server's own time (Server-Timing),
the errors, and whether the targets are met: no errors, p95 server time ≤ 100 ms, and at least 70 % of /healthz's
throughput. Never point it at a database whose data you want to keep.
"""

import argparse
import os
import runpy
import signal
import sys

from common import ROOT, setup_django
from serving import free_port, load, serve

TARGET_SERVER_P95, TARGET_SHARE_OF_FLOOR = 100.0, 0.7


def arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/zhichan_bench_portal")
    return parser.parse_args()


def prepare_site() -> dict[str, list[str]]:
    from django.core.management import call_command

    from zhichan.portal.models import PublicRequest
    from zhichan.portal.services.requests import OPEN_STATES

    call_command("bootstrap", stdout=open(os.devnull, "w"))  # noqa: SIM115 - the demo data and accounts
    call_command("collectstatic", interactive=False, verbosity=0)  # the server's pages name hashed files
    # A request being followed, as its requester reads it until the answer (an answered one awaiting the
    # satisfaction question holds a form token and is rendered afresh for each visitor).
    number = PublicRequest.objects.filter(state__in=OPEN_STATES).order_by("pk").values_list("number", flat=True).first()
    return {
        "home": ["/portal/"],
        "published list": ["/portal/contact/"],
        "request status": [f"/portal/track/{number}/"],
    }


def report(label: str, measured) -> None:
    client50, client95 = measured.client(50, 95)
    server50, server95 = measured.server(50, 95)
    print(
        f"  {label:16s} {measured.rate:6.0f} req/s; seen by the clients p50 {client50:6.1f}  p95 {client95:6.1f} ms; "
        f"server time p50 {server50:6.1f}  p95 {server95:6.1f} ms; {len(measured.errors)} errors"
    )


def main():
    sys.stdout.reconfigure(line_buffering=True)
    args = arguments()
    setup_django(args.database_url)
    kinds = prepare_site()
    pages = [path for paths in kinds.values() for path in paths]
    port = args.port or free_port()
    server = serve(args.database_url, port)
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    print(
        f"served by gunicorn with gunicorn.conf.py: {config['workers']} workers × {config['threads']} threads; "
        f"{args.clients} clients without an account on 127.0.0.1, {args.seconds:.0f} s each"
    )
    try:
        load(port, pages + ["/healthz"], "", 4, 3.0)  # warm up every worker and page
        print("(a) the portal's pages")
        ours = load(port, pages, "", args.clients, args.seconds)
        for label, paths in kinds.items():
            report(label, ours.of_any(paths))
        report("all pages", ours)
        print("(b) the server's floor")
        floor = load(port, ["/healthz"], "", args.clients, args.seconds)
        report("/healthz", floor)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    share = ours.rate / floor.rate
    server95 = ours.server(95)[0]
    print(f"    the pages' throughput is {share:.2f}x /healthz's")
    print(f"load average over the last 5 minutes: {os.getloadavg()[1]:.1f} on {os.cpu_count()} cores")
    checks = [
        (not ours.errors and not floor.errors, "no errors"),
        (server95 <= TARGET_SERVER_P95, f"p95 server time ≤ {TARGET_SERVER_P95:.0f} ms"),
        (share >= TARGET_SHARE_OF_FLOOR, f"throughput ≥ {TARGET_SHARE_OF_FLOOR:.0%} of /healthz's"),
    ]
    for ok, what in checks:
        print(f"  {'met' if ok else 'MISSED'}: {what}")


if __name__ == "__main__":
    main()
