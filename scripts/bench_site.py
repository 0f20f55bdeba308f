"""The benchmark's Django settings: the test settings, with the floor page's URLs (bench_urls)
and the production cache (the shared one, RECORDS_CACHE_SECONDS), which the tests turn off.

Used by scripts/benchmark.py, in-process and under gunicorn (DJANGO_SETTINGS_MODULE=bench_site,
scripts/ on the path).
"""

import sys

from sse_portal.settings_test import *  # noqa: F403

production = sys.modules["sse_portal.settings"]  # imported by the test settings, with their key
CACHES, RECORDS_CACHE_SECONDS = production.CACHES, production.RECORDS_CACHE_SECONDS
ROOT_URLCONF = "bench_urls"
DEBUG = False  # as in production (DEBUG would also log every query of the bulk build)
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
