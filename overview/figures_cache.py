"""The dashboards' figures kept in the shared cache, per filter set and language, until a record
changes (core.shared_cache)."""

import functools

from django.utils.functional import cached_property

from core import shared_cache


def cached_figure(method):
    """``cached_property`` for a Dashboard figure that is also kept in the shared cache under the
    generation, language, filters (``Filters.key``) and name (core.shared_cache.remember)."""

    @functools.wraps(method)
    def figure(dashboard):
        if not hasattr(dashboard, "_generation"):  # one read of the generation for all its figures
            dashboard._generation = shared_cache.generation()
        key = f"{type(dashboard).__name__}:{dashboard.f.key()}:{method.__name__}"
        return shared_cache.remember(key, lambda: method(dashboard), dashboard._generation)

    return cached_property(figure)
