"""The open-data endpoints (overview.opendata): public, no sign-in, GET only, JSON in UTF-8.

``/open-data/`` lists the datasets with their URLs and record counts; ``/open-data/<dataset>.json``
gives one page of a dataset (``?after=<id>``: the records with a greater id, ``PAGE_SIZE`` at
most, with the URL of the next page); ``/open-data/schema.json`` is the JSON Schema of both.
The same data for everyone, so any site may read it (``Access-Control-Allow-Origin: *``).
"""

import functools
import json
import re
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views import View

from core import shared_cache

from .opendata import ALL, DATASETS, LANGUAGES, LICENCE, PAGE_SIZE

SCHEMA = Path(__file__).parent / "data" / "open-data.schema.json"
CONTENT_TYPE = "application/json; charset=utf-8"
RECORD_ID = re.compile(r"[0-9]{1,18}")  # a primary key, within a 64-bit integer
TITLES = {
    "ar": "البيانات المفتوحة لبرنامج الاقتصاد الاجتماعي والتضامني لجهة درعة تافيلالت",
    "fr": "Données ouvertes du programme d'économie sociale et solidaire de la Région Drâa-Tafilalet",
}


def json_bytes(data: dict) -> bytes:
    """``data`` as JSON in UTF-8, Arabic kept as it is (not \\u escapes), dates as ISO strings."""
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).encode()


def json_response(body: bytes | dict, status: int = 200) -> HttpResponse:
    """A JSON response any site may read (``Access-Control-Allow-Origin: *``): ``body`` as bytes,
    or a dict written by ``json_bytes``."""
    response = HttpResponse(body if isinstance(body, bytes) else json_bytes(body), CONTENT_TYPE, status=status)
    response["Access-Control-Allow-Origin"] = "*"
    return response


@functools.cache
def schema_bytes() -> bytes:
    return SCHEMA.read_bytes()


@method_decorator(login_not_required, name="dispatch")
class OpenDataView(View):
    """Public and read-only: any other method than GET (or HEAD) gets 405."""

    http_method_names = ["get", "head"]

    def schema_url(self, definition: str = "") -> str:
        url = self.request.build_absolute_uri(reverse("overview:open_data_schema"))
        return f"{url}#/$defs/{definition}" if definition else url


class OpenDataIndexView(OpenDataView):
    """The datasets: name, Arabic and French titles, URL, record count and record schema; the
    licence and the page size. One COUNT query per dataset."""

    def get(self, request):
        datasets = []
        for dataset in ALL:
            titles = {}
            for language in LANGUAGES:
                with translation.override(language):
                    titles[f"title_{language}"] = capfirst(str(dataset.model._meta.verbose_name_plural))
            url = reverse("overview:open_data_dataset", args=[dataset.slug])
            datasets.append(
                {
                    "name": dataset.slug,
                    **titles,
                    "url": request.build_absolute_uri(url),
                    "count": dataset.count(),
                    "record_schema": self.schema_url(dataset.definition),
                }
            )
        return json_response(
            {
                "title_ar": TITLES["ar"],
                "title_fr": TITLES["fr"],
                "licence": LICENCE,
                "schema": self.schema_url(),
                "time_zone": settings.TIME_ZONE,
                "currency": "MAD",
                "page_size": PAGE_SIZE,
                "datasets": datasets,
            }
        )


class OpenDataDatasetView(OpenDataView):
    """One page of a dataset, in id order: 404 for an unknown dataset, 400 for an ``after`` that
    is not a record id. Each page's JSON is kept in the shared cache until a record changes."""

    def get(self, request, dataset):
        if dataset not in DATASETS:
            raise Http404
        after = request.GET.get("after", "0")
        if not RECORD_ID.fullmatch(after):
            return json_response({"error": _("“after” is the id of a record: a whole number.")}, status=400)
        key = f"open-data:{request.get_host()}:{dataset}:{int(after)}"
        return json_response(shared_cache.remember(key, lambda: self.page(dataset, int(after))))

    def page(self, dataset: str, after: int) -> bytes:
        """The page's JSON (``json_bytes``)."""
        records, last = DATASETS[dataset].page(after)
        url = self.request.build_absolute_uri(reverse("overview:open_data_dataset", args=[dataset]))
        page = {
            "dataset": dataset,
            "record_schema": self.schema_url(DATASETS[dataset].definition),
            "after": after,
            "next": f"{url}?after={last}" if last is not None else None,
            "records": records,
        }
        return json_bytes(page)


class OpenDataSchemaView(OpenDataView):
    """The JSON Schema (draft 2020-12) of the index, the pages and every dataset's record."""

    def get(self, request):
        return json_response(schema_bytes())
