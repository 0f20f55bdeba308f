"""Printable papers as PDF (WeasyPrint): A4, Arabic shaped right to left, page N of M.

Templates extend ``core/pdf/base.html``, which sets the page, the fonts (Debian's
fonts-noto-core: Noto Naskh Arabic, with Noto Sans for Latin text) and the footer. WeasyPrint
ignores ``dir="auto"``, so templates set ``dir`` on every paragraph whose language is known
(``core.i18n``'s ``dir_of`` filter). Nothing is fetched while rendering: the papers carry their
styles and use system fonts, so a record's text can never make the server load a URL.
"""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language_bidi

from . import shared_cache


def _no_fetching(url, *args, **kwargs):
    raise ValueError(f"PDF papers fetch nothing ({url[:60]})")


def pdf_bytes(template: str, context: dict, request=None) -> bytes:
    """The PDF of ``template`` rendered with ``context`` (in the active language), which also
    gets ``rtl`` and ``printed_on`` (today, Africa/Casablanca)."""
    from weasyprint import HTML  # imported on first use: it loads Pango

    context = {"rtl": get_language_bidi(), "printed_on": timezone.localdate(), **context}
    html = render_to_string(template, context, request=request)
    return HTML(string=html, url_fetcher=_no_fetching).write_pdf()


def pdf_response(template: str, context, request, filename: str) -> HttpResponse:
    """An attachment ``filename`` holding the PDF of ``template``, kept in the shared cache until
    a record changes (core.shared_cache), per page address, day and set of permissions (what the
    user may see): WeasyPrint takes about half a second for a meeting's minutes. ``context`` is
    a dict, or a callable returning one, called only when the paper is not kept."""
    permissions = shared_cache.permissions_key(request.user)
    key = f"pdf:{template}:{request.get_full_path()}:{timezone.localdate().isoformat()}:{permissions}"
    body = shared_cache.remember(key, lambda: pdf_bytes(template, context() if callable(context) else context, request))
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
