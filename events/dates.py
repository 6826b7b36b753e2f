"""Dates and times the way DESIGN.md asks: “Saturday 5 December 2026, 2pm to 4:30pm”."""

from datetime import datetime

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _


def time_text(moment: datetime) -> str:
    """“2pm”, “2:30pm”, “12pm” (noon), “12am” (midnight)."""
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes}{'am' if moment.hour < 12 else 'pm'}"


def day_text(moment: datetime) -> str:
    return date_format(moment, "l j F Y")


def when_text(starts_at: datetime, ends_at: datetime) -> str:
    start, end = localtime(starts_at), localtime(ends_at)
    if start.date() == end.date():
        return _("%(day)s, %(start)s to %(end)s") % {
            "day": day_text(start),
            "start": time_text(start),
            "end": time_text(end),
        }
    return _("%(start_day)s, %(start)s to %(end_day)s, %(end)s") % {
        "start_day": day_text(start),
        "start": time_text(start),
        "end_day": day_text(end),
        "end": time_text(end),
    }
