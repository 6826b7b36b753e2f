"""Digital Champion assisted mode: who a champion sees, what they record, and who is refused."""

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from courses.models import CompletionMethod, LessonCompletion, Skill, SkillEvidence, SkillRecord
from courses.progress.champion.forms import NOTE_MAX_LENGTH
from courses.progress.services import lesson_complete, skill_record_observed
from tests.factories.courses import LessonPageFactory
from tests.factories.places import CommunityCentreFactory
from tests.factories.users import UserFactory
from training.users import roles
from training.users.services import assisted_account_create

pytestmark = pytest.mark.django_db

LIST = "/champion/learners/"


def detail(learner) -> str:
    return f"/champion/learners/{learner.pk}/"


def record_lesson(learner) -> str:
    return f"/champion/learners/{learner.pk}/record-lesson/"


def record_skill(learner) -> str:
    return f"/champion/learners/{learner.pk}/record-skill/"


@pytest.fixture
def pat(champion):
    """A learner at the champion's community centre."""
    return UserFactory(display_name="Pat Smith", community_centre=champion.community_centre)


@pytest.fixture
def stranger(db):
    """A learner at another centre, whom the champion has never helped."""
    return UserFactory(display_name="Sam Stranger", community_centre=CommunityCentreFactory())


@pytest.fixture
def other_champion(db):
    return UserFactory(
        role=roles.DIGITAL_CHAMPION, display_name="Alex", community_centre=CommunityCentreFactory()
    )


# --- The permission -------------------------------------------------------------------------------


def test_only_digital_champions_hold_the_permission(role_users):
    permission = Permission.objects.get(codename="record_assisted_progress")
    assert list(Group.objects.filter(permissions=permission).values_list("name", flat=True)) == [
        roles.DIGITAL_CHAMPION
    ]
    for role, user in role_users.items():
        assert user.has_perm("courses.record_assisted_progress") == (role == roles.DIGITAL_CHAMPION)


@pytest.mark.parametrize(
    "role",
    [
        roles.LEARNER,
        roles.COURSE_EDITOR,
        roles.MODERATOR,
        roles.SAFEGUARDING_OFFICER,
        roles.MANAGER,
    ],
)
@pytest.mark.parametrize("page", ["list", "detail", "lesson", "skill"])
def test_every_other_role_is_refused(client, role_users, pat, lessons, role, page):
    client.force_login(role_users[role])
    url = {
        "list": LIST,
        "detail": detail(pat),
        "lesson": record_lesson(pat),
        "skill": record_skill(pat),
    }[page]

    assert client.get(url).status_code == 403
    if page in ("lesson", "skill"):
        response = client.post(url, {"lesson": lessons[0].pk, "skill": 1, "note": "x"})
        assert response.status_code == 403
    assert not LessonCompletion.objects.exists()
    assert not SkillRecord.objects.exists()


def test_visitors_who_are_not_signed_in_are_sent_to_sign_in(client, pat):
    response = client.get(detail(pat))
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")


# --- Who a champion sees --------------------------------------------------------------------------


def test_a_champion_sees_their_centre_and_those_they_helped_and_nobody_else(
    client, champion, pat, stranger, lessons
):
    made = assisted_account_create(champion=champion, display_name="Made By Me").user
    helped_lesson = UserFactory(display_name="Helped Lesson", community_centre=None)
    lesson_complete(learner=helped_lesson, lesson=lessons[0], helper=champion)
    helped_skill = UserFactory(display_name="Helped Skill", community_centre=None)
    skill_record_observed(learner=helped_skill, skill=Skill.objects.first(), helper=champion)
    UserFactory(
        display_name="Gone Away", community_centre=champion.community_centre, is_active=False
    )
    client.force_login(champion)

    response = client.get(LIST)

    names = [person.name for person in response.context["page"].object_list]
    assert sorted(names) == sorted(["Pat Smith", made.name, "Helped Lesson", "Helped Skill"]), (
        "the champion themself, inactive people and strangers are not listed"
    )
    html = response.content.decode()
    assert "Sam Stranger" not in html
    assert "Learners I help" in html


def test_a_champion_finds_a_learner_by_name_or_username(client, champion, pat):
    UserFactory(
        display_name="",
        first_name="Jo",
        last_name="Bloggs",
        username="jb1",
        community_centre=champion.community_centre,
    )
    client.force_login(champion)

    def found(query: str) -> list[str]:
        response = client.get(LIST, {"q": query})
        return [person.username for person in response.context["page"].object_list]

    assert found("pat") == [pat.username]
    assert found("SMITH") == [pat.username]
    assert found(pat.username) == [pat.username]
    assert found("bloggs") == ["jb1"]
    assert found("Jo Bloggs") == ["jb1"]
    assert found("nobody-like-this") == []
    assert "Nobody matched" in client.get(LIST, {"q": "nobody-like-this"}).content.decode()


def test_a_search_never_reaches_beyond_the_champions_learners(client, champion, stranger):
    client.force_login(champion)
    response = client.get(LIST, {"q": "Stranger"})
    assert list(response.context["page"].object_list) == []


@pytest.mark.parametrize("page", [detail, record_lesson, record_skill])
def test_a_learner_outside_the_champions_scope_is_not_found(client, champion, stranger, page):
    client.force_login(champion)
    assert client.get(page(stranger)).status_code == 404


def test_a_champion_of_another_centre_cannot_see_or_change_progress(
    client, other_champion, pat, lessons
):
    client.force_login(other_champion)

    assert client.get(detail(pat)).status_code == 404
    response = client.post(record_lesson(pat), {"lesson": lessons[0].pk, "note": ""})
    assert response.status_code == 404
    skill = Skill.objects.first()
    assert client.post(record_skill(pat), {"skill": skill.pk}).status_code == 404
    assert not LessonCompletion.objects.filter(learner=pat).exists()
    assert not SkillRecord.objects.filter(learner=pat).exists()


# --- Seeing progress ------------------------------------------------------------------------------


def test_the_learner_page_shows_progress_and_who_made_each_record(client, champion, pat, lessons):
    champion.display_name = "Sam"
    champion.save()
    lesson_complete(learner=pat, lesson=lessons[0])
    lesson_complete(
        learner=pat,
        lesson=lessons[2],
        method=CompletionMethod.CHAMPION,
        helper=champion,
        note="Changed it on the centre tablet",
    )
    skill = Skill.objects.get(code="COM-2")
    skill_record_observed(learner=pat, skill=skill, helper=champion, note="Video call to her son")
    client.force_login(champion)

    response = client.get(detail(pat))

    html = response.content.decode()
    course = response.context["progress"].courses[0]
    assert (course.lessons_done, course.lessons_total) == (2, 3)
    assert "2 of 3 lessons done" in html
    assert '<progress id="course-' in html
    day = LessonCompletion.objects.get(learner=pat, lesson=lessons[2]).completed_at
    assert f"Recorded by Sam on {day:%-d %B %Y}" in html
    assert html.count("Recorded by Sam on") == 2  # the lesson and the skill
    assert "Changed it on the centre tablet" in html
    assert "Video call to her son" in html
    assert "Why passwords matter" in html


def test_the_learner_page_has_a_fixed_number_of_queries(client, champion, pat, lessons):
    client.force_login(champion)
    client.get(detail(pat))
    with CaptureQueriesContext(connection) as before:
        client.get(detail(pat))
    for lesson in lessons:
        lesson_complete(learner=pat, lesson=lesson, helper=champion)
    for skill in Skill.objects.all()[:5]:
        skill_record_observed(learner=pat, skill=skill, helper=champion)
    other = LessonPageFactory(title="Another course's lesson")
    lesson_complete(learner=pat, lesson=other)
    with CaptureQueriesContext(connection) as after:
        client.get(detail(pat))
    assert len(after) <= len(before) + 1  # + the live-lessons query once a course is started
    assert len(after) <= 15


def test_the_list_has_a_fixed_number_of_queries(client, champion):
    client.force_login(champion)
    UserFactory(community_centre=champion.community_centre)
    client.get(LIST)
    with CaptureQueriesContext(connection) as few:
        client.get(LIST)
    for _ in range(10):
        UserFactory(community_centre=champion.community_centre)
    with CaptureQueriesContext(connection) as many:
        client.get(LIST)
    assert len(many) == len(few)


# --- Recording a lesson ---------------------------------------------------------------------------


def test_a_champion_records_a_lesson_done_with_help(client, champion, pat, lessons):
    client.force_login(champion)
    form_page = client.get(record_lesson(pat)).content.decode()
    assert '<optgroup label="Staying safe with passwords">' in form_page

    response = client.post(
        record_lesson(pat),
        {"lesson": lessons[0].pk, "note": "Read it together"},
        follow=True,
    )

    completion = LessonCompletion.objects.get(learner=pat)
    assert completion.lesson == lessons[0]
    assert completion.method == CompletionMethod.CHAMPION
    assert completion.assisted and completion.helper == champion
    assert completion.note == "Read it together"
    assert response.redirect_chain[-1][0] == detail(pat)
    html = response.content.decode()
    assert "finished “Why passwords matter” with your help" in html
    assert f"Recorded by {champion.name} on" in html


def test_recording_a_lesson_twice_changes_nothing(client, champion, pat, lessons):
    client.force_login(champion)
    client.post(record_lesson(pat), {"lesson": lessons[0].pk, "note": ""})
    response = client.post(record_lesson(pat), {"lesson": lessons[0].pk, "note": ""}, follow=True)

    assert LessonCompletion.objects.filter(learner=pat).count() == 1
    assert "Nothing has changed" in response.content.decode()


def test_a_missing_lesson_is_explained_beside_the_field_and_the_note_kept(
    client, champion, pat, lessons
):
    client.force_login(champion)
    response = client.post(record_lesson(pat), {"lesson": "", "note": "Keep this note"})

    assert response.status_code == 200
    assert response.context["form"].errors["lesson"] == ["Choose the lesson they finished."]
    html = response.content.decode()
    assert 'id="id_lesson_error"' in html
    assert "Keep this note" in html
    assert not LessonCompletion.objects.exists()


def test_a_lesson_that_is_not_published_is_refused(client, champion, pat, lessons):
    lessons[1].unpublish()
    client.force_login(champion)
    assert f'value="{lessons[1].pk}"' not in client.get(record_lesson(pat)).content.decode()

    response = client.post(record_lesson(pat), {"lesson": lessons[1].pk, "note": "typed"})

    assert response.status_code == 200
    assert "only record published lessons" in response.context["form"].errors["lesson"][0]
    assert "typed" in response.content.decode()
    assert not LessonCompletion.objects.exists()


@pytest.mark.parametrize("value", ["not-a-number", "999999"])
def test_a_made_up_lesson_is_refused_without_an_error_page(client, champion, pat, lessons, value):
    client.force_login(champion)
    response = client.post(record_lesson(pat), {"lesson": value, "note": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["lesson"]


def test_a_note_that_is_too_long_is_explained_and_kept(client, champion, pat, lessons):
    client.force_login(champion)
    note = "a" * (NOTE_MAX_LENGTH + 12)
    response = client.post(record_lesson(pat), {"lesson": lessons[0].pk, "note": note})

    assert response.status_code == 200
    assert response.context["form"].errors["note"] == [
        f"Keep the note to {NOTE_MAX_LENGTH} characters or fewer. It has {len(note)} now."
    ]
    html = response.content.decode()
    assert note in html
    assert f'<option value="{lessons[0].pk}" selected>' in html
    assert not LessonCompletion.objects.exists()


# --- Recording a skill ----------------------------------------------------------------------------


def test_a_champion_records_a_skill_they_saw(client, champion, pat):
    skill = Skill.objects.get(code="COM-2")
    client.force_login(champion)
    assert f'<optgroup label="{skill.area.name}">' in client.get(record_skill(pat)).content.decode()

    response = client.post(
        record_skill(pat), {"skill": skill.pk, "note": "Video call to her son"}, follow=True
    )

    record = SkillRecord.objects.get(learner=pat)
    assert record.skill == skill and record.evidence == SkillEvidence.OBSERVED
    assert record.assisted and record.helper == champion
    assert record.note == "Video call to her son"
    assert f"Recorded by {champion.name} on" in response.content.decode()


def test_a_missing_or_unknown_skill_is_explained(client, champion, pat):
    client.force_login(champion)
    response = client.post(record_skill(pat), {"skill": "", "note": "Kept"})
    assert response.context["form"].errors["skill"] == ["Choose the skill you saw them use."]
    assert "Kept" in response.content.decode()

    response = client.post(record_skill(pat), {"skill": "999999", "note": ""})
    assert response.context["form"].errors["skill"] == ["Choose a skill from the list."]
    assert not SkillRecord.objects.exists()


def test_recording_progress_for_an_assisted_account_they_made(client, champion, lessons):
    account = assisted_account_create(champion=champion, display_name="Chris").user
    client.force_login(champion)
    client.post(record_lesson(account), {"lesson": lessons[0].pk, "note": ""})
    assert LessonCompletion.objects.get(learner=account).helper == champion


# --- The way in -----------------------------------------------------------------------------------


def test_the_account_page_links_champions_to_their_learners(client, champion, learner):
    client.force_login(champion)
    assert LIST in client.get("/account/profile/").content.decode()
    client.force_login(learner)
    assert LIST not in client.get("/account/profile/").content.decode()


def test_an_empty_form_is_explained_not_ignored(client, champion, pat):
    client.force_login(champion)
    response = client.post(record_lesson(pat), {})
    assert response.context["form"].errors["lesson"] == ["Choose the lesson they finished."]
    response = client.post(record_skill(pat), {})
    assert response.context["form"].errors["skill"] == ["Choose the skill you saw them use."]


def test_a_long_list_is_split_into_pages(client, champion):
    for number in range(27):
        UserFactory(display_name=f"Learner {number:02}", community_centre=champion.community_centre)
    client.force_login(champion)

    first = client.get(LIST)
    second = client.get(LIST, {"page": 2})

    assert len(first.context["page"].object_list) == 25
    assert "Page 1 of 2" in first.content.decode()
    assert [person.name for person in second.context["page"].object_list] == [
        "Learner 25",
        "Learner 26",
    ]
    assert client.get(LIST, {"page": "nonsense"}).status_code == 200
