"""Whole pages kept in the shared cache per user until a programme record changes (core.shared_cache)."""

import re

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone

from . import shared_cache

CSRF_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
CSRF_PLACEHOLDER = "kept-page-csrf-token"


class KeptPageMixin:
    """A view whose GET page is kept whole, per user, set of permissions, day (Africa/Casablanca),
    language, host and address, until a programme record changes or RECORDS_CACHE_SECONDS pass.

    A page read again then costs the session, the user and the permissions queries and one cache
    read, not its own queries and templates (README, Benchmark). Only 200 pages are kept, never
    one showing a message (it is shown once), and each request gets its own CSRF token. Pages
    showing records from outside the programme apps (jobs) must not use this; an account renamed
    shows under its former name on kept pages until they expire.
    """

    def get(self, request, *args, **kwargs):
        if not self.keeps_page():
            return super().get(request, *args, **kwargs)
        user = request.user
        key = shared_cache.full_key(
            f"page:{user.pk}:{shared_cache.permissions_key(user)}:{timezone.localdate()}:{request.get_host()}"
            f"{request.get_full_path()}"
        )
        kept = cache.get(key)
        if kept is not None:
            content_type, body = kept
            return HttpResponse(body.replace(CSRF_PLACEHOLDER, get_token(request)), content_type=content_type)
        response = super().get(request, *args, **kwargs)
        if response.status_code == 200 and hasattr(response, "render"):
            response.render()
            body = CSRF_INPUT.sub(rf"\g<1>{CSRF_PLACEHOLDER}\g<2>", response.content.decode(response.charset))
            cache.set(key, (response["Content-Type"], body), settings.RECORDS_CACHE_SECONDS)
        return response

    def keeps_page(self) -> bool:
        """Whether this request's page may be read from, and kept in, the cache."""
        request = self.request
        return bool(settings.RECORDS_CACHE_SECONDS) and request.method == "GET" and not len(get_messages(request))
