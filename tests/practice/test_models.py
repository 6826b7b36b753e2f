"""A next step is on exactly one course or skill; links go only to our site or https."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError

import pytest

from courses.models import Skill
from practice.models import NextStep, NextStepKind, url_is_safe

pytestmark = pytest.mark.django_db


def _errors(step: NextStep) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        step.full_clean()
    return caught.value.message_dict


def test_a_step_on_a_course_is_valid(photo_course):
    course, _ = photo_course
    step = NextStep(course=course, kind=NextStepKind.SHARE_PHOTO, title="Share a photo")
    step.full_clean()


def test_a_step_needs_a_course_or_a_skill():
    errors = _errors(NextStep(kind=NextStepKind.JOIN_GROUP, title="Join your group"))
    assert errors["course"] == ["Choose the course or the skill that this step comes after."]


def test_a_step_cannot_be_on_both_a_course_and_a_skill(photo_course):
    course, _ = photo_course
    step = NextStep(course=course, skill=Skill.objects.get(code="COM-3"), title="Join")
    assert _errors(step)["skill"] == ["Choose a course or a skill, not both."]


def test_the_database_refuses_a_step_on_both(photo_course):
    course, _ = photo_course
    with pytest.raises(IntegrityError):
        NextStep.objects.create(course=course, skill=Skill.objects.get(code="COM-3"), title="x")


def test_the_database_refuses_a_step_on_neither():
    with pytest.raises(IntegrityError):
        NextStep.objects.create(title="x")


def test_a_title_is_required(photo_course):
    course, _ = photo_course
    assert _errors(NextStep(course=course, title=""))["title"] == ["This field cannot be blank."]


def test_a_link_step_needs_an_address(photo_course):
    course, _ = photo_course
    step = NextStep(course=course, kind=NextStepKind.LINK, title="Read more")
    assert _errors(step)["url"] == ["Enter the web address this step links to."]


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "http://example.com/",
        "//evil.example/",
        "/\\evil.example",
        "data:text/html,hi",
        "https://",
        "ftp://example.com/",
        "/community/ with space",
        "community/",
    ],
)
def test_an_unsafe_address_is_refused_with_a_clear_message(photo_course, url):
    course, _ = photo_course
    step = NextStep(course=course, kind=NextStepKind.LINK, title="Read more", url=url)
    assert _errors(step)["url"] == [
        "Enter a page on this site starting with “/”, or a full address starting https://."
    ]


@pytest.mark.parametrize("url", ["/community/", "/courses/?level=1#top", "https://example.org/a"])
def test_safe_addresses(url):
    assert url_is_safe(url)


def test_only_a_link_step_has_an_address(photo_course):
    course, _ = photo_course
    step = NextStep(course=course, kind=NextStepKind.NEXT_EVENT, title="Come along", url="/x/")
    assert _errors(step)["url"] == [
        "Only “A link” steps have a web address. Clear this box, or choose “A link”."
    ]


def test_a_step_on_a_skill_says_what_it_follows():
    step = NextStep(skill=Skill.objects.get(code="COM-3"), title="Join")
    step.full_clean()
    assert step.attached_to.startswith("COM-3 ")
