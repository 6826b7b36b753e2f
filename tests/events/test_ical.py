"""“Add to calendar”: the .ics file, parsed back and checked against RFC 5545."""

from datetime import UTC, datetime

import pytest

from events.ical import ical_escape, ical_fold
from tests.factories.events import EventFactory
from tests.factories.places import CommunityCentreFactory


def unfold(text: str) -> list[str]:
    """RFC 5545 3.1: a CRLF followed by one space or tab continues the previous line."""
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", ""), "bare newlines are not allowed"
    return text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")[:-1]


def unescape(value: str) -> str:
    out, index = [], 0
    while index < len(value):
        if value[index] == "\\":
            following = value[index + 1]
            out.append("\n" if following in "nN" else following)
            index += 2
        else:
            out.append(value[index])
            index += 1
    return "".join(out)


def properties(text: str) -> dict[str, str]:
    return dict(line.split(":", 1) for line in unfold(text))


def test_escaping_covers_backslash_semicolon_comma_and_newlines():
    assert ical_escape("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf"


def test_folding_keeps_lines_within_75_octets_and_never_splits_a_character():
    line = "DESCRIPTION:" + "Café – é ü 😀 " * 20
    folded = ical_fold(line)
    physical = folded.split("\r\n")
    assert len(physical) > 1
    assert all(len(part.encode("utf-8")) <= 75 for part in physical)
    assert all(part.startswith(" ") for part in physical[1:])
    assert folded.replace("\r\n ", "") == line


@pytest.mark.django_db
def test_the_download_is_a_valid_calendar_file_with_the_event(client, settings):
    settings.SITE_URL = "https://learn.example.org"
    centre = CommunityCentreFactory(
        name="Elm Court Community Centre", address="1 Elm Court\nLondon", postcode="N1 8ZZ"
    )
    event = EventFactory(
        title="Coffee, cake; and computers",
        description="Bring your phone\\tablet.\nAsk anything, really; " + "we help. " * 12,
        centre=centre,
        starts_at=datetime(2027, 6, 3, 13, 0, tzinfo=UTC),
        ends_at=datetime(2027, 6, 3, 15, 30, tzinfo=UTC),
    )

    response = client.get(f"/events/{event.pk}/calendar.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="event-{event.pk}.ics"'
    text = response.content.decode("utf-8")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    assert any(line.startswith(" ") for line in text.split("\r\n")), "long lines are folded"
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert lines.index("BEGIN:VEVENT") < lines.index("END:VEVENT")
    found = properties(text)
    assert found["VERSION"] == "2.0"
    assert found["PRODID"]
    assert found["UID"] == f"event-{event.pk}@learn.example.org"
    assert found["DTSTAMP"].endswith("Z") and len(found["DTSTAMP"]) == 16
    assert found["DTSTART"] == "20270603T130000Z"
    assert found["DTEND"] == "20270603T153000Z"
    assert found["SUMMARY"] == "Coffee\\, cake\\; and computers"
    assert unescape(found["SUMMARY"]) == event.title
    assert unescape(found["DESCRIPTION"]).startswith(event.description + "\n\n")
    assert unescape(found["LOCATION"]) == "Elm Court Community Centre, 1 Elm Court, London, N1 8ZZ"
    assert found["URL"] == f"https://learn.example.org/events/{event.pk}/"


@pytest.mark.django_db
def test_without_a_site_url_the_address_comes_from_the_request(client, settings):
    settings.SITE_URL = ""
    event = EventFactory()
    found = properties(client.get(f"/events/{event.pk}/calendar.ics").content.decode())
    assert found["URL"] == f"http://testserver/events/{event.pk}/"
    assert found["UID"] == f"event-{event.pk}@testserver"


@pytest.mark.django_db
def test_hidden_events_have_no_calendar_file(client):
    event = EventFactory(is_published=False)
    assert client.get(f"/events/{event.pk}/calendar.ics").status_code == 404
