"""The dashboards' figures kept in the shared cache, per filter set and language, until a record changes.

Only with a cache every worker shares (Redis, ``REDIS_URL``): ``DASHBOARD_CACHE_SECONDS`` is 0
otherwise, since a worker's own memory would keep showing figures another worker has changed.
Any save, deletion or link change of a programme record moves the generation on, so that no
figure computed before it is read again.
"""

import functools
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.functional import cached_property
from django.utils.translation import get_language

from core import registry

GENERATION = "dashboard:generation"


def forget_figures(sender, **kwargs) -> None:
    """post_save, post_delete and m2m_changed receiver (connected in overview.apps)."""
    if settings.DASHBOARD_CACHE_SECONDS and sender._meta.app_label in registry.programme_apps():
        # after the commit: a figure computed meanwhile from the old rows would carry the new generation
        transaction.on_commit(lambda: cache.set(GENERATION, time.time_ns(), None), using=kwargs.get("using"))


def cached_figure(method):
    """``cached_property`` for a Dashboard figure that is also kept in the shared cache for
    DASHBOARD_CACHE_SECONDS under the generation, language, filters (``Filters.key``) and name."""

    @functools.wraps(method)
    def figure(dashboard):
        seconds = settings.DASHBOARD_CACHE_SECONDS
        if not seconds:
            return method(dashboard)
        if not hasattr(dashboard, "_generation"):
            dashboard._generation = cache.get_or_set(GENERATION, time.time_ns, None)
        key = f"dashboard:{dashboard._generation}:{get_language()}:{dashboard.f.key()}:{method.__name__}"
        value = cache.get(key)
        if value is None:
            value = method(dashboard)
            cache.set(key, value, seconds)
        return value

    return cached_property(figure)
