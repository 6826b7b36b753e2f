"""Course Editors set up next steps in the Wagtail admin; nobody else can."""

from html import unescape

import pytest

from courses.models import Skill
from practice.models import NextStep
from tests.factories.practice import NextStepFactory
from training.users import roles

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/practice/nextstep/add/"


def _form(**changes) -> dict:
    data = {
        "course": "",
        "skill": "",
        "kind": "share_photo",
        "title": "Show your neighbours the new benches",
        "text": "Take a photo of something that got better on your estate.",
        "url": "",
        "sort_order": "0",
    }
    data.update(changes)
    return data


def test_a_course_editor_adds_a_step_to_a_course(client, editor, photo_course):
    course, _ = photo_course
    client.force_login(editor)
    assert client.get(ADD_URL).status_code == 200

    response = client.post(ADD_URL, _form(course=course.pk))

    assert response.status_code == 302
    step = NextStep.objects.get()
    assert step.course_id == course.pk and step.kind == "share_photo"


def test_a_course_editor_changes_and_deletes_a_step(client, editor):
    step = NextStepFactory(skill=Skill.objects.get(code="COM-3"))
    client.force_login(editor)
    edit = f"/admin/snippets/practice/nextstep/edit/{step.pk}/"
    response = client.post(edit, _form(skill=step.skill_id, title="Say hello", kind="join_group"))
    assert response.status_code == 302
    step.refresh_from_db()
    assert step.title == "Say hello"

    response = client.post(f"/admin/snippets/practice/nextstep/delete/{step.pk}/")
    assert response.status_code == 302
    assert not NextStep.objects.exists()


def test_bad_input_gets_a_clear_message_and_keeps_what_was_typed(client, editor, photo_course):
    course, _ = photo_course
    client.force_login(editor)

    response = client.post(
        ADD_URL, _form(course=course.pk, kind="link", url="javascript:alert(1)", title="Vote")
    )
    page = unescape(response.text)
    assert response.status_code == 200
    assert (
        "Enter a page on this site starting with “/”, or a full address starting https://." in page
    )
    assert 'value="javascript:alert(1)"' in page
    assert 'value="Vote"' in page

    response = client.post(ADD_URL, _form())
    assert "Choose the course or the skill that this step comes after." in unescape(response.text)

    response = client.post(
        ADD_URL, _form(course=course.pk, skill=Skill.objects.get(code="COM-3").pk)
    )
    assert "Choose a course or a skill, not both." in unescape(response.text)
    assert not NextStep.objects.exists()


@pytest.mark.parametrize(
    "role",
    [
        roles.LEARNER,
        roles.DIGITAL_CHAMPION,
        roles.MODERATOR,
        roles.MANAGER,
        roles.SAFEGUARDING_OFFICER,
    ],
)
def test_other_roles_cannot_add_change_or_delete_steps(client, role_users, role, photo_course):
    course, _ = photo_course
    step = NextStepFactory(course=course)
    client.force_login(role_users[role])

    for url in (
        ADD_URL,
        f"/admin/snippets/practice/nextstep/edit/{step.pk}/",
        f"/admin/snippets/practice/nextstep/delete/{step.pk}/",
    ):
        assert client.get(url).status_code in {302, 403}
    response = client.post(ADD_URL, _form(course=course.pk, title="Sneaky"))
    assert response.status_code in {302, 403}
    client.post(f"/admin/snippets/practice/nextstep/delete/{step.pk}/")
    assert list(NextStep.objects.values_list("title", flat=True)) == [step.title]


def test_the_list_shows_what_each_step_follows(client, editor, photo_course):
    course, _ = photo_course
    NextStepFactory(course=course, title="Share a photo")
    NextStepFactory(skill=Skill.objects.get(code="COM-3"), title="Join")
    client.force_login(editor)
    page = client.get("/admin/snippets/practice/nextstep/").text
    assert "Taking and sharing photos" in page
    assert "COM-3 I can share photos" in page
