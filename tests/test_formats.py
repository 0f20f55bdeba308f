"""Moroccan conventions: Arabic month names as used in Morocco, French dates, MAD amounts."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from core.dates import format_day, format_period, format_when
from core.templatetags.portal import mad

MAY_11 = datetime.date(2022, 5, 11)


@pytest.mark.parametrize(
    ("language", "expected"), [("ar", "11 ماي 2022"), ("fr", "11 mai 2022"), ("en", "11 May 2022")]
)
def test_the_meeting_day_in_each_language(language, expected):
    with translation.override(language):
        assert format_day(MAY_11) == expected


def test_moroccan_month_names():
    with translation.override("ar"):
        months = [format_day(datetime.date(2022, month, 1)).split()[1] for month in range(1, 13)]
    assert months == [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "ماي",
        "يونيو",
        "يوليوز",
        "غشت",
        "شتنبر",
        "أكتوبر",
        "نونبر",
        "دجنبر",
    ]


def test_periods_and_times():
    with translation.override("ar"):
        assert format_period(datetime.date(2022, 3, 17), datetime.date(2022, 3, 23)) == "17 مارس 2022 – 23 مارس 2022"
        assert format_period(datetime.date(2022, 3, 1), datetime.date(2022, 3, 31)) == "مارس 2022"
    with translation.override("fr"):
        assert format_period(datetime.date(2022, 3, 1), datetime.date(2022, 3, 31)) == "mars 2022"
        assert (
            format_when(MAY_11, datetime.time(9, 30), datetime.time(12))
            == "11 mai 2022, 09:30–12:00 (\u2066UTC+1\u2069)"
        )
        later = datetime.date(2026, 12, 1)  # Morocco on UTC+00 since 2026-09-20
        assert format_when(later, datetime.time(10)) == "1 décembre 2026, 10:00 (\u2066UTC\u2069)"
        assert format_when(MAY_11) == "11 mai 2022"  # a date without a time is never shown as midnight


def test_amounts_in_mad_with_each_locale_separators():
    # the number is isolated left to right (U+2066 ... U+2069), so Arabic pages keep its groups in order
    with translation.override("fr"):
        assert mad(Decimal("1250000.50")) == "\u20661\u00a0250\u00a0000,50\u2069 MAD"
    with translation.override("en"):
        assert mad(Decimal("1250000.50")) == "\u20661,250,000.50\u2069 MAD"
    with translation.override("ar"):
        assert mad(Decimal("1250000.50")) == "\u20661\u00a0250\u00a0000,50\u2069 درهم"
    assert mad(None) == ""
