"""Settings for the test suite: the production settings with a test key and plain static storage."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-not-secret")
os.environ.setdefault("PLAIN_HTTP", "true")  # the test client speaks plain http
os.environ.setdefault("LOG_LEVEL", "WARNING")

from .settings import *  # noqa: E402,F403

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STATIC_ROOT = None  # tests serve nothing collected; skips WhiteNoise's missing-directory warning
