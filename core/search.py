"""Arabic-aware, accent-blind search that gives the same results on SQLite and PostgreSQL.

Each searchable record keeps ``search_text``: its searchable fields folded by ``normalize`` on
every save. A query is folded the same way and matched word by word with a plain
``contains``, so no database-specific collation or extension is involved. The text shown to
users is never altered.
"""

import re
import unicodedata

from django.db.models import Q

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


def without_article(word: str) -> str:
    """An Arabic word without its leading definite article: "المهدي" → "مهدي"; short words are kept ("الله")."""
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def search_words(query: str) -> list[str]:
    """The folded words of a query, each without a leading ال (matched by ``contains``, "المهدي"
    finds "مهدي" and "المهدي"); empty for a blank one. NUL and other control characters are dropped."""
    cleaned = "".join(ch for ch in query if ch.isprintable() or ch.isspace())
    return [without_article(word) for word in normalize(cleaned).split()]


_LATIN_ARTICLE = re.compile(r"\b(?:al|el)[\s-]+")
_DOUBLED = re.compile(r"([a-z])\1")
_ABD = re.compile(r"\bعبد\s+")


def name_key(name: str) -> str:
    """A person's name folded so that the press's spellings of it compare equal (the duplicate check).

    Arabic: ``normalize`` (hamza, ta marbuta, alif maqsura, tashkeel), no leading ال, "عبد الله" as
    "عبدالله". Latin: no accents, hyphens or articles (El, Al), doubled letters once, "ou" as "u":
    "Mohammed El-Mahdi" and "Mohamed Mahdi" give the same key. Word order is kept.
    """
    folded = _ABD.sub("عبد", normalize(name.replace("-", " ")))
    folded = _LATIN_ARTICLE.sub("", folded)
    folded = _DOUBLED.sub(r"\1", folded).replace("ou", "u")
    return " ".join(without_article(word) for word in folded.split())


def search_condition(query: str, fields: tuple[str, ...] = ("search_text",)) -> Q:
    """A filter matching rows where every word of ``query`` is in one of ``fields``."""
    condition = Q()
    for word in search_words(query):
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__contains": word})
        condition &= any_field
    return condition


def folded_fields(record, fields: tuple[str, ...]) -> str:
    """The ``search_text`` of ``record``: its ``fields`` joined by spaces, then ``normalize``-d."""
    return normalize(" ".join(str(getattr(record, f) or "") for f in fields))


def backfill_search_text(app_label: str, search_fields: dict[str, tuple[str, ...]]):
    """A RunPython function filling ``search_text`` of existing rows (historical models have no save hook)."""

    def forwards(apps, schema_editor):
        for model_name, fields in search_fields.items():
            model = apps.get_model(app_label, model_name)
            rows = list(model.objects.all())
            for row in rows:
                row.search_text = folded_fields(row, fields)
            model.objects.bulk_update(rows, ["search_text"], batch_size=500)

    return forwards
