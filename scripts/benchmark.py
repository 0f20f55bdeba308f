"""Every kind of page at 1/100 of a region's data and at a whole region's, against a floor page.

Usage: .venv/bin/python scripts/benchmark.py [--database sqlite|postgres] [--scales 1 100]
       [--national] [--repeat 5] [--load SECONDS] [--redis URL]      (or: make bench)

Builds a throw-away database (a temporary SQLite file, or the PostgreSQL database ``sse_bench``
on BENCH_DATABASE_URL's server, dropped and created again), loads the real dataset, then
grows it in bulk to each scale (scripts/bench_data.py: 100 = one region, 50,000 meetings and
500,000 attendance rows; ``--national`` builds that for each of the 12 regions). At each scale
every page is requested ``--repeat`` times, each time right after the floor (scripts/bench_urls.py),
and the table gives the median ms, the ratio to the floor's median, the query count, the size
and the peak of Python memory of one request; then the last scale's time over the first's.
``--load`` serves the last scale with gunicorn and prints requests per second for a few pages.
"""

import argparse
import functools
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AFTER_A_SAVE = "after a save"  # rows whose label ends so are timed with the shared cache forgotten first
GOALS = {"list": 3, "detail": 3, "search": 3, "chooser": 3, "dashboard": 5, "export": 5, "admin": 3}


def prepare_database(kind: str) -> None:
    if kind == "sqlite":
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(tempfile.mkdtemp()) / 'benchmark.sqlite3'}"
        return
    import psycopg2

    server = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    connection = psycopg2.connect(server)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("DROP DATABASE IF EXISTS sse_bench WITH (FORCE)")
        cursor.execute("CREATE DATABASE sse_bench")
    connection.close()
    os.environ["DATABASE_URL"] = server.rsplit("/", 1)[0] + "/sse_bench"


def pages() -> list[tuple[str, str, str]]:
    """(kind, label, URL) of every page kind, on records that exist at every scale."""
    from django.contrib.auth.models import User
    from django.urls import reverse

    from core import registry
    from core.jobs import Job
    from meetings.models import CalendarFeed, Consultation, Meeting, Recommendation
    from projects.models import Event, PartnershipAgreement, Project
    from regional_statistics.models import StatisticValue
    from sources.models import Source
    from stakeholders.models import Organization, Person, Region

    real = Meeting.objects.filter(date="2022-05-11").first()
    draa = Region.objects.get(code="08").pk
    staff = User.objects.get(username="bench-staff")
    feed_token = CalendarFeed.of(staff).token
    job = Job.objects.get_or_create(user=staff, title="benchmark import", defaults={
        "kind": Job.Kind.IMPORT, "status": Job.Status.DONE, "done": 480, "total": 500, "message": "480 rows imported",
        "row_errors": [[n, ["Give its title."]] for n in range(2, 22)]})[0]  # fmt: skip
    cited = Source.objects.filter(meetings__isnull=False).order_by("pk").first() or Source.objects.first()
    organized = Event.objects.filter(event_organizers__isnull=False).order_by("-pk").first() or Event.objects.first()
    busy = Meeting.objects.filter(attendances__isnull=False, kind="working_meeting").order_by("-pk").first()
    rows = [("floor", "floor", reverse("bench_floor")), ("home", "home", reverse("overview:home"))]
    for record_type in registry.record_types(searchable=True):
        url = reverse(registry.page_name(record_type.model, "list"))
        rows.append(("list", url, url))
    last = (Meeting.objects.count() + 24) // 25
    rows += [
        ("uncached", f"meeting list, {AFTER_A_SAVE}", reverse("meetings:meeting_list")),
        ("list", "meetings, last page", f"{reverse('meetings:meeting_list')}?page={last}"),
        ("list", "meetings, filtered", f"{reverse('meetings:meeting_list')}?q=مجلس&kind=working_meeting"),
        ("uncached", f"meetings of the region, {AFTER_A_SAVE}", f"{reverse('meetings:meeting_list')}?region={draa}"),
        ("uncached", f"projects of the region, {AFTER_A_SAVE}", f"{reverse('projects:project_list')}?region={draa}"),
        ("list", "meetings by kind, last page", f"{reverse('meetings:meeting_list')}?o=kind&page={last}"),
        ("uncached", f"meetings of a month, {AFTER_A_SAVE}", f"{reverse('meetings:meeting_list')}?q=mai 2022"),
        ("detail", "meeting of 11 May 2022", real.get_absolute_url()),
        ("uncached", f"meeting of 11 May 2022, {AFTER_A_SAVE}", real.get_absolute_url()),
        ("detail", "meeting with attendance", (busy or real).get_absolute_url()),
        ("detail", "consultation", Consultation.objects.order_by("pk").first().get_absolute_url()),
        ("detail", "recommendation", Recommendation.objects.order_by("pk").first().get_absolute_url()),
        ("detail", "project", Project.objects.order_by("pk").first().get_absolute_url()),
        ("detail", "person", Person.objects.order_by("pk").first().get_absolute_url()),
        ("detail", "organization", Organization.objects.order_by("pk").first().get_absolute_url()),
        ("list", "events, last page", f"{reverse('projects:event_list')}?page={(Event.objects.count() + 24) // 25}"),
        ("list", "sources, last page", f"{reverse('sources:source_list')}?page={(Source.objects.count() + 24) // 25}"),
        ("list", "statistics, last page", f"{reverse('regional_statistics:value_list')}?page="
                                          f"{(StatisticValue.objects.count() + 24) // 25}"),
        ("list", "open list: event kinds", reverse("core:open_list", args=["projects", "eventkind"])),
        ("detail", "statistic value", StatisticValue.objects.order_by("-pk").first().get_absolute_url()),
        ("detail", "organization renamed", Organization.objects.filter(former_names__isnull=False)
                                           .order_by("pk").first().get_absolute_url()),
        ("detail", "meeting edit form", reverse("meetings:meeting_update", args=[(busy or real).pk])),
        ("uncached", f"meeting edit form, {AFTER_A_SAVE}", reverse("meetings:meeting_update", args=[(busy or real).pk])),
        ("detail", "agreement", PartnershipAgreement.objects.order_by("pk").first().get_absolute_url()),
        ("detail", "event", organized.get_absolute_url()),
        ("detail", "source cited", cited.get_absolute_url()),
        ("detail", "job", job.get_absolute_url()),
        ("detail", "meeting history", reverse("core:record_history", args=["meetings", "meeting", real.pk])),
        ("search", "search مجلس", f"{reverse('overview:search')}?q=مجلس"),
        ("search", "search two words", f"{reverse('overview:search')}?q=تعاونية معرض"),
        ("chooser", "chooser: person", f"{reverse('core:chooser')}?app_label=meetings&model_name=attendance"
                                       "&field_name=person&term=محمد"),
        ("dashboard", "dashboard", reverse("overview:dashboard")),
        ("uncached", f"dashboard, {AFTER_A_SAVE}", reverse("overview:dashboard")),
        ("dashboard", "provinces map", reverse("overview:dashboard_provinces")),
        ("dashboard", "regions (national view)", reverse("overview:dashboard_regions")),
        ("uncached", f"regions (national view), {AFTER_A_SAVE}", reverse("overview:dashboard_regions")),
        ("export", "export regions xlsx", reverse("overview:dashboard_export", args=["regions", "xlsx"])),
        ("dashboard", "timeline", reverse("overview:dashboard_timeline")),
        ("dashboard", "follow-up chain", reverse("overview:dashboard_follow_up")),
        ("export", "open data: meetings", reverse("overview:open_data_dataset", args=["meetings"])),
        ("export", "open data: meetings, late", reverse("overview:open_data_dataset", args=["meetings"])
                                                + f"?after={Meeting.objects.order_by('-pk').values_list('pk', flat=True)[200]}"),
        ("export", "open data: recommendations", reverse("overview:open_data_dataset", args=["recommendations"])),
        ("export", "open data: projects", reverse("overview:open_data_dataset", args=["projects"])),
        ("uncached", f"open data: projects, {AFTER_A_SAVE}", reverse("overview:open_data_dataset", args=["projects"])),
        ("export", "export budget by province", reverse("overview:dashboard_export", args=["budget-by-province", "csv"])),
        ("export", "export provinces xlsx", reverse("overview:dashboard_export", args=["provinces", "xlsx"])),
        ("detail", "upcoming meetings", reverse("meetings:calendar")),
        ("export", "calendar feed", reverse("meetings:calendar_feed", args=[feed_token])),
        ("export", "minutes PDF", reverse("meetings:meeting_minutes", args=[(busy or real).pk])),
    ]  # fmt: skip
    for model in ("meetings/meeting", "meetings/recommendation", "projects/project", "stakeholders/person"):
        rows.append(("admin", f"admin {model}", f"/admin/{model}/"))
    return rows


def counted(queries: list, execute, sql, params, many, context):
    """An execute wrapper (django.db) that notes each query's SQL in ``queries``."""
    queries.append(sql)
    return execute(sql, params, many, context)


def measure(clients, rows, repeat: int) -> dict:
    """{label: (median ms, ×floor, queries, KiB, peak MiB)}; each request right after a floor request."""
    from django.db import connection

    from core.shared_cache import forget_all

    def timed(client, url, fresh=False):
        if fresh:
            forget_all()
        began = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - began) * 1000
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert response.status_code == 200, (url, response.status_code)
        return elapsed, len(body)

    staff, admin = clients
    results = {}
    for kind, label, url in rows:
        client = admin if kind == "admin" else staff
        fresh = label.endswith(AFTER_A_SAVE)
        timed(client, url)  # warm
        floors, times = [], []
        for _ in range(repeat):
            floors.append(timed(staff, rows[0][2])[0])
            times.append(timed(client, url, fresh)[0])
        queries = []
        with connection.execute_wrapper(functools.partial(counted, queries)):
            size = timed(client, url, fresh)[1]
        tracemalloc.start()
        timed(client, url, fresh)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        median = statistics.median(times)
        results[label] = (kind, median, median / statistics.median(floors), len(queries), size / 1024, peak / 2**20)
        print(f"  {label:<34} {median:8.1f} ms  ×{results[label][2]:6.1f}  {len(queries):3} q", file=sys.stderr)
    return results


def table(by_scale: dict) -> str:
    first, last = min(by_scale), max(by_scale)
    head = (
        f"| page | ms at {first} | ×floor | ms at {last} | ×floor | goal | queries | KiB | peak MiB | {last}/{first} |"
    )
    lines = [head, "|---" * 10 + "|"]
    for label, (kind, ms, ratio, queries, kib, peak) in by_scale[last].items():
        small = by_scale[first][label]
        goal = GOALS.get(kind)
        mark = "" if goal is None or ratio <= goal else " ✗"
        lines.append(
            f"| {label} | {small[1]:.1f} | {small[2]:.1f} | {ms:.1f} | {ratio:.1f}{mark} | {goal or ''} | {queries} "
            f"| {kib:.0f} | {peak:.1f} | {ms / small[1]:.2f} |"
        )
    return "\n".join(lines)


def fetch(url: str, cookie: str, stop: float, counts: dict) -> None:
    """Fetch ``url`` from the benchmark's gunicorn until ``stop`` (time.monotonic), counting in ``counts``."""
    while time.monotonic() < stop:
        address = "http://127.0.0.1:8765" + urllib.parse.quote(url, safe="/?=&%")  # Arabic searches, encoded
        request = urllib.request.Request(address, headers={"Cookie": cookie})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                response.read()
                counts["done"] += response.status == 200
        except Exception:
            counts["errors"] += 1


def hammer(url: str, cookie: str, seconds: float) -> tuple[int, int]:
    """(done, errors): ``url`` fetched from 8 threads for ``seconds``."""
    stop = time.monotonic() + seconds
    counts = [{"done": 0, "errors": 0} for _ in range(8)]  # one per thread: no shared counter
    threads = [threading.Thread(target=fetch, args=(url, cookie, stop, mine)) for mine in counts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(c["done"] for c in counts), sum(c["errors"] for c in counts)


def peak_rss_mib(server_pid: int) -> float:
    """The largest peak resident memory (VmHWM, MiB) of the gunicorn master's workers."""
    children = Path(f"/proc/{server_pid}/task/{server_pid}/children").read_text().split()
    peaks = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        peaks.append(int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM"))) / 1024)
    return max(peaks)


def load(seconds: float, urls: list[str], cookie: str, every_page: list[str]) -> str:
    """Serve the database with gunicorn (4 sync workers) and fetch each URL from 8 threads for
    ``seconds``; then each of ``every_page`` from 8 threads, and the workers' peak memory."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench_site", "PYTHONPATH": f"{ROOT}/scripts:{ROOT}",
           "PORT": "8765", "WEB_CONCURRENCY": "4", "GUNICORN_THREADS": "1", "PLAIN_HTTP": "true"}  # fmt: skip
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "python:sse_portal.gunicorn"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    lines = ["| page | requests/s | errors | share of the floor's |", "|---|---|---|---|"]
    try:
        time.sleep(4)
        floor_rate = None
        for url in urls:
            done, errors = hammer(url, cookie, seconds)
            rate = done / seconds
            floor_rate = floor_rate or rate
            lines.append(f"| {url} | {rate:.1f} | {errors} | {rate / floor_rate:.0%} |")
        tallies = [hammer(url, cookie, 0.5) for url in every_page]
        done, errors = sum(t[0] for t in tallies), sum(t[1] for t in tallies)
        lines.append(f"\nEvery page kind for 0.5 s from 8 threads ({done} requests, {errors} errors): the largest"
                     f" worker's peak memory {peak_rss_mib(server.pid):.0f} MiB.")  # fmt: skip
    finally:
        server.terminate()
        server.wait()
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 100])
    parser.add_argument("--national", action="store_true", help="every scale for each of the 12 regions")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--load", type=float, default=0, help="seconds of load per page under gunicorn")
    parser.add_argument(
        "--redis", default="", help="REDIS_URL of a Redis database of its own (it is cleared): the shared cache"
    )
    args = parser.parse_args()
    prepare_database(args.database)
    os.environ["REDIS_URL"] = args.redis
    os.environ["CACHE_DIR"] = tempfile.mkdtemp()  # without Redis, the shared cache's files
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench_site"
    sys.path[:0] = [str(ROOT / "scripts"), str(ROOT)]

    import django

    django.setup()
    from bench_data import grow
    from django.conf import settings
    from django.contrib.auth.models import Group, User
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from stakeholders.models import Region

    call_command("migrate", verbosity=0)
    cache.clear()
    call_command("load_draa_tafilalet", stdout=open(os.devnull, "w"))
    staff_user = User.objects.create_user("bench-staff")
    staff_user.groups.add(Group.objects.get(name="Council staff"))
    staff, admin = Client(), Client()
    staff.force_login(staff_user)
    admin.force_login(User.objects.create_superuser("bench-admin"))
    regions = list(Region.objects.all()) if args.national else [None]
    by_scale, built = {}, 0
    for scale in sorted(args.scales):
        began = time.perf_counter()
        for region in regions:
            grow(scale - built, regions=[region] if region else None)
        built = scale
        cache.clear()  # bulk_create sends no signals: no figure of the smaller scale may be served
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        else:
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        print(f"scale {scale}: built in {time.perf_counter() - began:.0f} s", file=sys.stderr)
        by_scale[scale] = measure((staff, admin), pages(), args.repeat)
    where = f"{connection.vendor}, {'12 regions' if args.national else 'one region'}"
    where += f", {'Redis' if args.redis else 'file'} cache"
    print(f"\n{where}; floor {by_scale[max(by_scale)]['floor'][1]:.1f} ms\n\n{table(by_scale)}")
    if args.load:
        connection.close()
        cookie = f"{settings.SESSION_COOKIE_NAME}={staff.cookies[settings.SESSION_COOKIE_NAME].value}"
        urls = ["/bench-floor/", "/meetings/", "/dashboard/"]
        every_page = [url for kind, _label, url in pages() if kind != "admin"]
        print(f"\n{load(args.load, urls, cookie, every_page)}")


if __name__ == "__main__":
    main()
