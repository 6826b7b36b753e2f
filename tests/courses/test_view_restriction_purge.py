"""Issue 10, point 11: any privacy change purges the anonymous page cache, like a publish does.

The anonymous page cache answers before Wagtail looks a page up, so before Wagtail checks its
view restrictions. Adding, changing or removing a restriction (on the page or on a page above
it) must therefore take effect at once, and a restricted page is never kept in that cache.
"""

from django.contrib.auth.models import AnonymousUser, Group
from django.test import Client, RequestFactory

from wagtail.models import PageViewRestriction

import pytest

from courses.models import LessonPage
from training.core.page_cache import page_cache_version, page_cached_response
from training.users import roles

pytestmark = pytest.mark.django_db


def set_privacy(editor, page, **data) -> None:
    """Set a page's privacy in the admin, as an editor does with the "Privacy" button."""
    staff = Client()
    staff.force_login(editor)
    response = staff.post(f"/admin/pages/{page.pk}/privacy/", data)
    assert response.status_code == 200
    assert response.json()["step"] == "set_privacy_done"


def warm(url: str) -> None:
    Client().get(url)
    assert Client().get(url)["X-Page-Cache"] == "hit"


def course_titles_on_the_list() -> str:
    return Client().get("/courses/").content.decode()


@pytest.mark.parametrize(
    "privacy",
    [
        {"restriction_type": "login"},
        {"restriction_type": "password", "password": "only-for-staff-2026"},
        {"restriction_type": "groups", "groups": "GROUP"},
    ],
    ids=["login", "password", "groups"],
)
def test_adding_a_restriction_stops_the_cached_copy_at_once(lessons, editor, privacy):
    lesson = lessons[0]
    warm(lesson.url)
    if privacy.get("groups") == "GROUP":
        privacy = {**privacy, "groups": [Group.objects.get(name=roles.COURSE_EDITOR).pk]}

    set_privacy(editor, lesson, **privacy)

    response = Client().get(lesson.url)
    assert "X-Page-Cache" not in response
    assert "Why passwords matter</h1>" not in response.content.decode()
    if privacy["restriction_type"] == "password":
        assert "password" in response.content.decode().lower()  # Wagtail asks for it
    else:
        assert response.status_code == 302
        assert "login/?next=" in response["Location"]  # Wagtail sends them to sign in


def test_restricting_a_course_purges_its_lessons_and_the_course_list(course, lessons, editor):
    warm(lessons[1].url)
    warm("/courses/")
    assert "Staying safe with passwords" in course_titles_on_the_list()

    set_privacy(editor, course, restriction_type="login")

    response = Client().get(lessons[1].url)
    assert response.status_code == 302
    assert "Staying safe with passwords" not in course_titles_on_the_list()


def test_changing_a_restriction_purges(lessons, editor):
    lesson = lessons[0]
    set_privacy(editor, lesson, restriction_type="password", password="first-password-1")
    before = page_cache_version()

    set_privacy(editor, lesson, restriction_type="login")

    assert page_cache_version() > before
    assert PageViewRestriction.objects.get(page=lesson).restriction_type == "login"


def test_changing_only_the_groups_purges(lessons, editor):
    lesson = lessons[0]
    champions = Group.objects.get(name=roles.DIGITAL_CHAMPION)
    editors = Group.objects.get(name=roles.COURSE_EDITOR)
    set_privacy(editor, lesson, restriction_type="groups", groups=[editors.pk])
    restriction = PageViewRestriction.objects.get(page=lesson)
    before = page_cache_version()

    restriction.groups.add(champions)

    assert page_cache_version() > before


def test_removing_a_restriction_purges(course, lessons, editor):
    set_privacy(editor, course, restriction_type="login")
    warm("/courses/")
    assert "Staying safe with passwords" not in course_titles_on_the_list()

    set_privacy(editor, course, restriction_type="none")

    assert not PageViewRestriction.objects.filter(page=course).exists()
    assert "Staying safe with passwords" in course_titles_on_the_list()
    assert Client().get(lessons[0].url).status_code == 200


def test_a_restricted_page_is_never_kept_in_the_anonymous_cache(lessons):
    """Even if a render for a visitor was under way when the restriction was added."""
    lesson = LessonPage.objects.get(pk=lessons[0].pk)
    PageViewRestriction.objects.create(page=lesson, restriction_type="login")
    request = RequestFactory().get(lesson.url)
    request.user = AnonymousUser()

    response = lesson.serve(request)

    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    assert page_cached_response(request) is None
