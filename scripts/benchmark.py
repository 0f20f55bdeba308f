"""Time the busiest pages at growing data sizes, and count their SQL queries.

Usage: .venv/bin/python scripts/benchmark.py [--sizes 100 1000 10000]

Builds a throw-away SQLite database (a temporary file; DATABASE_URL is ignored), loads the real
dataset, adds N meetings, projects and recommendations per step in bulk, then requests each page
five times as a council staff member and prints the median time (ms) and the query count. The
query count should not grow with N; the time should grow slowly.
"""

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

PAGES = [
    "/",
    "/meetings/",
    "/projects/",
    "/recommendations/",
    "/search/?q=مجلس",
    "/dashboard/",
    "/dashboard/provinces/",
    "/dashboard/timeline/",
    "/dashboard/follow-up/",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    args = parser.parse_args()
    database = Path(tempfile.mkdtemp()) / "benchmark.sqlite3"
    os.environ.update(DATABASE_URL=f"sqlite:///{database}", DJANGO_SETTINGS_MODULE="sse_portal.settings_test")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from meetings.models import Meeting, Recommendation
    from projects.models import Programme, Project
    from stakeholders.models import Province

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    call_command("load_draa_tafilalet", stdout=open(os.devnull, "w"))
    user = User.objects.create_user("bench")
    user.groups.add(Group.objects.get(name="Council staff"))
    client = Client()
    client.force_login(user)
    programme, provinces = Programme.objects.first(), list(Province.objects.of_portal_region())

    def grow(count: int) -> None:
        start = Meeting.objects.count()
        meetings = Meeting.objects.bulk_create(
            Meeting(title_ar=f"اجتماع {start + i}", kind="committee_meeting", status="held",
                    date=datetime.date(2023, 1, 1) + datetime.timedelta(days=i % 700), province=provinces[i % 5])
            for i in range(count)
        )  # fmt: skip
        projects = Project.objects.bulk_create(
            Project(title_ar=f"مشروع {start + i}", programme=programme, budget=1000 * i, approving_meeting=meetings[i])
            for i in range(count)
        )
        Project.provinces.through.objects.bulk_create(
            Project.provinces.through(project=p, province=provinces[i % 5]) for i, p in enumerate(projects)
        )
        Recommendation.objects.bulk_create(
            Recommendation(text_ar=f"توصية {start + i}", source_meeting=m) for i, m in enumerate(meetings)
        )

    print(f"{'records':>8} {'page':<26} {'median ms':>10} {'queries':>8}")
    total = 0
    for size in args.sizes:
        grow(size - total)
        total = size
        for page in PAGES:
            timings = []
            for _ in range(5):
                with CaptureQueriesContext(connection) as queries:
                    began = time.perf_counter()
                    response = client.get(page)
                    timings.append((time.perf_counter() - began) * 1000)
                assert response.status_code == 200, (page, response.status_code)
            print(f"{size:>8} {page:<26} {statistics.median(timings):>10.1f} {len(queries):>8}")


if __name__ == "__main__":
    main()
