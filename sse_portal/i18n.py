"""Bilingual record fields: show the interface language's value first, the other as fallback."""

from django.utils.translation import get_language


def localized(field: str, first: str = "ar", second: str = "fr"):
    """Return a read-only property giving ``<field>_<lang>`` in the active language.

    ``localized("title")`` on a model with ``title_ar`` and ``title_fr`` gives ``title_fr``
    when French is active (``title_ar`` when it is empty), and ``title_ar`` otherwise.
    English pages use the French value, the administration's Latin-script language.
    """

    def getter(obj) -> str:
        order = (second, first) if (get_language() or first)[:2] in ("fr", "en") else (first, second)
        for lang in order:
            value = getattr(obj, f"{field}_{lang}", "")
            if value:
                return value
        return ""

    getter.__doc__ = f"{field} in the interface language, falling back to the other one."
    return property(getter)
