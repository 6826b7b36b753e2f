"""The demo next steps sit on the demo courses and a skill, and seeding twice adds nothing."""

import io

import pytest

from demo.courses import demo_seed as courses_demo_seed
from demo.practice import demo_seed
from practice.models import NextStep

pytestmark = pytest.mark.django_db


def test_demo_steps_are_placed_on_the_demo_courses_once():
    courses_demo_seed(stdout=io.StringIO())
    demo_seed(stdout=io.StringIO())
    demo_seed(stdout=io.StringIO())

    found = {
        (step.course.slug if step.course_id else step.skill.code, step.kind, step.url)
        for step in NextStep.objects.select_related("course", "skill")
    }
    assert found == {
        ("taking-and-sharing-photos", "share_photo", ""),
        ("taking-and-sharing-photos", "join_group", ""),
        ("taking-and-sharing-photos", "link", "/voice/reports/new/"),
        ("taking-and-sharing-photos", "link", "/voice/estate-checks/"),
        ("filling-in-forms-online", "link", "/voice/reports/new/"),
        ("filling-in-forms-online", "link", "/voice/estate-checks/"),
        ("video-calls-with-family-and-friends", "next_event", ""),
        ("COM-3", "join_group", ""),
    }
    assert NextStep.objects.count() == 8
    for step in NextStep.objects.all():
        step.full_clean()  # as valid as an editor's


def test_without_the_demo_courses_the_course_steps_are_skipped():
    output = io.StringIO()
    demo_seed(stdout=output)
    assert list(NextStep.objects.values_list("skill__code", flat=True)) == ["COM-3"]
    assert "skipped taking-and-sharing-photos" in output.getvalue()
