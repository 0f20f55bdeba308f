"""Text folded for matching: one form per Arabic letter, no accents, no tashkeel, lower case."""

import re
import unicodedata

# Arabic letter variants folded to one form (the rules of the council's search, issue #3).
_ARABIC = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ي",
        "ؤ": "و",
        "ئ": "ي",
        "گ": "ك",  # Persian gaf, written for /g/ in Moroccan names (حدوگة)
        "ڭ": "ك",  # Moroccan gaf
        "ـ": None,  # tatweel
        **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + d): str(d) for d in range(10)},  # Eastern Arabic-Indic digits
    }
)
_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Fold ``text`` for matching: lower case, no accents, no tashkeel, one form per Arabic letter.

    >>> normalize("إلهام")
    'الهام'
    >>> normalize("Réunion ١١ ماي")
    'reunion 11 ماي'
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    # Dropping combining marks removes Latin accents and Arabic tashkeel (U+064B-U+065F, U+0670).
    # Hamza above/below (U+0654/U+0655) are combining marks too, so أ decomposes to ا + mark.
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", bare.translate(_ARABIC)).strip()
