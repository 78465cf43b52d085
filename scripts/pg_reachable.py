"""Exit 0 when the PostgreSQL server of the given URL accepts a connection (to its maintenance database)."""

import sys
from urllib.parse import urlsplit, urlunsplit

import psycopg

url = urlsplit(sys.argv[1])
try:
    psycopg.connect(urlunsplit(url._replace(path="/postgres")), connect_timeout=3).close()
except psycopg.Error as exc:
    print(f"not reachable: {exc}".strip(), file=sys.stderr)
    sys.exit(1)
