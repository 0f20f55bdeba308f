"""Settings for the test suite: the production settings with a test key and plain static storage."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-not-secret")
os.environ.setdefault("PLAIN_HTTP", "true")  # the test client speaks plain http
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")  # a test runs a real worker

from .settings import *  # noqa: E402,F403
from .settings import BASE_DIR, DATABASES  # noqa: E402

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Each test starts from an empty cache of its own process; figures are computed anew (test_scale keeps them).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
RECORDS_CACHE_SECONDS = 0
STATIC_ROOT = None  # tests serve nothing collected; skips WhiteNoise's missing-directory warning

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory: tests that save from many threads, or serve through gunicorn, share it.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".test-db.sqlite3")}
