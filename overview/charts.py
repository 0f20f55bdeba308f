"""Bar charts drawn on the server as SVG (no chart library, no CDN), mirrored for right-to-left pages."""

from django.utils.translation import get_language_bidi

WIDTH, ROW, LABEL = 640, 30, 300  # SVG units: total width, row height, label column
VALUE_ROOM = 110  # room left beside the longest bar for its value, e.g. "12 500 000,50" at 12 px


def bar_chart(rows: list[tuple[str, float, object]]) -> dict:
    """Layout of a horizontal bar chart: one bar per (label, value, shown value) row.

    Bars are proportional to the largest value; in Arabic the labels stand on the right and the
    bars grow leftwards. Returns the SVG size and, per row, the label and bar coordinates.
    """
    rtl = get_language_bidi()
    top = max((value for _label, value, _shown in rows), default=0) or 1
    span = WIDTH - LABEL - VALUE_ROOM
    bars = []
    for index, (label, value, shown) in enumerate(rows):
        length = span * value / top
        y = index * ROW
        if rtl:
            bar_x, label_x, value_x = WIDTH - LABEL - length, WIDTH - 4, WIDTH - LABEL - length - 6
        else:
            bar_x, label_x, value_x = LABEL, LABEL - 8, LABEL + length + 6
        bars.append({
            "label": label, "shown": shown, "y": y, "text_y": y + ROW * 0.62,
            "bar_x": round(bar_x, 1), "length": round(length, 1), "label_x": label_x, "value_x": round(value_x, 1),
        })  # fmt: skip
    return {"width": WIDTH, "height": max(len(rows), 1) * ROW, "bars": bars, "rtl": rtl, "bar_height": ROW - 10}
