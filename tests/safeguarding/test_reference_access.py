"""Coming back without an account: the reference and secret phrase open the report's status,
the officers' replies and a form to add more. Every failure gets the same answer, and the page
is rate limited (per address and per reference)."""

from django.urls import reverse

import pytest

from safeguarding.models import ConfidentialReport, ReportAddition
from safeguarding.reporting_views import NOT_FOUND
from tests.safeguarding.reporting_helpers import SECRET_TEXT, report_made

pytestmark = pytest.mark.django_db

CHECK = "safeguarding:report_check"


def _reply(report, text: str):
    """An officer's reply, through D's service when it is there, else the model."""
    try:
        from safeguarding.models import ReporterReply
    except ImportError:  # pragma: no cover - the officers' side not yet installed
        pytest.skip("No replies model yet")
    return ReporterReply.objects.create(report=report, text=text)


def _open(client, reference: str, phrase: str):
    return client.post(reverse(CHECK), {"reference": reference, "phrase": phrase})


def test_the_reference_and_phrase_open_the_report_with_its_replies(client):
    made = report_made()
    _reply(made.report, "Thank you. We have spoken to the police.")
    response = _open(client, made.report.reference_display, made.phrase)
    assert response["Location"] == reverse("safeguarding:report_status")
    page = client.get(reverse("safeguarding:report_status"))
    assert b"Received" in page.content
    assert b"We have spoken to the police." in page.content
    # The reporter's own words are not shown back (a shared screen): only the status and replies.
    assert SECRET_TEXT.encode() not in page.content


def test_typing_is_forgiving(client):
    made = report_made()
    reference = made.report.reference.lower()
    phrase = "  " + made.phrase.upper().replace(" ", "-") + " "
    response = _open(client, f"{reference[:4]}-{reference[4:]}", phrase)
    assert response.status_code == 302


@pytest.mark.parametrize("which", ["reference", "phrase", "both"])
def test_every_failure_gets_the_same_answer(client, which):
    made = report_made()
    reference = "ZZZZ ZZZZ" if which in ("reference", "both") else made.report.reference
    phrase = "wrong words here now" if which in ("phrase", "both") else made.phrase
    response = _open(client, reference, phrase)
    assert response.status_code == 200
    assert str(NOT_FOUND).encode().replace(b"'", b"&#x27;") in response.content
    assert client.get(reverse("safeguarding:report_status")).status_code == 302


def test_the_rate_limit_gives_the_same_answer_even_for_the_right_phrase(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "safeguarding_check": "3/h"}
    made = report_made()
    for _ in range(3):
        _open(client, made.report.reference, "wrong words here now")
    response = _open(client, made.report.reference, made.phrase)
    assert response.status_code == 200
    assert str(NOT_FOUND).encode().replace(b"'", b"&#x27;") in response.content


def test_guessing_one_reference_from_many_addresses_is_limited(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "safeguarding_check_reference": "2/h"}
    made = report_made()
    for number in range(2):
        client.post(
            reverse(CHECK),
            {"reference": made.report.reference, "phrase": "wrong"},
            REMOTE_ADDR=f"10.0.0.{number}",
        )
    response = client.post(
        reverse(CHECK),
        {"reference": made.report.reference, "phrase": made.phrase},
        REMOTE_ADDR="10.0.0.9",
    )
    assert response.status_code == 200


def test_the_reporter_adds_information(client):
    made = report_made()
    _open(client, made.report.reference, made.phrase)
    response = client.post(
        reverse("safeguarding:report_status"), {"text": "He came back last night."}
    )
    assert response.status_code == 302
    addition = ReportAddition.objects.get()
    assert addition.report == made.report and addition.text == "He came back last night."
    page = client.get(reverse("safeguarding:report_status"))
    assert b"He came back last night." in page.content


def test_adding_nothing_gets_a_message_by_the_field(client):
    made = report_made()
    _open(client, made.report.reference, made.phrase)
    response = client.post(reverse("safeguarding:report_status"), {"text": ""})
    assert b"Write what you want to add." in response.content
    assert not ReportAddition.objects.exists()


def test_closing_the_report_on_this_device(client):
    made = report_made()
    _open(client, made.report.reference, made.phrase)
    client.post(reverse("safeguarding:report_close"))
    assert client.get(reverse("safeguarding:report_status")).status_code == 302


def test_the_phrase_is_stored_only_as_a_password_hash():
    made = report_made()
    report = ConfidentialReport.objects.get(pk=made.report.pk)
    assert made.phrase not in report.phrase_hash
    assert report.phrase_hash.count("$") >= 2
    assert len(made.phrase.split()) == 4
    assert len(report.reference) == 8


def test_reference_pages_are_no_store(client):
    made = report_made()
    responses = [client.get(reverse(CHECK)), _open(client, made.report.reference, made.phrase)]
    responses.append(client.get(reverse("safeguarding:report_status")))
    for response in responses:
        assert "no-store" in response["Cache-Control"]
        assert "noindex" in response["X-Robots-Tag"]
