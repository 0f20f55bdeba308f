"""Results kept in the shared cache until a programme record changes: a generation of the records.

The cache is the one every worker of the portal shares (Redis, or the files of CACHE_DIR), so a
result another worker's save made stale is never served. Any save, deletion or link change of a
model of a programme app (``registry.programme_apps``) moves the generation on, after its commit:
a result computed meanwhile from the old rows would otherwise carry the new generation. Records
written without signals (``bulk_create``, ``QuerySet.update``) must call ``forget_all()``.
"""

import hashlib
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.translation import get_language

from . import registry

GENERATION = "records:generation"


def forget_all(**kwargs) -> None:
    """Move the generation on once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: cache.set(GENERATION, time.time_ns(), None), using=kwargs.get("using"))


def forget_on_change(sender, **kwargs) -> None:
    """post_save, post_delete and m2m_changed receiver (connected in core.apps)."""
    if settings.RECORDS_CACHE_SECONDS and sender._meta.app_label in registry.programme_apps():
        forget_all(**kwargs)


def generation() -> int:
    """The current generation (nanoseconds since the epoch when it last moved on)."""
    return cache.get_or_set(GENERATION, time.time_ns, None)


def remember(key: str, compute: Callable, current: int | None = None):
    """``compute()``, kept RECORDS_CACHE_SECONDS under ``key``, the language and the generation
    (``current``, when the caller already read it); computed every time when that setting is 0.
    The value must pickle and must not be None (None is read as "not kept")."""
    seconds = settings.RECORDS_CACHE_SECONDS
    if not seconds:
        return compute()
    kept_key = full_key(key, current)
    value = cache.get(kept_key)
    if value is None:
        value = compute()
        cache.set(kept_key, value, seconds)
    return value


def full_key(key: str, current: int | None = None) -> str:
    """``key`` under the language and the generation, as ``remember`` stores it (for results
    the caller keeps only sometimes, such as pages: core.kept_pages)."""
    return f"{current or generation()}:{get_language()}:{key}"


def permissions_key(user) -> str:
    """A short digest of ``user``'s permissions, for results that differ by what the user may see."""
    return hashlib.sha256(",".join(sorted(user.get_all_permissions())).encode()).hexdigest()[:16]
