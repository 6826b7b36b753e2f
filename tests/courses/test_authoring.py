"""Who may author courses: editors publish, champions draft and submit for review, learners and
other roles stay out."""

import json
import re

from django.contrib.auth.models import Group
from django.utils.text import slugify

from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from courses.models import LessonPage, Skill
from training.users import roles

pytestmark = pytest.mark.django_db


def lesson_form(title: str, **extra) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "estimated_minutes": "10",
            "pass_mark_percent": "80",
            "body": streamfield(
                [("text", rich_text("<p>Tap the green button to answer a call.</p>"))]
            ),
            "comments": inline_formset([]),
            **extra,
        }
    )


def add_url(course) -> str:
    return f"/admin/pages/add/courses/lessonpage/{course.pk}/"


def test_the_review_workflow_is_assigned_to_the_courses_index(index, course):
    workflow = course.get_workflow()

    assert workflow is not None
    assert workflow.name == "Review by a Course Editor"
    [task] = [task.specific for task in workflow.tasks]
    assert list(task.groups.values_list("name", flat=True)) == [roles.COURSE_EDITOR]
    assert index.get_workflow() == workflow


def test_page_permissions_by_role(course, lessons, champion, editor, learner, moderator, manager):
    lesson = lessons[0]

    assert course.permissions_for_user(champion).can_add_subpage() is True
    assert lesson.permissions_for_user(champion).can_edit() is True
    assert lesson.permissions_for_user(champion).can_publish() is False
    assert course.permissions_for_user(champion).can_publish_subpage() is False

    assert course.permissions_for_user(editor).can_add_subpage() is True
    assert lesson.permissions_for_user(editor).can_publish() is True
    assert lesson.permissions_for_user(editor).can_lock() is True

    for outsider in (learner, moderator, manager):
        assert course.permissions_for_user(outsider).can_add_subpage() is False
        assert lesson.permissions_for_user(outsider).can_edit() is False
        assert lesson.permissions_for_user(outsider).can_publish() is False


def test_a_champion_can_create_a_draft_lesson_but_publishing_leaves_it_unpublished(
    client, course, champion
):
    client.force_login(champion)

    response = client.post(
        add_url(course), lesson_form("Answering a video call", **{"action-publish": "publish"})
    )

    # Wagtail saves the lesson as a draft and ignores the publish request.
    assert response.status_code == 302
    lesson = LessonPage.objects.child_of(course).get(title="Answering a video call")
    assert lesson.live is False
    assert lesson.has_unpublished_changes is True
    # Saving a draft works.
    response = client.post(add_url(course), lesson_form("Answering a phone call"))
    assert response.status_code == 302
    draft = LessonPage.objects.child_of(course).get(title="Answering a phone call")
    assert draft.live is False
    assert draft.get_latest_revision().user == champion
    assert client.get(draft.url or "/courses/x/").status_code == 404


def test_a_champion_can_submit_a_lesson_for_review_by_a_course_editor(client, course, champion):
    client.force_login(champion)

    response = client.post(
        add_url(course), lesson_form("Muting the sound", **{"action-submit": "submit"})
    )

    assert response.status_code == 302
    lesson = LessonPage.objects.child_of(course).get(title="Muting the sound")
    assert lesson.live is False
    state = WorkflowState.objects.get(object_id=str(lesson.pk))
    assert state.workflow.name == "Review by a Course Editor"
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == champion


def test_a_champion_cannot_publish_an_existing_draft_from_the_editor(client, course, champion):
    client.force_login(champion)
    client.post(add_url(course), lesson_form("Ending a call"))
    lesson = LessonPage.objects.child_of(course).get(title="Ending a call")

    client.post(
        f"/admin/pages/{lesson.pk}/edit/",
        lesson_form("Ending a call", **{"action-publish": "publish"}),
    )

    lesson.refresh_from_db()
    assert lesson.live is False


def test_a_course_editor_can_publish(client, course, editor):
    client.force_login(editor)

    response = client.post(
        add_url(course), lesson_form("Blocking a caller", **{"action-publish": "publish"})
    )

    assert response.status_code == 302
    lesson = LessonPage.objects.child_of(course).get(title="Blocking a caller")
    assert lesson.live is True
    assert client.get(lesson.url).status_code == 200


def test_a_course_editor_can_publish_a_champions_draft(client, course, champion, editor):
    client.force_login(champion)
    client.post(add_url(course), lesson_form("Adding a contact"))
    lesson = LessonPage.objects.child_of(course).get(title="Adding a contact")
    client.force_login(editor)

    client.post(
        f"/admin/pages/{lesson.pk}/edit/",
        lesson_form("Adding a contact", **{"action-publish": "publish"}),
    )

    lesson.refresh_from_db()
    assert lesson.live is True


def test_a_learner_cannot_reach_the_admin(client, learner):
    client.force_login(learner)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert client.get("/admin/pages/").status_code == 302


def test_a_learner_cannot_add_a_lesson_even_by_posting(client, course, learner):
    client.force_login(learner)

    response = client.post(add_url(course), lesson_form("Sneaky lesson"))

    assert response.status_code == 302
    assert not LessonPage.objects.filter(title="Sneaky lesson").exists()


def test_a_moderator_cannot_add_a_lesson(client, course, moderator):
    client.force_login(moderator)

    response = client.post(add_url(course), lesson_form("Moderated lesson"))

    assert response.status_code in {302, 403}
    assert not LessonPage.objects.filter(title="Moderated lesson").exists()


def test_course_editors_can_add_skills_and_champions_cannot(client, editor, champion):
    client.force_login(editor)
    response = client.post(
        "/admin/snippets/courses/skill/add/",
        {
            "area": Skill.objects.get(code="COM-1").area_id,
            "code": "COM-5",
            "statement": "I can join an online meeting of my tenants' association",
            "wording_source": "ours",
            "sort_order": "0",
        },
    )
    assert response.status_code == 302
    assert Skill.objects.filter(code="COM-5").exists()

    client.force_login(champion)
    response = client.get("/admin/snippets/courses/skill/add/")
    assert response.status_code in {302, 403}


def test_a_skill_code_must_match_its_area(client, editor):
    client.force_login(editor)

    response = client.post(
        "/admin/snippets/courses/skill/add/",
        {
            "area": Skill.objects.get(code="COM-1").area_id,
            "code": "SAF-99",
            "statement": "I can do something",
            "wording_source": "ours",
            "sort_order": "0",
        },
    )

    assert response.status_code == 200
    assert "The code must start with the area’s code" in response.text
    assert not Skill.objects.filter(code="SAF-99").exists()


def test_editors_and_champions_can_use_images_in_lessons(editor, champion, learner):
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    permission_policy = policy_registry.get_by_type(get_image_model())
    assert permission_policy.user_has_permission(editor, "add") is True
    assert permission_policy.user_has_permission(editor, "choose") is True
    assert permission_policy.user_has_permission(champion, "choose") is True
    assert permission_policy.user_has_permission(learner, "choose") is False


def test_roles_keep_their_groups(editor):
    assert (
        Group.objects.get(name=roles.COURSE_EDITOR)
        .permissions.filter(codename="add_skill")
        .exists()
    )


def test_the_lesson_editor_shows_help_text_and_runs_the_accessibility_checker(
    client, lessons, editor
):
    client.force_login(editor)

    response = client.get(f"/admin/pages/{lessons[1].pk}/edit/")

    assert response.status_code == 200
    assert "Short paragraphs: one idea each" in response.text  # block help text
    config = re.search(
        r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>',
        response.text,
        re.S,
    )
    assert config is not None  # the "Checks" panel beside the preview runs axe-core
    run_only = json.loads(config.group(1))["options"]["runOnly"]
    assert "image-alt" in run_only and "link-name" in run_only


def test_a_draft_lesson_previews_in_its_place_in_the_course(course, lessons):
    draft = LessonPage.objects.get(pk=lessons[2].pk)
    draft.unpublish()

    response = draft.make_preview_request()

    text = response.content.decode()
    assert response.status_code == 200
    assert "Changing a password" in text
    assert "Lesson 3 of 3" in text


def test_a_new_unsaved_lesson_previews_at_the_end_of_the_course(course, lessons):
    from courses.selectors import lesson_contents

    new = LessonPage(title="Brand new", depth=course.depth + 1)
    new.path = course.get_last_child()._inc_path()

    contents = lesson_contents(lesson=new)

    assert [lesson.title for lesson in contents.lessons][-1] == "Brand new"
    assert (contents.position, contents.total) == (4, 4)
    assert contents.course.title == course.title
