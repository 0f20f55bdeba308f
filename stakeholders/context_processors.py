"""The region a page speaks for, in every template: ``council_region``."""

from django.utils.functional import SimpleLazyObject

from .regions import default_region, home_region


def council_region(request) -> dict:
    """``council_region``: the region of the signed-in user's council (``home_region``), the
    portal's for visitors and on error pages raised before the user is known; a Region or None,
    read only when a template uses it."""
    user = getattr(request, "user", None)

    def region():
        return home_region(user) if user is not None and user.is_authenticated else default_region()

    return {"council_region": SimpleLazyObject(region)}
