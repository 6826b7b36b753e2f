"""The reporting form: anyone, signed in or not, a few questions a page, answers kept between
steps (encrypted in the session), errors by the field; urgent answers alert the officers with
an email that holds nothing of the report; every page no-store and noindex; nothing of the
content in logs or the activity stream; "My reports", "Download my data" and account deletion."""

import json
import logging

from django.contrib.sessions.models import Session
from django.core import mail
from django.urls import reverse

import pytest

from safeguarding.models import ConfidentialReport, Status
from safeguarding.reporting_views import DRAFT_KEY
from safeguarding.verbs import REPORT_MADE
from tests.factories.places import NeighbourhoodFactory
from tests.factories.users import UserFactory
from tests.safeguarding.reporting_helpers import SECRET_TEXT, report_made
from training.core.models import ActivityEvent
from training.users import roles

pytestmark = pytest.mark.django_db

STEP = "safeguarding:report_step"
ANSWERS = {
    "danger": {"threat_to_life": "no", "happening_now": "no"},
    "what": {"strands": ["race", "anti_social"], "affected": "me"},
    "when-where": {"happened_on": "2026-11-27", "ongoing": "on", "where": "Elm Court car park"},
    "details": {"description": SECRET_TEXT},
    "contact": {"contact_preference": "none"},
}


def _step_url(step: str) -> str:
    return reverse(STEP, kwargs={"step": step})


def _answer_all(client, answers=ANSWERS, **changes):
    for step, data in answers.items():
        response = client.post(_step_url(step), {**data, **changes.get(step, {})})
        assert response.status_code == 302, (step, response.content[:2000])
    return response


def _send(client, **data):
    return client.post(reverse("safeguarding:report_review"), data)


def test_a_visitor_reports_anonymously_step_by_step(client):
    response = client.get(reverse("safeguarding:report_start"))
    assert b"If you are in danger now, call 999" in response.content
    last = _answer_all(client)
    assert last["Location"] == reverse("safeguarding:report_review")
    review = client.get(reverse("safeguarding:report_review"))
    assert SECRET_TEXT.encode() in review.content
    assert b"Elm Court car park" in review.content
    response = _send(client)
    assert response["Location"] == reverse("safeguarding:report_sent")
    report = ConfidentialReport.objects.get()
    assert report.reporter is None
    assert report.status == Status.RECEIVED
    assert set(report.strands) == {"race", "anti_social"}
    assert report.description == SECRET_TEXT
    assert report.ongoing and not report.urgent
    assert str(report.happened_on) == "2026-11-27"
    sent = client.get(reverse("safeguarding:report_sent"))
    assert report.reference_display.encode() in sent.content
    assert b"secret phrase" in sent.content
    # Shown once: a reload goes to the reference page.
    again = client.get(reverse("safeguarding:report_sent"))
    assert again.status_code == 302
    assert not mail.outbox


def test_every_step_shows_the_ways_to_get_help_now(client):
    _answer_all(client)
    for step in ANSWERS:
        content = client.get(_step_url(step)).content
        assert b"call 999" in content
        assert b"101" in content and b"True Vision" in content and b"Crimestoppers" in content


def test_a_missing_answer_gets_a_message_by_the_field_and_keeps_the_rest(client):
    client.post(_step_url("danger"), ANSWERS["danger"])
    response = client.post(_step_url("what"), {"affected": "witness"})
    assert response.status_code == 200
    assert b"Choose at least one thing that happened." in response.content
    assert b'value="witness"' in response.content and b"checked" in response.content


def test_a_later_step_cannot_be_skipped_to(client):
    response = client.get(_step_url("details"))
    assert response["Location"] == _step_url("danger")


def test_answers_come_back_when_you_go_back(client):
    _answer_all(client)
    response = client.get(_step_url("details"))
    assert SECRET_TEXT.encode() in response.content


def test_the_draft_in_the_session_is_encrypted(client):
    _answer_all(client)
    raw = " ".join(session.session_data for session in Session.objects.all())
    assert "Amira" not in raw
    stored = client.session[DRAFT_KEY]
    assert "Amira" not in stored


def test_contact_by_email_needs_a_good_address(client):
    for step in ("danger", "what", "when-where", "details"):
        client.post(_step_url(step), ANSWERS[step])
    response = client.post(
        _step_url("contact"), {"contact_preference": "email", "contact_email": "not an email"}
    )
    assert b"Write the email address like name@example.com." in response.content
    response = client.post(_step_url("contact"), {"contact_preference": "email"})
    assert b"Write your email address" in response.content


def test_urgent_answers_say_call_999_and_alert_the_officers_without_content(
    client, django_capture_on_commit_callbacks
):
    officer = UserFactory(role=roles.SAFEGUARDING_OFFICER, email="officer@example.org")
    UserFactory(role=roles.MANAGER, email="manager@example.org")
    client.post(_step_url("danger"), {"threat_to_life": "yes", "happening_now": "yes"})
    page = client.get(_step_url("what"))
    assert b"Call 999 now" in page.content
    for step in ("what", "when-where", "details", "contact"):
        client.post(_step_url(step), ANSWERS[step])
    with django_capture_on_commit_callbacks(execute=True):
        _send(client)
    report = ConfidentialReport.objects.get()
    assert report.urgent
    assert [message.to for message in mail.outbox] == [[officer.email]]
    message = mail.outbox[0]
    assert message.subject == "An urgent report is waiting"
    for secret in (SECRET_TEXT, "Elm Court", report.reference, report.reference_display):
        assert secret not in message.body
    assert b"Call 999" in client.get(reverse("safeguarding:report_sent")).content


def test_a_neighbourhood_may_be_chosen(client):
    place = NeighbourhoodFactory(name="Riverside")
    _answer_all(client, **{"when-where": {"neighbourhood": str(place.pk)}})
    _send(client)
    assert ConfidentialReport.objects.get().neighbourhood == place


def test_every_page_is_no_store_and_not_indexed(client, learner):
    urls = [reverse("safeguarding:report_start"), _step_url("danger")]
    responses = [client.get(url) for url in urls]
    responses.append(client.get(reverse("safeguarding:report_check")))
    _answer_all(client)
    responses.append(client.get(reverse("safeguarding:report_review")))
    responses.append(_send(client))
    responses.append(client.get(reverse("safeguarding:report_sent")))
    client.force_login(learner)
    responses.append(client.get(reverse("safeguarding:my_reports")))
    for response in responses:
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
        assert "noindex" in response["X-Robots-Tag"]
        assert "X-Page-Cache" not in response


def test_nothing_of_the_content_reaches_the_logs_or_the_activity_stream(client, caplog):
    caplog.set_level(logging.DEBUG)
    _answer_all(client)
    _send(client)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "Amira" not in logged and "Elm Court" not in logged
    events = ActivityEvent.objects.filter(verb=REPORT_MADE)
    assert events.count() == 1
    event = events.get()
    assert event.actor is None and event.object_id in (None, "") and event.context == {}
    assert event.occurred_at.hour * 60 + event.occurred_at.minute in (0, 60)  # the day only


def test_a_signed_in_reporter_may_keep_it_with_their_account(client, learner):
    client.force_login(learner)
    _answer_all(client, contact={"keep_with_account": "yes"})
    _send(client)
    report = ConfidentialReport.objects.get()
    assert report.reporter == learner
    listing = client.get(reverse("safeguarding:my_reports"))
    assert report.reference_display.encode() in listing.content
    detail = client.get(reverse("safeguarding:my_report", kwargs={"pk": report.pk}))
    assert detail.status_code == 200


def test_a_signed_in_reporter_may_stay_anonymous(client, learner):
    client.force_login(learner)
    response = client.post(_step_url("contact"), {"contact_preference": "none"})
    assert response.status_code == 302  # sent back to the first step
    _answer_all(client, contact={"keep_with_account": "no"})
    _send(client)
    assert ConfidentialReport.objects.get().reporter is None
    assert b"no reports" in client.get(reverse("safeguarding:my_reports")).content


def test_someone_else_cannot_open_my_report(client, learner):
    report = report_made(reporter=learner).report
    client.force_login(UserFactory(role=roles.LEARNER))
    response = client.get(reverse("safeguarding:my_report", kwargs={"pk": report.pk}))
    assert response.status_code == 404


def test_download_my_data_includes_my_reports(learner):
    from wagtail import hooks

    from training.users.hooks import DATA_EXPORT_SECTIONS

    report = report_made(reporter=learner).report
    report_made()  # someone else's, anonymous
    sections = {}
    for hook in hooks.get_hooks(DATA_EXPORT_SECTIONS):
        sections.update(hook(person=learner))
    exported = sections["confidential_reports"]
    assert [row["reference"] for row in exported] == [report.reference_display]
    assert exported[0]["description"] == SECRET_TEXT
    json.dumps(exported)  # the download is JSON


def test_deleting_the_account_keeps_the_report_without_the_link(learner):
    from wagtail import hooks

    from training.users.hooks import ACCOUNT_DELETE

    report = report_made(reporter=learner).report
    for hook in hooks.get_hooks(ACCOUNT_DELETE):
        hook(person=learner)
    learner.delete()
    report.refresh_from_db()
    assert report.reporter is None
    assert report.description == SECRET_TEXT


def test_a_photo_goes_through_the_photo_pipeline_into_private_storage(client, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from PIL import Image

    from tests.factories.community import image_bytes

    exif = Image.Exif()
    exif[0x010F] = "Spy Camera Co"  # Make
    photo = SimpleUploadedFile("IMG_home.jpg", image_bytes(exif=exif), content_type="image/jpeg")
    _answer_all(client)
    response = _send(client, photo=photo, photo_description="The writing on the door")
    assert response.status_code == 302
    evidence = ConfidentialReport.objects.get().evidence.get()
    assert evidence.description == "The writing on the door"
    assert evidence.photo.name.startswith("safeguarding/evidence/")
    assert "IMG_home" not in evidence.photo.name
    stored = evidence.photo.storage.path(evidence.photo.name)
    assert stored.startswith(str(settings.PRIVATE_FILES_ROOT))
    with Image.open(stored) as image:
        assert not image.getexif()


def test_a_photo_needs_a_description(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.factories.community import image_bytes

    _answer_all(client)
    photo = SimpleUploadedFile("a.jpg", image_bytes(), content_type="image/jpeg")
    response = _send(client, photo=photo)
    assert response.status_code == 200
    assert b"Say in a few words what the photo shows" in response.content
    assert not ConfidentialReport.objects.exists()


BOUNDARY = {
    "type": "Polygon",
    "coordinates": [[[-0.102, 51.498], [-0.098, 51.498], [-0.098, 51.502], [-0.102, 51.498]]],
}


def _up_to_the_map(client):
    place = NeighbourhoodFactory(name="Mill Lane", boundary=BOUNDARY)
    client.post(_step_url("danger"), ANSWERS["danger"])
    client.post(_step_url("what"), ANSWERS["what"])
    response = client.post(_step_url("when-where"), {"neighbourhood": str(place.pk)})
    assert response["Location"] == _step_url("place")
    return place


def test_a_neighbourhood_with_an_outline_asks_for_a_place_on_it(client):
    _up_to_the_map(client)
    page = client.get(_step_url("place"))
    assert b"place-picker" in page.content
    # Asked as where something happened to someone, not as a repair.
    text = page.content.decode()
    assert "Where did it happen? (optional)" in text
    assert "Where is the problem?" not in text
    assert "Never mark your home" not in text
    outside = client.post(_step_url("place"), {"latitude": "51.600000", "longitude": "-0.100000"})
    assert b"outside" in outside.content
    inside = client.post(_step_url("place"), {"latitude": "51.499000", "longitude": "-0.099000"})
    assert inside["Location"] == _step_url("details")
    client.post(_step_url("details"), ANSWERS["details"])
    client.post(_step_url("contact"), ANSWERS["contact"])
    assert b"A place is marked" in client.get(reverse("safeguarding:report_review")).content
    _send(client)
    report = ConfidentialReport.objects.get()
    assert (str(report.latitude), str(report.longitude)) == ("51.499000", "-0.099000")


def test_a_tap_on_the_outline_without_javascript_marks_the_place(client):
    _up_to_the_map(client)
    response = client.post(_step_url("place"), {"place.x": "150", "place.y": "200"})
    assert response.status_code == 200
    assert b"place-picker" in response.content


def test_the_place_may_be_left_out(client):
    _up_to_the_map(client)
    response = client.post(_step_url("place"), {})
    assert response["Location"] == _step_url("details")


def test_without_an_outline_there_is_no_map_step(client):
    place = NeighbourhoodFactory(name="No Outline", boundary=None)
    client.post(_step_url("danger"), ANSWERS["danger"])
    client.post(_step_url("what"), ANSWERS["what"])
    response = client.post(_step_url("when-where"), {"neighbourhood": str(place.pk)})
    assert response["Location"] == _step_url("details")
    assert client.get(_step_url("place"))["Location"] == _step_url("details")


def test_the_account_page_links_to_my_reports(client, learner):
    client.force_login(learner)
    page = client.get(reverse("users:profile")).content.decode()
    assert reverse("safeguarding:my_reports") in page


def test_my_reports_takes_the_same_queries_for_one_report_or_many(client, learner):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(learner)
    report_made(reporter=learner)
    client.get(reverse("safeguarding:my_reports"))  # the session and user are read once
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("safeguarding:my_reports"))
    for _ in range(3):
        report_made(reporter=learner)
    with CaptureQueriesContext(connection) as many:
        page = client.get(reverse("safeguarding:my_reports"))
    assert page.content.count(b"Status: Received") == 4
    assert len(many) == len(one) <= 6


def test_reports_are_never_in_the_site_search(client):
    from wagtail.search.index import get_indexed_models

    made = report_made()
    assert not any(model._meta.app_label == "safeguarding" for model in get_indexed_models())
    # The page repeats the words searched for: look for another word of the report.
    page = client.get(reverse("courses:search"), {"q": "slurs"}).content.decode()
    assert "Shouted" not in page and "Amira" not in page
    assert made.report.reference_display not in page
