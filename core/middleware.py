"""Middleware for operating the portal: no caching of signed-in pages, slow-request logs, CSP."""

import logging
import time

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.db import connections
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger("sse_portal.requests")


class NoStoreWhenSignedInMiddleware:
    """Every response to a signed-in user gets ``Cache-Control: private, no-store`` (and no-cache):
    neither a shared proxy nor the browser's back button may show it after sign-out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response


SESSION_REFRESHED = "_refreshed_at"


def stamp_session(sender, request, user, **kwargs):
    """On sign-in (user_logged_in), note when the session's expiry was last set."""
    request.session[SESSION_REFRESHED] = int(time.time())


class SlidingSessionMiddleware:
    """Signs a user out after ``SESSION_COOKIE_AGE`` seconds without a request, without writing the
    session on every request: its expiry is moved on once half of that time has passed."""

    KEY = SESSION_REFRESHED

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and request.user.is_authenticated:
            now = int(time.time())
            if now - session.get(self.KEY, 0) > settings.SESSION_COOKIE_AGE / 2:
                session[self.KEY] = now  # the save that follows sets a new expiry date
        return self.get_response(request)


class RefuseNulCharactersMiddleware:
    """A Django admin request whose query string holds a NUL character gets the 400 page: the
    admin's search, filters and autocomplete pass it to SQL, which PostgreSQL refuses (a 500).
    The portal's own pages read every parameter through a form, which refuses NUL next to the
    field (Django's ProhibitNullCharactersValidator) or drops it from a search."""

    PREFIX = "/admin/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(self.PREFIX) and any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
        ):
            raise SuspiciousOperation("NUL character in the query string.")
        return self.get_response(request)


class SlowRequestLogMiddleware:
    """Logs, as a warning, each request slower than ``SLOW_REQUEST_SECONDS``: path, duration in
    milliseconds and the number of SQL queries it ran (on every database)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        queries = [0]

        def count(execute, sql, params, many, context):
            queries[0] += 1
            return execute(sql, params, many, context)

        started = time.perf_counter()
        wrappers = [connection.execute_wrapper(count) for connection in connections.all()]
        for wrapper in wrappers:
            wrapper.__enter__()
        try:
            response = self.get_response(request)
        finally:
            for wrapper in reversed(wrappers):
                wrapper.__exit__(None, None, None)
        seconds = time.perf_counter() - started
        if seconds > settings.SLOW_REQUEST_SECONDS:
            logger.warning(
                "slow request path=%s status=%s duration_ms=%d queries=%d",
                request.path,
                response.status_code,
                seconds * 1000,
                queries[0],
            )
        return response


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's policy everywhere; the Django admin's own templates carry a few ``style``
    attributes, so its pages (and only they) may use inline style attributes, never inline code."""

    ADMIN_PREFIX = "/admin/"

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(self.ADMIN_PREFIX):
            parts.update = {**(parts.update or {}), "style-src-attr": ["'unsafe-inline'"]}
        return parts
