"""Numbers as the press and council staff write them, read by the page's language.

Moroccan Arabic and French texts group thousands with a point and mark decimals with a comma
("45.000", "2.750.000,00"); English does the reverse ("45,000", "2,750,000.00"). Spaces (plain,
no-break U+00A0, narrow no-break U+202F, thin U+2009) and the Arabic thousands separator (٬)
group too, and the Arabic decimal separator (٫) is a decimal mark in every language.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .folding import _ARABIC

ARABIC_DIGITS = {k: v for k, v in _ARABIC.items() if v and v.isdigit()}  # Arabic-Indic digits as Western ones
_GROUPING = str.maketrans({**ARABIC_DIGITS, " ": None, "\u00a0": None, "\u202f": None, "\u2009": None, "٬": None})
_NUMBER = re.compile(r"^[+\-\u2212]?[\d.,٫]+$")
_GROUPED = re.compile(r"^[1-9]\d{0,2}(?:X\d{3})+$")


def separators(language: str | None = None) -> tuple[str, str]:
    """``(group, decimal)`` of a page language: ``(".", ",")`` in Arabic and French, ``(",", ".")`` in English."""
    return (",", ".") if (language or get_language() or "ar").startswith("en") else (".", ",")


def _grouped(whole: str, mark: str) -> bool:
    return bool(_GROUPED.match(whole.replace(mark, "X")))


def read_number(value, language: str | None = None):
    """The number written in ``value`` as a plain decimal string: ``"2.750.000,00"`` → ``"2750000.00"``.

    Values that are not text, or not made of digits and separators, come back unchanged (the
    form field then says they are not a number). One separator followed by three digits is a
    thousands separator when it is the page language's (``"45.000"`` on a French page is 45000);
    when it is the page's decimal mark (``"1,000"`` on a French page) it could mean two numbers,
    and ValidationError (code ``ambiguous_number``) says how to write it.
    Raises ValidationError (code ``badly_grouped``) for groups that are not of three digits.
    """
    if not isinstance(value, str):
        return value
    text = value.translate(_GROUPING).strip()
    if not _NUMBER.match(text):
        return value
    sign, body = ("-", text[1:]) if text[0] in "-\u2212" else ("", text.lstrip("+"))
    if "٫" in body:
        whole, _sep, fraction = body.partition("٫")
        return _joined(sign, whole, fraction, ".,", value, language)
    group, decimal = separators(language)
    marks = [ch for ch in body if ch in ".,"]
    if not marks:
        return sign + body
    last = marks[-1]
    if len(set(marks)) == 2:
        whole, _sep, fraction = body.rpartition(last)
        return _joined(sign, whole, fraction, "." if last == "," else ",", value, language)
    if len(marks) > 1:
        if not _grouped(body, last):
            raise _badly_grouped(value, language)
        return sign + body.replace(last, "")
    whole, _sep, fraction = body.partition(last)
    if len(fraction) == 3 and _grouped(body, last):
        if last == group:
            return sign + whole + fraction
        raise ValidationError(
            _(
                "“%(text)s” could be read two ways. On this page a thousand is written 1000 or "
                "1%(group)s000, and decimals follow a “%(decimal)s” (12%(decimal)s5)."
            ),
            code="ambiguous_number",
            params={"text": value, "group": group, "decimal": decimal},
        )
    return f"{sign}{whole}.{fraction}"


def _joined(sign: str, whole: str, fraction: str, groups: str, value: str, language) -> str:
    """``whole`` (which may be grouped by either mark in ``groups``) and a decimal ``fraction``."""
    if any(ch in fraction for ch in ".,") or not whole:
        raise _badly_grouped(value, language)
    for mark in groups:
        if mark in whole:
            if not _grouped(whole, mark) or any(ch in whole.replace(mark, "") for ch in ".,"):
                raise _badly_grouped(value, language)
            whole = whole.replace(mark, "")
    return f"{sign}{whole}.{fraction}"


def _badly_grouped(value: str, language) -> ValidationError:
    group, decimal = separators(language)
    return ValidationError(
        _("“%(text)s” is not a number as written: thousands are grouped by three digits (%(example)s)."),
        code="badly_grouped",
        params={"text": value, "example": f"2{group}750{group}000{decimal}00"},
    )
