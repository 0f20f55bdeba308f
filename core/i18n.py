"""Bilingual record fields: show the interface language's value first, the other as fallback."""

from django.utils.translation import get_language, get_language_bidi


def separator() -> str:
    """The list separator of the interface language: "، " in Arabic, ", " otherwise."""
    return "، " if (get_language() or "ar").startswith("ar") else ", "


def colon() -> str:
    """A colon as the interface language writes it: French puts a no-break space before it."""
    return "\u00a0:" if (get_language() or "").startswith("fr") else ":"


def arrow() -> str:
    """ "→" reading left to right, "←" right to left: from the earlier state to the later one."""
    return " ← " if get_language_bidi() else " → "


# The language a field suffix is written in: Latin transliterations follow French spelling
# (Errachidia, Ouarzazate), so a French voice reads them best.
LANGUAGE_OF_SUFFIX = {"ar": "ar", "fr": "fr", "latin": "fr"}


class Text(str):
    """A stored text that knows the language it is written in (``lang``: "ar" or "fr"), so that a
    page can mark it where it differs from the page's (``lang_mark`` in core.templatetags.portal)."""

    def __new__(cls, value: str, lang: str = ""):
        text = super().__new__(cls, value)
        text.lang = lang
        return text


def of_name(name: str) -> str:
    """French "de" before a name, elided before a vowel or a mute h: "d'Errachidia",
    "d'Ouarzazate", "de Midelt" (French spelling rules; an h is taken as mute)."""
    return f"d'{name}" if name[:1].lower() in "aâàeéèêëiîïoôuûùyh" and name else f"de {name}"


def _order(first: str, second: str) -> tuple[str, str]:
    """Arabic pages read the Arabic value first; French and English pages the Latin-script one."""
    return (second, first) if (get_language() or first)[:2] in ("fr", "en") else (first, second)


def localized(field: str, first: str = "ar", second: str = "fr"):
    """Return a read-only property giving ``<field>_<lang>`` in the active language, as a ``Text``.

    ``localized("title")`` on a model with ``title_ar`` and ``title_fr`` gives ``title_fr``
    when French (or English) is active, ``title_ar`` otherwise; an empty value falls back to
    the other language.
    """

    def getter(obj) -> str:
        for lang in _order(first, second):
            value = getattr(obj, f"{field}_{lang}", "")
            if value:
                return Text(value, LANGUAGE_OF_SUFFIX.get(lang, ""))
        return ""

    getter.__doc__ = f"{field} in the interface language, falling back to the other one."
    return property(getter)


def other_language(field: str, first: str = "ar", second: str = "fr"):
    """Return a property giving the value ``localized`` does not show first, or "" when there is none."""

    def getter(obj) -> str:
        shown, other = _order(first, second)
        value = getattr(obj, f"{field}_{other}", "") if getattr(obj, f"{field}_{shown}", "") else ""
        return Text(value, LANGUAGE_OF_SUFFIX.get(other, "")) if value else ""

    getter.__doc__ = f"{field} in the other language, shown as a subtitle."
    return property(getter)


def ltr_number(text: str) -> str:
    """A formatted number kept in one piece, left to right, inside Arabic text.

    "1 250 000,50" has spaces; without a directional isolate (U+2066 ... U+2069) a right-to-left
    paragraph would show its groups in reverse order ("000,50 250 1").
    """
    return f"\u2066{text}\u2069"
