"""An event as an iCalendar file (RFC 5545), so people can add it to their phone's calendar.

Written by hand because it is small: lines end in CRLF; text values escape backslash,
semicolon, comma and newlines (3.3.11); lines longer than 75 octets are folded with CRLF and a
space, never inside a UTF-8 character (3.1); times are in UTC (``...Z``).
"""

from datetime import UTC, datetime

from django.utils import timezone

CRLF = "\r\n"
LINE_OCTETS = 75


def ical_escape(text: str) -> str:
    """Escape a TEXT value: backslash, semicolon and comma get a backslash before them, and a
    newline becomes ``\\n``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def ical_fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets, continuation lines starting with
    a space, without splitting a UTF-8 character."""
    pieces: list[str] = []
    current, size = "", 0
    limit = LINE_OCTETS
    for character in line:
        width = len(character.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            # The leading space of a continuation line counts towards its 75 octets.
            current, size, limit = " ", 1, LINE_OCTETS
        current += character
        size += width
    pieces.append(current)
    return CRLF.join(pieces)


def ical_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def event_ical(*, event, url: str, host: str, now: datetime | None = None) -> str:
    """The whole ``.ics`` file for one event. ``url`` is the event page's full address and
    ``host`` the site's domain, which makes the UID unique across sites."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Homes on the Net//Events//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:event-{event.pk}@{host}",
        f"DTSTAMP:{ical_time(now or timezone.now())}",
        f"DTSTART:{ical_time(event.starts_at)}",
        f"DTEND:{ical_time(event.ends_at)}",
        f"SUMMARY:{ical_escape(event.title)}",
        f"DESCRIPTION:{ical_escape(event.description + chr(10) + chr(10) + url)}",
        f"LOCATION:{ical_escape(event.location_text)}",
        f"URL:{url}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(ical_fold(line) + CRLF for line in lines)
