"""The pathway: the track's content, applying, a Manager's decision, stepping down and ending."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from wagtail.models import ModelLogEntry

import pytest

from champions import selectors, services
from champions.models import ApplicationStatus, ChampionApplication, ChampionRole
from champions.verbs import CHAMPION_APPROVED, CHAMPION_ENDED, CHAMPION_STEPPED_DOWN
from courses.models import Skill
from notifications.models import Notification
from tests.champions.conftest import track_finish
from tests.factories.places import CommunityCentreFactory
from tests.factories.users import UserFactory
from training.core.models import ActivityEvent
from training.core.verbs import verbs
from training.places.models import StaffAssignment
from training.places.selectors import champion_centre
from training.users import roles

pytestmark = pytest.mark.django_db


def test_the_track_is_three_courses_teaching_the_helping_skills(track):
    assert [course.slug for course in track] == [
        "helping-without-taking-over",
        "keeping-people-safe-when-you-help",
        "recording-help-and-running-a-drop-in",
    ]
    assert sorted(Skill.objects.filter(area__code="HLP").values_list("code", flat=True)) == [
        "HLP-1",
        "HLP-2",
        "HLP-3",
        "HLP-4",
        "HLP-5",
    ]
    taught = {code for course in track for code in course.skills.values_list("code", flat=True)}
    assert taught == {"HLP-1", "HLP-2", "HLP-3", "HLP-4", "HLP-5"}


def test_only_a_learner_who_finished_the_track_may_apply_once(track, learner, centre):
    track_finish(learner=learner, track=track, leave_last=True)
    assert not selectors.track_finished(learner=learner)
    with pytest.raises(ValidationError):
        services.application_make(applicant=learner, centre=centre, note="I like helping.")
    track_finish(learner=learner, track=track)
    assert selectors.track_finished(learner=learner)
    services.application_make(applicant=learner, centre=centre, note="I like helping.")
    with pytest.raises(ValidationError):
        services.application_make(applicant=learner, centre=centre, note="Again.")
    # The database keeps one open application too.
    with pytest.raises(IntegrityError), transaction.atomic():
        ChampionApplication.objects.create(applicant=learner, centre=centre, note="Twice")


def _applied(track, centre, **kwargs):
    learner = UserFactory(**kwargs)
    track_finish(learner=learner, track=track)
    return services.application_make(applicant=learner, centre=centre, note="I help neighbours.")


def test_approval_gives_the_role_and_the_centre_and_tells_the_applicant(track, centre, manager):
    application = _applied(track, centre)
    applicant = application.applicant
    services.application_decide(application=application, by=manager, approve=True, reason="")

    applicant.refresh_from_db()
    assert roles.user_has_role(applicant, roles.DIGITAL_CHAMPION)
    assert applicant.has_perm("courses.record_assisted_progress")
    assert champion_centre(user=applicant) == centre
    assert StaffAssignment.objects.get(person=applicant).assigned_by == manager
    role = selectors.role_current(person=applicant)
    assert role.centre == centre and role.application_id == application.pk
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED and application.decided_by == manager
    told = Notification.objects.get(recipient=applicant)
    assert "Digital Champion" in told.subject and told.url == "/champions/welcome/"
    assert ActivityEvent.objects.filter(actor=applicant, verb=CHAMPION_APPROVED).count() == 1
    assert CHAMPION_APPROVED in verbs.participation_verbs()
    assert ModelLogEntry.objects.filter(action=services.LOG_APPROVED, user=manager).count() == 1


def test_declining_needs_a_reason_and_the_applicant_is_told_it(track, centre, manager):
    application = _applied(track, centre)
    with pytest.raises(ValidationError):
        services.application_decide(application=application, by=manager, approve=False, reason="")
    services.application_decide(
        application=application, by=manager, approve=False, reason="We have enough for now."
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECLINED
    assert (
        "We have enough for now." in Notification.objects.get(recipient=application.applicant).body
    )
    assert not roles.user_has_role(application.applicant, roles.DIGITAL_CHAMPION)
    # Declined: they may ask again.
    services.application_make(applicant=application.applicant, centre=centre, note="Please.")


@pytest.mark.parametrize("who", ["learner", "champion", "editor", "moderator"])
def test_only_managers_decide(track, centre, who, request):
    application = _applied(track, centre)
    with pytest.raises(PermissionDenied):
        services.application_decide(
            application=application, by=request.getfixturevalue(who), approve=True, reason=""
        )


def test_stepping_down_and_ending_are_recorded(track, centre, manager):
    first = _applied(track, centre)
    second = _applied(track, centre)
    for application in (first, second):
        services.application_decide(application=application, by=manager, approve=True, reason="")

    services.champion_step_down(champion=first.applicant, reason="Moving away")
    person = first.applicant
    person.refresh_from_db()
    assert not roles.user_has_role(person, roles.DIGITAL_CHAMPION)
    assert champion_centre(user=person) is None
    assert ActivityEvent.objects.filter(actor=person, verb=CHAMPION_STEPPED_DOWN).exists()
    assert ModelLogEntry.objects.filter(action=services.LOG_STEPPED_DOWN).count() == 1

    role = selectors.role_current(person=second.applicant)
    with pytest.raises(ValidationError):
        services.champion_end(role=role, by=manager, reason="")
    services.champion_end(role=role, by=manager, reason="Not seen for a year")
    role.refresh_from_db()
    assert role.ended_at is not None and role.ended_by == manager
    assert not StaffAssignment.objects.filter(person=second.applicant).exists()
    assert ActivityEvent.objects.filter(actor=second.applicant, verb=CHAMPION_ENDED).exists()
    assert ModelLogEntry.objects.filter(action=services.LOG_ENDED, user=manager).count() == 1
    assert ChampionRole.objects.filter(ended_at__isnull=True).count() == 0


def test_a_champion_cannot_end_another_champions_role(track, centre, manager, champion):
    application = _applied(track, centre)
    services.application_decide(application=application, by=manager, approve=True, reason="")
    with pytest.raises(PermissionDenied):
        services.champion_end(
            role=selectors.role_current(person=application.applicant), by=champion, reason="No"
        )


def test_a_champion_of_one_centre_cannot_act_at_another(track, manager, client):
    home, other = CommunityCentreFactory(), CommunityCentreFactory()
    application = _applied(track, home)
    services.application_decide(application=application, by=manager, approve=True, reason="")
    champion = application.applicant
    theirs = UserFactory(community_centre=home)
    elsewhere = UserFactory(community_centre=other)
    client.force_login(champion)
    lesson = track[0].get_children().live().first()
    for person, expected in ((elsewhere, 404), (theirs, 302)):
        response = client.post(
            f"/champion/learners/{person.pk}/record-lesson/", {"lesson": lesson.pk, "note": ""}
        )
        assert response.status_code == expected
    assert selectors.help_given(champion=champion).learners == 1


def test_an_event_a_champion_adds_counts_as_an_event_run(champion, learner, centre):
    from types import SimpleNamespace

    from champions.wagtail_hooks import champion_event_run
    from tests.factories.events import EventFactory

    event = EventFactory(centre=centre)
    champion_event_run(SimpleNamespace(user=champion), event)
    champion_event_run(SimpleNamespace(user=learner), event)  # not a champion: not counted
    assert selectors.help_given(champion=champion).events == 1
    assert selectors.help_given(champion=learner).events == 0


def test_a_champion_a_manager_assigned_directly_does_not_apply(track, champion, centre, client):
    track_finish(learner=champion, track=track)
    with pytest.raises(ValidationError):
        services.application_make(applicant=champion, centre=centre, note="Me again.")
    client.force_login(champion)
    assert client.get("/champions/apply/")["Location"] == "/champions/"
    assert "You are a Digital Champion already" in client.get("/champions/").content.decode()


def test_the_track_files_export_back_byte_for_byte(track, tmp_path):
    import io

    from django.core.management import call_command

    from tests.champions.conftest import TRACK_FOLDER

    for course in track:
        out = tmp_path / course.slug
        call_command("course_export", course.slug, str(out), stdout=io.StringIO())
        for path in (TRACK_FOLDER / course.slug).iterdir():
            assert (out / path.name).read_bytes() == path.read_bytes(), path.name
