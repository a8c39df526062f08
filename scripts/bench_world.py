"""`make bench`, second part: the dashboards' server times on the world-scale data set.

Builds (or reuses) the world database with `tusk generate-world`, serves it with `tusk serve`
(gunicorn, DEBUG off, the cache as configured) on 127.0.0.1:8890, requests each page of PAGES
`--repeat` times after a warm-up, and prints p50 and p95 server times beside a trivial page of
the same server, the framework's floor. The server's time is read from its `Server-Timing`
header when it sends one, else the round trip on loopback is timed and the output says so.
Queries per page are counted in this process with Django's test client on the same database.

Benchmarks print; they never pass or fail on time. The server is stopped whatever happens.
"""

from __future__ import annotations

import argparse
import http.client
import math
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from types import FrameType
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The pages to time, as an anonymous visitor sees them; extend the list as dashboards land.
# A page that answers 404 is reported as not existing yet.
PAGES: list[str] = [
    "/",
    "/parties/",
    "/process/",
    "/process/?category=A&meeting=SC77",
    "/process/ratings.svg",
    "/process/ratings.csv",
    "/parties/kh/",
    "/parties/kh/card/",
    "/parties/kh/card.pdf",
    "/needs/",
    "/needs/?region=asean",
    "/needs/?theme=livelihoods&kind=funding",
    "/needs/themes.svg",
    "/needs/1/",
    "/needs.csv",
    "/regions/",
    "/regions/asean/",
    "/regions/asean/indicators/region.svg",
    "/open-data/",
    "/meetings/SC78/annex/",
]
# The floor: a page that does almost nothing but pass through the same middleware. The login
# page, a small template with a form, is timed beside it, and stands in if /healthz is missing.
FLOORS = ("/healthz", "/accounts/login/")
HOST = "127.0.0.1"
PORT = 8890
# Two workers for two cores; requests are sent one at a time, so each is a page's time alone.
WORKERS = 2
# The aim of issue 6: every dashboard under 150 ms at p95, and within 5x of the floor.
AIM_MS = 150.0
AIM_FACTOR = 5.0
SERVER_TIMING = re.compile(r"\bapp;\s*dur=([0-9.]+)")
VAR = ROOT / "var" / "bench"
TUSK = str(ROOT / ".venv" / "bin" / "tusk")


class Stop(Exception):
    """A signal asked the benchmark to stop: the server is stopped on the way out."""


@dataclass
class Timing:
    """What repeated requests to one page gave."""

    path: str
    status: int = 0
    size: int = 0
    server_ms: list[float] = field(default_factory=list)
    round_trip_ms: list[float] = field(default_factory=list)
    queries: int | None = None

    @property
    def times(self) -> list[float]:
        """The server's own times when it sent them, else the round trips."""
        return (
            self.server_ms if len(self.server_ms) == len(self.round_trip_ms) else self.round_trip_ms
        )


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile: the smallest value with `share` of them at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def arguments() -> argparse.Namespace:
    """The command line: how many requests, which port, database, account and pages."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=40, help="timed requests per page (40)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed requests first (3)")
    parser.add_argument("--port", type=int, default=PORT)
    parser.add_argument("--workers", type=int, default=WORKERS, help="gunicorn workers (2)")
    parser.add_argument("--db", type=Path, default=VAR / "world.sqlite3")
    parser.add_argument("--force", action="store_true", help="generate the world again")
    parser.add_argument(
        "--user", default="", help="time the pages as this account of the world (analyst)"
    )
    parser.add_argument("--no-queries", action="store_true", help="skip counting queries")
    parser.add_argument("pages", nargs="*", help="time these paths instead of PAGES")
    args = parser.parse_args()
    if args.repeat < 1 or args.warmup < 0:
        parser.error("--repeat must be 1 or more and --warmup 0 or more")
    return args


def generate(db: Path, force: bool) -> None:
    """Build the world database unless it is up to date; `tusk generate-world` migrates it."""
    command = [TUSK, "generate-world", "--db", str(db)] + (["--force"] if force else [])
    if subprocess.run(command, check=False, cwd=ROOT).returncode:  # noqa: S603
        sys.exit("bench_world: the world data set could not be built (see above)")


def server_env(db: Path) -> dict[str, str]:
    """The environment of the server, and of this process's query counting, alike."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"sqlite:///{db.resolve()}",
        DEBUG="0",
        TUSK_VAR_DIR=str(VAR),
        MEDIA_ROOT=str(VAR / "media"),
        DJANGO_SETTINGS_MODULE="tusk.settings",
    )
    env.pop("TUSK_TESTING", None)
    return env


def port_free(port: int) -> bool:
    """Whether nothing listens on `port`, so that the pages timed are Tusk's own."""
    with socket.socket() as probe:
        return probe.connect_ex((HOST, port)) != 0


def serve(env: dict[str, str], port: int, workers: int, log: Path) -> subprocess.Popen[bytes]:
    """Start `tusk serve` in a process group of its own, so that all of gunicorn stops."""
    if not port_free(port):
        sys.exit(f"bench_world: port {port} is in use: stop what runs there or pass --port")
    with log.open("wb") as out:
        return subprocess.Popen(  # noqa: S603
            [TUSK, "serve", "--host", HOST, "--port", str(port), "--workers", str(workers)],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def stop(server: subprocess.Popen[bytes]) -> None:
    """Stop gunicorn's master and workers: politely, then for good."""
    if server.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            return
        try:
            server.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def request(
    port: int, path: str, cookies: dict[str, str], body: dict[str, str] | None = None
) -> tuple[int, bytes, http.client.HTTPResponse, float]:
    """One request on a fresh connection, read to its last byte; the round trip in ms."""
    headers = {"Accept-Language": "en", "Connection": "close"}
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    data = None
    if body is not None:
        data = urlencode(body)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Referer"] = f"http://{HOST}:{port}{path}"
    connection = http.client.HTTPConnection(HOST, port, timeout=120)
    start = time.perf_counter()
    connection.request("POST" if body is not None else "GET", path, body=data, headers=headers)
    response = connection.getresponse()
    content = response.read()
    elapsed = (time.perf_counter() - start) * 1000
    connection.close()
    for header in response.headers.get_all("Set-Cookie") or []:
        for name, morsel in SimpleCookie(header).items():
            cookies[name] = morsel.value
    return response.status, content, response, elapsed


def wait_ready(server: subprocess.Popen[bytes], port: int, log: Path) -> None:
    """Wait for the server's first answer; fail with its log if it stops instead."""
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"bench_world: the server stopped at start:\n{log.read_text()[-3000:]}")
        try:
            request(port, "/accounts/login/", {})
            return
        except OSError:
            time.sleep(0.3)
    sys.exit(f"bench_world: the server did not answer within 90 s; see {log}")


def log_in(port: int, username: str) -> dict[str, str]:
    """A session of `username` (password BENCH_PASSWORD of the world), through the login form."""
    from tusk.documents.worldgen import BENCH_PASSWORD

    cookies: dict[str, str] = {}
    _status, page, _response, _ms = request(port, "/accounts/login/", cookies)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if token is None:
        sys.exit("bench_world: no CSRF token on the login page")
    fields = {
        "csrfmiddlewaretoken": token.group(1).decode(),
        "username": username,
        "password": BENCH_PASSWORD,
    }
    status, _page, _response, _ms = request(port, "/accounts/login/", cookies, fields)
    if status != 302 or "sessionid" not in cookies:
        sys.exit(f"bench_world: could not log in as {username!r} (status {status})")
    return cookies


def time_page(port: int, path: str, cookies: dict[str, str], repeat: int, warmup: int) -> Timing:
    """Warm a page up, then time it `repeat` times; a page that fails is not timed."""
    timing = Timing(path)
    started = time.monotonic()
    status, content, _response, _ms = request(port, path, cookies)
    timing.status, timing.size = status, len(content)
    if status != 200:
        return timing
    for _ in range(warmup):
        request(port, path, cookies)
    for _ in range(repeat):
        _status, _content, response, elapsed = request(port, path, cookies)
        timing.round_trip_ms.append(elapsed)
        found = SERVER_TIMING.search(response.headers.get("Server-Timing", ""))
        if found:
            timing.server_ms.append(float(found.group(1)))
    print(f"  {path}: {repeat} requests in {time.monotonic() - started:.1f} s", flush=True)
    return timing


def count_queries(timings: list[Timing], username: str) -> None:
    """Queries of one request to each page, counted here with Django's test client."""
    from django.db import connection
    from django.test import Client

    from tusk.accounts.models import User

    # A page edited since the server started may fail here: it is then left uncounted.
    client = Client(HTTP_ACCEPT_LANGUAGE="en", raise_request_exception=False)
    if username:
        client.force_login(User.objects.get(username=username))
    for timing in timings:
        if timing.status != 200:
            continue
        seen: list[str] = []

        def counter(execute, sql, params, many, context, seen=seen):  # type: ignore[no-untyped-def]
            seen.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counter):
            response = client.get(timing.path)
            if getattr(response, "streaming", False):
                b"".join(response.streaming_content)  # type: ignore[attr-defined]
        timing.queries = len(seen) if response.status_code == 200 else None


def report(timings: list[Timing], floors: list[Timing], args: argparse.Namespace, db: Path) -> None:
    """The table: each page's p50 and p95, its p95 against the floor's, queries and size."""
    floor = next((f for f in floors if f.status == 200), floors[0])
    measured = "Server-Timing (app)" if floor.server_ms else "round trip on loopback"
    floor_p95 = percentile(floor.times, 0.95) if floor.times else 0.0
    print()
    print(
        f"Tusk world-scale pages: {db.name} ({db.stat().st_size / 1_048_576:.0f} MB), "
        f"{args.repeat} requests a page after {args.warmup} to warm up, "
        f"as {args.user or 'an anonymous visitor'}"
    )
    load = ", ".join(f"{n:.1f}" for n in os.getloadavg())
    print(f"machine: {os.cpu_count()} cores, load average now {load} (others' work slows pages)")
    print(f"server time = {measured}; floor = {floor.path}")
    print(f"{'page':<28} {'p50 ms':>8} {'p95 ms':>8} {'×floor':>7} {'queries':>7} {'KB':>8}")
    rows = [*floors, *timings]
    slow = 0
    for timing in rows:
        if timing.status == 404:
            print(f"{timing.path:<28} does not exist yet (404)")
            continue
        if timing.status != 200:
            print(f"{timing.path:<28} answered {timing.status}: not timed")
            continue
        p50, p95 = statistics.median(timing.times), percentile(timing.times, 0.95)
        factor = p95 / floor_p95 if floor_p95 else math.nan
        missed = timing not in floors and (p95 > AIM_MS or factor > AIM_FACTOR)
        slow += missed
        queries = "-" if timing.queries is None else str(timing.queries)
        print(
            f"{timing.path:<28} {p50:>8.1f} {p95:>8.1f} {factor:>6.1f}x {queries:>7} "
            f"{timing.size / 1024:>8.1f}" + ("  over the aim" if missed else "")
        )
    timed = sum(t.status == 200 for t in timings)
    print(
        f"aim: p95 under {AIM_MS:.0f} ms and within {AIM_FACTOR:.0f}x of the floor; "
        f"{timed - slow} of {timed} pages timed meet it"
    )


def main() -> None:
    args = arguments()
    VAR.mkdir(parents=True, exist_ok=True)
    db = args.db.resolve()
    generate(db, args.force)
    env = server_env(db)
    # This process reads the same database: for the login password and the query counts.
    os.environ.update(env)
    import django

    django.setup()

    def interrupted(signum: int, frame: FrameType | None) -> None:
        raise Stop(signal.Signals(signum).name)

    signal.signal(signal.SIGTERM, interrupted)
    signal.signal(signal.SIGHUP, interrupted)
    log = VAR / "server.log"
    server = serve(env, args.port, args.workers, log)
    try:
        wait_ready(server, args.port, log)
        # Every worker loads its code and templates on its first requests, not on a timed one.
        for _ in range(10 * args.workers):
            request(args.port, FLOORS[1], {})
        cookies = log_in(args.port, args.user) if args.user else {}
        floors = [time_page(args.port, p, cookies, args.repeat, args.warmup) for p in FLOORS]
        timings = [
            time_page(args.port, path, cookies, args.repeat, args.warmup)
            for path in args.pages or PAGES
        ]
    except (Stop, KeyboardInterrupt) as why:
        sys.exit(f"bench_world: stopped ({why or 'interrupted'}); the server is stopped too")
    finally:
        stop(server)
    if not args.no_queries:
        try:
            count_queries([*floors, *timings], args.user)
        except Exception as exc:  # the timings stand without the counts: print them anyway
            print(f"bench_world: queries not counted ({type(exc).__name__}: {exc})")
    report(timings, floors, args, db)


if __name__ == "__main__":
    main()
