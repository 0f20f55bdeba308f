"""Arabic-aware, accent-blind search that gives the same results on SQLite and PostgreSQL.

Each searchable record keeps ``search_text``: its searchable fields folded by ``normalize`` on
every save. A query is folded the same way and matched word by word with a plain
``contains``, so no database-specific collation or extension is involved. The text shown to
users is never altered.
"""

import re

from django.db.models import Q

from .dates import periods_in
from .folding import normalize


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


def search_condition(query: str, fields: tuple[str, ...] = ("search_text",), model=None) -> Q:
    """A filter matching rows where every word of ``query`` is in one of ``fields``. For a
    ``model`` with dates (``SearchableModel.dated_within``), the days and months the query names
    ("11/05/2022", "11 ماي 2022", "mai 2022": ``core.dates.periods_in``) select rows of that day
    or month instead of being matched as words."""
    condition = Q()
    if model is not None:
        rest, periods = periods_in(query)
        dated = [model.dated_within(start, end) for start, end in periods]
        if dated and None not in dated:
            query = rest
            for within in dated:
                condition &= within
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
