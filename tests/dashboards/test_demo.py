"""The dashboard demo: figures above the suppression threshold, and safe to run twice."""

import io

from django.core.management import call_command
from django.urls import reverse

import pytest

from courses.models import Enrolment, LessonCompletion
from training.core.models import ActivityEvent
from training.users.models import User

pytestmark = pytest.mark.django_db


def test_the_demo_gives_a_manager_real_figures_and_runs_twice_safely(client, demo_seeded):
    counts = (Enrolment.objects.count(), LessonCompletion.objects.count(),
              ActivityEvent.objects.count())  # fmt: skip
    call_command("seed_demo", stdout=io.StringIO())
    assert (Enrolment.objects.count(), LessonCompletion.objects.count(),
            ActivityEvent.objects.count()) == counts  # fmt: skip

    demo = User.objects.filter(username__startswith="demo-learner-")
    assert demo.count() == 48
    assert not any(person.has_usable_password() for person in demo)
    # Every enrolment follows the rule: finished exactly when every lesson is done.
    for enrolment in Enrolment.objects.filter(learner__in=demo).select_related("course"):
        lessons = enrolment.course.get_children().live().count()
        done = LessonCompletion.objects.filter(
            learner=enrolment.learner, course=enrolment.course
        ).count()
        assert (enrolment.completed_at is not None) == (done == lessons)

    client.force_login(User.objects.get(email="manager@example.com"))
    page = client.get(reverse("dashboards:dashboard"), {"period": "12m"}).content.decode()
    start = page.index("Active learners (finished at least one lesson)</th>")
    active = page[start : page.index("</td>", start)].rsplit(">", 1)[-1]
    assert int(active) >= 30
    assert "Elm Court" in page
