"""Issue 17: each person is told in their own language, on the site and by email, whatever the
language of the person whose action sent it (a Housing Officer who reads Urdu, an editor in
English). The real Polish catalogue is compiled into a temporary folder for these tests."""

import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.core import mail
from django.utils import translation

import pytest

from notifications.models import Notification, NotificationKind
from notifications.texts import notice_text
from tests.factories.users import UserFactory
from training.users import roles
from voice.telling import people_tell_once

pytestmark = pytest.mark.django_db

SITE_ROOT = Path(settings.BASE_DIR)


@pytest.fixture
def polish(settings, tmp_path):
    """Polish as the site has it (locale/pl compiled with msgfmt into a temporary folder)."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("needs msgfmt (Debian's gettext), as `make compilemessages` does")
    folder = tmp_path / "locale" / "pl" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    subprocess.run(
        [
            msgfmt,
            "-o",
            str(folder / "django.mo"),
            str(SITE_ROOT / "locale" / "pl" / "LC_MESSAGES" / "django.po"),
        ],
        check=True,
    )
    # Changing LOCALE_PATHS makes Django load the catalogues afresh (django.test.signals).
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    yield
    translation.deactivate()


def in_polish(message: str, **values) -> str:
    with translation.override("pl"):
        text = translation.gettext(message) % values
    assert text != message % values, f"no Polish for {message!r}: the test would prove nothing"
    return text


def emails_to(person) -> list:
    return [email for email in mail.outbox if email.to == [person.email]]


def test_one_notice_is_written_for_each_person_in_their_language(
    polish, django_capture_on_commit_callbacks
):
    """The loop of voice/telling.py: one text, read once per person in their language."""
    pola = UserFactory(preferred_language="pl", display_name="Pola")
    emma = UserFactory(preferred_language="en-gb", display_name="Emma")
    told = set()
    subject = notice_text(
        lambda: translation.gettext("You said, we did: %(title)s") % {"title": "Light"}
    )
    with django_capture_on_commit_callbacks(execute=True), translation.override("ur"):
        # The sender reads Urdu: neither recipient gets Urdu.
        count = people_tell_once(
            people=[pola, emma],
            told_record=told.add,
            kind=NotificationKind.IMPROVEMENT,
            subject=subject,
            body=translation.gettext_lazy("Back to your account"),
            url="/",
            dedupe_prefix="test",
        )
    assert count == 2
    polish_subject = in_polish("You said, we did: %(title)s", title="Light")
    stored = {n.recipient_id: n for n in Notification.objects.all()}
    assert stored[pola.pk].subject == polish_subject
    assert stored[emma.pk].subject == "You said, we did: Light"
    assert stored[pola.pk].body == in_polish("Back to your account")
    assert stored[emma.pk].body == "Back to your account"
    assert {n.kind for n in stored.values()} == {NotificationKind.IMPROVEMENT}

    [to_pola] = emails_to(pola)
    [to_emma] = emails_to(emma)
    assert to_pola.subject == polish_subject
    assert in_polish("Hello %(name)s,", name="Pola") in to_pola.body
    assert to_emma.subject == "You said, we did: Light"
    assert "Hello Emma," in to_emma.body


def test_an_improvement_tells_a_polish_and_an_english_reporter_each_in_their_own(
    polish, client, elm, django_capture_on_commit_callbacks
):
    from tests.voice.test_improvements import improvement_add, report_add
    from voice.improvements_services import improvements_index_ensure

    pola = UserFactory(preferred_language="pl", display_name="Pola")
    emma = UserFactory(preferred_language="en-gb", display_name="Emma")
    report = report_add(neighbourhood=elm, reporter=pola, affected=[emma])
    editor = UserFactory(role=roles.COURSE_EDITOR, preferred_language="ur")
    with django_capture_on_commit_callbacks(execute=True), translation.override("ur"):
        page = improvement_add(
            improvements_index_ensure(), neighbourhood=elm, reports=[report], user=editor
        )

    polish_subject = in_polish("You said, we did: %(title)s", title=page.title)
    english_subject = f"You said, we did: {page.title}"
    told = Notification.objects.filter(kind=NotificationKind.IMPROVEMENT)
    assert told.get(recipient=pola).subject == polish_subject
    assert told.get(recipient=emma).subject == english_subject
    assert told.get(recipient=emma).body.startswith("You reported a problem in")
    assert not told.get(recipient=pola).body.startswith("You reported a problem in")
    assert [e.subject for e in emails_to(pola)] == [polish_subject]
    assert [e.subject for e in emails_to(emma)] == [english_subject]

    # On the site: each sees their own words on their messages page.
    client.force_login(pola)
    assert polish_subject in client.get("/account/notifications/").content.decode()
    client.force_login(emma)
    assert english_subject in client.get("/account/notifications/").content.decode()


def test_a_consultation_decision_is_told_in_each_persons_language(
    polish, elm, django_capture_on_commit_callbacks
):
    from tests.voice.test_consultations import close, consultation_add, full, tenant_of
    from voice.consultations_services import consultation_answer

    page = consultation_add(elm)
    pola = tenant_of(elm, 1, preferred_language="pl")
    emma = tenant_of(elm, 2, preferred_language="en-gb")
    for person in (pola, emma):
        consultation_answer(consultation=page, person=person, answers=full(page), finish=True)
    close(page)
    page.decision = "<p>Benches by the play area.</p>"
    with django_capture_on_commit_callbacks(execute=True), translation.override("ur"):
        page.save_revision().publish()

    told = Notification.objects.filter(kind=NotificationKind.CONSULTATION_DECISION)
    polish_subject = in_polish("What we decided: %(title)s", title=page.title)
    assert told.get(recipient=pola).subject == polish_subject
    assert told.get(recipient=emma).subject == f"What we decided: {page.title}"
    assert [e.subject for e in emails_to(pola)] == [polish_subject]
    assert [e.subject for e in emails_to(emma)] == [f"What we decided: {page.title}"]


def test_a_report_status_change_is_told_in_each_persons_language(
    polish, elm, elm_officer, django_capture_on_commit_callbacks
):
    from tests.voice.test_improvements import report_add
    from voice.models import ReportStatus
    from voice.reports_services import report_status_change

    pola = UserFactory(preferred_language="pl")
    emma = UserFactory(preferred_language="en-gb")
    report = report_add(neighbourhood=elm, reporter=pola, affected=[emma])
    with django_capture_on_commit_callbacks(execute=True), translation.override("ur"):
        report_status_change(report=report, by=elm_officer, status=ReportStatus.ACKNOWLEDGED)

    told = Notification.objects.filter(kind=NotificationKind.REPORT_UPDATE)
    english = told.get(recipient=emma)
    assert english.subject.startswith("Your report about ")
    assert english.body.startswith(f"The problem reported in {elm.name} is now:")
    polish_told = told.get(recipient=pola)
    with translation.override("pl"):
        category = str(report.get_category_display()).lower()
        status = str(ReportStatus.ACKNOWLEDGED.label).lower()
    wanted = in_polish(
        "Your report about %(category)s: %(status)s", category=category, status=status
    )
    assert polish_told.subject == wanted
    assert not polish_told.body.startswith("The problem reported in")
    assert [e.subject for e in emails_to(pola)] == [polish_told.subject]
    assert [e.subject for e in emails_to(emma)] == [english.subject]


def test_a_champion_is_told_their_role_ended_in_their_language(
    polish, centre, django_capture_on_commit_callbacks
):
    from champions.models import ChampionRole
    from champions.services import champion_end

    champion = UserFactory(role=roles.DIGITAL_CHAMPION, preferred_language="pl")
    manager = UserFactory(role=roles.MANAGER, preferred_language="en-gb")
    role = ChampionRole.objects.create(person=champion, centre=centre)
    with django_capture_on_commit_callbacks(execute=True):
        champion_end(role=role, by=manager, reason="Zamykamy centrum.")

    told = Notification.objects.get(recipient=champion)
    assert told.kind == NotificationKind.CHAMPION_DECISION
    assert told.subject == in_polish("Your Digital Champion role has ended")
    assert "Zamykamy centrum." in told.body
    assert not told.body.startswith("A Manager ended")
    assert [e.subject for e in emails_to(champion)] == [told.subject]
