"""Dates read the same way on every page: day first, the month in words."""

from datetime import date

from django.template import Context, Template


def test_a_plain_date_reads_day_month_year():
    rendered = Template("{{ d|date }} · {{ d|date:'SHORT_DATE_FORMAT' }}").render(
        Context({"d": date(2026, 11, 25)})
    )
    assert rendered == "25 November 2026 · 25 Nov 2026"
