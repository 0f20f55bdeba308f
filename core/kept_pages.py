"""Whole pages kept in the shared cache per user until a programme record changes (core.shared_cache)."""

import re
from collections.abc import Callable

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone

from . import shared_cache

CSRF_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
CSRF_PLACEHOLDER = "kept-page-csrf-token"


def kept_page(request, respond: Callable[[], HttpResponse]) -> HttpResponse:
    """``respond()``'s page, kept whole per user, set of permissions, day (Africa/Casablanca),
    language, host and address, until a programme record changes or RECORDS_CACHE_SECONDS pass.

    A page read again then costs the session, the user and the permissions queries and one cache
    read, not its own queries and templates (README, Benchmark). Only GET pages answered 200 are
    kept, never one showing a message (it is shown once), and each request gets its own CSRF
    token. Pages showing records from outside the programme apps (jobs) must not use this; an
    account renamed shows under its former name on kept pages until they expire.
    """
    if not settings.RECORDS_CACHE_SECONDS or request.method != "GET" or len(get_messages(request)):
        return respond()
    user = request.user
    key = shared_cache.full_key(
        f"page:{user.pk}:{shared_cache.permissions_key(user)}:{timezone.localdate()}:{request.get_host()}"
        f"{request.get_full_path()}"
    )
    kept = cache.get(key)
    if kept is not None:
        content_type, body = kept
        return HttpResponse(body.replace(CSRF_PLACEHOLDER, get_token(request)), content_type=content_type)
    response = respond()
    if response.status_code == 200 and hasattr(response, "render"):
        response.render()
        body = CSRF_INPUT.sub(rf"\g<1>{CSRF_PLACEHOLDER}\g<2>", response.content.decode(response.charset))
        cache.set(key, (response["Content-Type"], body), settings.RECORDS_CACHE_SECONDS)
    return response


class KeptPageMixin:
    """A view whose GET page is kept whole (``kept_page``)."""

    def get(self, request, *args, **kwargs):
        return kept_page(request, lambda: super(KeptPageMixin, self).get(request, *args, **kwargs))
