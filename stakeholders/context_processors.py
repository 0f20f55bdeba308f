"""The region a page speaks for, in every template: ``council_region``."""

from django.utils.functional import SimpleLazyObject

from .regions import default_region, home_region


def council_region(request) -> dict:
    """``council_region``: the region of the signed-in user's council (``home_region``), the
    portal's for visitors; a Region or None, read only when a template uses it."""
    user = request.user
    return {
        "council_region": SimpleLazyObject(lambda: home_region(user) if user.is_authenticated else default_region())
    }
