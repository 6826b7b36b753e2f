"""Course Editors "Translate" a course with its lessons in the admin; other roles may not.

The copies go under the language's own courses index, which gets the English index's page
permissions and review workflow (courses/translation_permissions.py), so the editor can finish
and publish the translation.
"""

from django.urls import reverse

import pytest

from courses.models import CoursePage, LessonPage
from tests.factories.courses import course_index
from tests.translations.courses_translated import course_english

pytestmark = pytest.mark.django_db


def translate_url(page) -> str:
    return reverse("simple_translation:submit_page_translation", args=[page.pk])


@pytest.fixture
def course():
    return course_english()


def urdu():
    from wagtail.models import Locale

    return Locale.objects.get(language_code="ur")


def translate(client, course):
    return client.post(translate_url(course), {"locales": [urdu().pk], "include_subtree": "on"})


def urdu_tree_start():
    """What an administrator does once per language: copy the courses index (and the home
    page above it) into it. Wagtail asks for the pages above a page to be translated first."""
    index = course_index()
    index.copy_for_translation(urdu(), copy_parents=True)
    return index


def test_a_course_editor_translates_a_course_with_its_lessons(client, editor, course):
    urdu_tree_start()
    client.force_login(editor)

    response = translate(client, course)

    assert response.status_code == 302
    copy = CoursePage.objects.get(locale=urdu())
    assert copy.translation_key == course.translation_key
    assert not copy.live  # a draft until the editor publishes it
    assert LessonPage.objects.filter(locale=urdu()).count() == 2
    # The editor may edit and publish it, under the Urdu courses index.
    assert client.get(reverse("wagtailadmin_pages:edit", args=[copy.pk])).status_code == 200
    assert copy.permissions_for_user(editor).can_publish()


def test_the_urdu_courses_index_has_the_english_ones_permissions_and_workflow(champion, course):
    from wagtail.models import GroupPagePermission

    index = urdu_tree_start()

    urdu_index = index.get_translation(urdu())
    english_grants = set(
        GroupPagePermission.objects.filter(page=index).values_list("group_id", "permission_id")
    )
    urdu_grants = set(
        GroupPagePermission.objects.filter(page=urdu_index).values_list("group_id", "permission_id")
    )
    assert english_grants and urdu_grants == english_grants
    assert urdu_index.get_workflow() == index.get_workflow()
    # A Digital Champion may draft there but not publish.
    permissions = urdu_index.permissions_for_user(champion)
    assert permissions.can_add_subpage()
    assert not permissions.can_publish()


@pytest.mark.parametrize("role", ["learner", "champion", "moderator", "manager"])
def test_other_roles_may_not_translate_a_course(client, request, course, role):
    client.force_login(request.getfixturevalue(role))

    response = translate(client, course)
    assert response.status_code in (302, 403)
    assert not CoursePage.objects.filter(locale=urdu()).exists()


def test_a_private_courses_translation_is_private_too(client, course):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.LOGIN)
    urdu_tree_start()
    copy = course.copy_for_translation(urdu())
    copy.save_revision().publish()

    assert copy.get_view_restrictions().filter(restriction_type="login").exists()
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ur"
    response = client.get(course.url)
    assert response.status_code == 302  # to sign in, as for the English course
