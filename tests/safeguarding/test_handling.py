"""Case handling: notes, referrals, replies and status changes, on the case page and in the
services; what reaches the database (encrypted), the outbox (no content) and the reporter."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

import pytest

from notifications.models import OutgoingEmail
from safeguarding import handling_services as services
from safeguarding.handling_selectors import report_replies_for_reporter, reports_for_officers
from safeguarding.models import AccessLogEntry, Status
from tests.factories.users import UserFactory
from tests.safeguarding.cases import DESCRIPTION, case_make
from training.users import roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(db):
    return UserFactory(role=roles.SAFEGUARDING_OFFICER)


def _raw(table: str, column: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table}")  # noqa: S608 - our own names
        return [row[0] for row in cursor.fetchall()]


def test_notes_referrals_and_replies_are_encrypted_at_rest(officer):
    report = case_make()
    services.case_note_add(report=report, by=officer, text="Spoke to the caretaker on Monday.")
    services.referral_add(
        report=report,
        by=officer,
        agency="police",
        referred_to="PC Example, neighbourhood team",
        referred_on=timezone.localdate(),
        their_reference="CR-0001",
    )
    services.reporter_reply_send(report=report, by=officer, text="We have passed this on.")
    raw = [
        *_raw("safeguarding_casenote", "text"),
        *_raw("safeguarding_referral", "referred_to"),
        *_raw("safeguarding_referral", "their_reference"),
        *_raw("safeguarding_reporterreply", "text"),
    ]
    assert len(raw) == 4
    for value in raw:
        for plain in ("caretaker", "PC Example", "CR-0001", "passed this on"):
            assert plain not in value
    assert report.case_notes.get().text == "Spoke to the caretaker on Monday."


def test_a_referral_moves_the_report_to_referred_and_is_logged(officer):
    report = case_make()
    services.referral_add(
        report=report,
        by=officer,
        agency="council",
        referred_to="Community safety team",
        referred_on=timezone.localdate(),
    )
    report.refresh_from_db()
    assert report.status == Status.REFERRED
    assert [(c.from_status, c.to_status) for c in report.status_changes.all()] == [
        ("received", "assessed"),
        ("assessed", "referred"),
    ]
    details = list(AccessLogEntry.objects.order_by("pk").values_list("action", "detail"))
    assert ("change", "referral to council") in details
    assert all("Community safety" not in detail for _action, detail in details)


def test_a_referral_in_the_future_is_refused(officer):
    with pytest.raises(ValidationError):
        services.referral_add(
            report=case_make(),
            by=officer,
            agency="police",
            referred_to="Someone",
            referred_on=timezone.localdate() + timedelta(days=1),
        )


def test_the_status_moves_only_forward_and_closes_with_an_outcome(officer):
    report = case_make()
    with pytest.raises(ValidationError):  # received cannot jump to referred
        services.report_status_change(report=report, by=officer, status=Status.REFERRED)
    services.report_status_change(report=report, by=officer, status=Status.ASSESSED)
    with pytest.raises(ValidationError):  # no referral recorded
        services.report_status_change(report=report, by=officer, status=Status.REFERRED)
    with pytest.raises(ValidationError):  # no outcome
        services.report_status_change(report=report, by=officer, status=Status.CLOSED)
    services.report_status_change(
        report=report, by=officer, status=Status.CLOSED, outcome="resolved"
    )
    report.refresh_from_db()
    assert (report.status, report.outcome) == (Status.CLOSED, "resolved")
    assert report.closed_at is not None
    services.report_status_change(report=report, by=officer, status=Status.ASSESSED)
    report.refresh_from_db()
    assert (report.status, report.outcome, report.closed_at) == (Status.ASSESSED, "", None)
    assert report.description == DESCRIPTION  # the encrypted text was never written again


def test_a_reply_is_emailed_as_a_notice_without_its_text(
    officer, django_capture_on_commit_callbacks
):
    report = case_make(contact_preference="email", contact_email="reporter@example.org")
    with django_capture_on_commit_callbacks(execute=False):
        reply = services.reporter_reply_send(
            report=report, by=officer, text="We have spoken to the police for you."
        )
    assert reply.emailed_at is not None
    email = OutgoingEmail.objects.get()
    assert email.to == ["reporter@example.org"]
    assert report.reference_display in email.body
    assert "/confidential-report/reference/" in email.body
    assert "spoken to the police" not in email.body + email.subject
    assert DESCRIPTION not in email.body


def test_without_an_email_address_the_reply_waits_at_the_reference_page(officer):
    report = case_make(contact_preference="none")
    services.reporter_reply_send(report=report, by=officer, text="Thank you for telling us.")
    assert not OutgoingEmail.objects.exists()
    replies = report_replies_for_reporter(report=report)
    assert [reply.text for reply in replies] == ["Thank you for telling us."]
    assert not hasattr(replies[0], "author")


def test_open_urgent_reports_come_first_then_the_newest():
    old_urgent = case_make(urgent=True, created_at=timezone.now() - timedelta(days=5))
    closed_urgent = case_make(
        urgent=True, status="closed", outcome="resolved", closed_at=timezone.now()
    )
    newest = case_make()
    older = case_make(created_at=timezone.now() - timedelta(days=2))
    assert list(reports_for_officers()) == [old_urgent, newest, closed_urgent, older]
    assert list(reports_for_officers(status="closed")) == [closed_urgent]


# --- The case page ---------------------------------------------------------------------------


def test_the_officer_adds_a_note_on_the_case_page(client, officer):
    report = case_make()
    client.force_login(officer)
    page = client.get(f"/safeguarding/cases/{report.pk}/")
    assert DESCRIPTION in page.content.decode()
    response = client.post(
        f"/safeguarding/cases/{report.pk}/", {"form": "note", "note-text": "Called back."}
    )
    assert response.status_code == 302
    assert report.case_notes.get().text == "Called back."
    assert "Called back." in client.get(response["Location"]).content.decode()


def test_a_mistake_is_shown_by_the_field_and_what_was_typed_kept(client, officer):
    report = case_make()
    client.force_login(officer)
    response = client.post(
        f"/safeguarding/cases/{report.pk}/",
        {
            "form": "referral",
            "referral-agency": "police",
            "referral-referred_to": "",
            "referral-referred_on": "2026-01-05",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Say who it went to." in html
    assert 'value="2026-01-05"' in html
    assert not report.referrals.exists()


def test_closing_without_an_outcome_is_refused_on_the_page(client, officer):
    report = case_make(status="assessed")
    client.force_login(officer)
    response = client.post(
        f"/safeguarding/cases/{report.pk}/", {"form": "status", "status-status": "closed"}
    )
    assert response.status_code == 200
    assert "Choose the outcome to close the report." in response.content.decode()
    report.refresh_from_db()
    assert report.status == "assessed"


def test_the_export_has_no_content_and_is_logged(client, officer):
    case_make(contact_email="someone@example.org", where="Block C stairs")
    client.force_login(officer)
    response = client.get("/safeguarding/cases/export.csv")
    text = response.content.decode("utf-8-sig")
    assert "Race" in text
    for secret in (DESCRIPTION, "someone@example.org", "Block C"):
        assert secret not in text
    entry = AccessLogEntry.objects.get(action="export")
    assert entry.detail.startswith("1 reports")
    assert entry.person_id == officer.pk
