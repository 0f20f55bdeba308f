"""The benchmark's Django settings: the test settings, with the floor page's URLs (bench_urls).

Used by scripts/benchmark.py, in-process and under gunicorn (DJANGO_SETTINGS_MODULE=bench_site,
scripts/ on the path).
"""

from sse_portal.settings_test import *  # noqa: F403

ROOT_URLCONF = "bench_urls"
DEBUG = False  # as in production (DEBUG would also log every query of the bulk build)
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
