"""Sustained engagement from each learner's last activity (training.core LearnerActivity), and the
champions' figures from the help recorded: kept in step by the activity service, rebuilt to the
same rows, and giving the same figures as searching the raw activity stream, in every view."""

import random
from dataclasses import replace
from datetime import timedelta

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from champions import selectors as champions_selectors
from champions.verbs import CHAMPION_EVENT_RUN
from community.verbs import GROUP_JOINED, GROUP_LEFT, POST_CREATED
from courses.models import Enrolment, LessonCompletion
from courses.progress.services import (
    enrolment_start,
    enrolments_lessons_done_rebuild,
    lesson_complete,
)
from courses.verbs import LESSON_COMPLETED, NUDGE_SENT, QUIZ_ATTEMPTED
from dashboards import reports, selectors
from dashboards.access import Scope
from tests.dashboards.conftest import DAY, NOW
from tests.dashboards.test_facts import NOWS, mixes_of, random_world, view
from tests.factories.courses import CoursePageFactory, LessonPageFactory
from tests.factories.users import UserFactory
from training.core.models import ActivityEvent, LearnerActivity
from training.core.services import (
    activity_event,
    activity_record,
    activity_record_many,
    learner_activity_rebuild,
)

pytestmark = pytest.mark.django_db

EVERY_PLACE = Scope(every_place=True)


def state_rows() -> set[tuple]:
    return set(
        LearnerActivity.objects.values_list("learner_id", "last_active_at", "last_taking_part_at")
    )


def kept_equals_rebuilt() -> bool:
    kept = state_rows()
    learner_activity_rebuild()
    return kept == state_rows()


def mine(f, scope) -> dict:
    """D2's figures and tables of one view, figures before any small number is hidden."""
    tables = {
        "courses": reports.courses_table(f, scope).rows,
        "stalled": reports.stalled_table(f, scope).rows,
        "sustained": reports.sustained_table(f, scope).rows,
        "funnels": selectors.course_funnels(f),
        "medians": selectors.course_medians(f),
        "sustained_figures": selectors.sustained(f),
        "stalled_by_course": selectors.stalled_by_course(f),
    }
    return tables


def help_counted_in_python(f) -> dict[int, tuple]:
    """Each helper's (learners, lessons, events run) in the period, from every event."""
    found: dict[int, list] = {}
    for event in ActivityEvent.objects.all():
        if event.occurred_at >= f.end or (f.start is not None and event.occurred_at < f.start):
            continue
        if event.verb == CHAMPION_EVENT_RUN and event.actor_id is not None:
            found.setdefault(event.actor_id, [set(), 0, 0])[2] += 1
        elif event.verb == LESSON_COMPLETED and event.context.get("helper_id"):
            row = found.setdefault(event.context["helper_id"], [set(), 0, 0])
            row[1] += 1
            if event.actor_id is not None:
                row[0].add(event.actor_id)
    return {helper: (len(people), lessons, run) for helper, (people, lessons, run) in found.items()}


def help_counted(f) -> dict[int, tuple]:
    return {
        row.person_id: (row.help.learners, row.help.lessons, row.help.events)
        for row in champions_selectors.help_by_champion(since=f.start, until=f.end)
        if (row.help.learners, row.help.lessons, row.help.events) != (0, 0, 0)
    }


def test_one_batch_keeps_each_learners_latest_and_never_goes_back(world):
    learner = UserFactory(username="batch-learner")
    other = UserFactory(username="batch-other")
    at = NOW - 50 * DAY
    activity_record_many(
        [
            activity_event(actor=learner, verb=POST_CREATED, occurred_at=at),
            activity_event(actor=learner, verb=QUIZ_ATTEMPTED, occurred_at=at + DAY),
            activity_event(actor=other, verb=GROUP_LEFT, occurred_at=at - DAY),
            activity_event(actor=None, verb=QUIZ_ATTEMPTED, occurred_at=at + 2 * DAY),
        ]
    )
    assert LearnerActivity.objects.filter(learner=learner).values_list(
        "last_active_at", "last_taking_part_at"
    ).get() == (at + DAY, at)
    # Leaving a group is activity, not taking part.
    assert LearnerActivity.objects.filter(learner=other).values_list(
        "last_active_at", "last_taking_part_at"
    ).get() == (at - DAY, None)
    # An older event recorded later (a back-dated record) moves nothing back.
    activity_record(actor=learner, verb=GROUP_JOINED, occurred_at=at - 10 * DAY)
    assert LearnerActivity.objects.filter(learner=learner).values_list(
        "last_active_at", "last_taking_part_at"
    ).get() == (at + DAY, at)
    activity_record(actor=other, verb=GROUP_JOINED, occurred_at=at + 3 * DAY)
    assert LearnerActivity.objects.filter(learner=other).values_list(
        "last_active_at", "last_taking_part_at"
    ).get() == (at + 3 * DAY, at + 3 * DAY)
    assert kept_equals_rebuilt()


def test_the_worlds_activity_gives_the_same_rows_as_a_rebuild(world):
    actors = ActivityEvent.objects.filter(actor__isnull=False).values("actor").distinct()
    assert LearnerActivity.objects.count() == actors.count() > 5
    assert kept_equals_rebuilt()


def test_sustained_reads_one_row_per_learner_not_the_stream(world):
    """The fast path really reads LearnerActivity: without its rows nobody is still active."""
    f = view(period="all")
    before = selectors.sustained(f)
    assert before.community == 5 and before.after[30][1] > 0
    LearnerActivity.objects.all().delete()
    emptied = selectors.sustained(f)
    assert (emptied.community, emptied.after[30][1], emptied.after[90][1]) == (0, 0, 0)
    assert emptied.finishers == before.finishers
    # The raw path searches the stream, and is unchanged.
    assert selectors.sustained(replace(f, raw=True)) == before
    with override_settings(DASHBOARD_FACTS=False):
        assert selectors.sustained(f) == before


def test_sustained_is_one_query_at_two_sizes(world):
    def count() -> int:
        f = view(period="all")
        selectors.figures_prepare(f)  # the view's one probe, shared by every figure
        with CaptureQueriesContext(connection) as queries:
            selectors.sustained(f)
        return len(queries)

    small = count()
    for n in range(20):
        learner = UserFactory(username=f"more-{n}")
        activity_record(actor=learner, verb=POST_CREATED, occurred_at=NOW - n * DAY)
    assert count() == small == 1


def test_reminders_keep_the_last_activity_in_step(world):
    """The reminder nudges record their events through the service too."""
    learner = world.people["a6"]
    activity_record_many([activity_event(actor=learner, verb=NUDGE_SENT, occurred_at=NOW)])
    assert LearnerActivity.objects.get(learner=learner).last_active_at == NOW
    assert kept_equals_rebuilt()


def test_lesson_complete_keeps_each_enrolments_lessons_done(world):
    learner = UserFactory(username="counting-learner")
    course = CoursePageFactory(title="Counted", slug="counted")
    lessons = [LessonPageFactory(parent=course, title=f"Counted {n}") for n in range(4)]
    lesson_complete(learner=learner, lesson=lessons[0])  # enrols them
    lesson_complete(learner=learner, lesson=lessons[1])
    lesson_complete(learner=learner, lesson=lessons[1])  # again: counted once
    enrolment = Enrolment.objects.get(learner=learner, course=course)
    assert enrolment.lessons_completed == 2
    # Enrolled first (opening the course), then the lessons.
    other = UserFactory(username="counting-other")
    enrolment_start(learner=other, course=course)
    for lesson in lessons[:3]:
        lesson_complete(learner=other, lesson=lesson)
    assert Enrolment.objects.get(learner=other, course=course).lessons_completed == 3
    assert Enrolment.objects.get(learner=other, course=course).lessons_completed == (
        LessonCompletion.objects.filter(learner=other, course=course).count()
    )
    # The funnel: halfway is 2 of 4 lessons, both got there; nobody finished.
    f = view(now=timezone.now() + DAY, period="4w")
    row = next(r for r in selectors.course_funnels(f) if r.course_id == course.pk)
    assert (row.started, row.halfway, row.completed) == (2, 2, 0)


def add_random_activity(rng: random.Random, learners, writes) -> None:
    """Besides the world's own records: quizzes, posts, groups left, nudges, help and events run,
    alone and in batches, some with nobody as the actor."""
    helpers = [UserFactory(username=f"random-champion-{n}") for n in range(2)]
    start = writes[0][0]
    span = (writes[-1][0] - start).total_seconds()
    kinds = [QUIZ_ATTEMPTED, POST_CREATED, GROUP_LEFT, NUDGE_SENT, LESSON_COMPLETED]
    for _ in range(120):
        at = start + timedelta(seconds=rng.randrange(int(span)))
        actor = rng.choice([*learners, None])
        verb = rng.choice(kinds)
        context = {}
        if verb == LESSON_COMPLETED:
            helper = rng.choice([*helpers, None])
            context = {"helper_id": helper.pk if helper else None}

        batched = rng.random() < 0.3

        def write(a=actor, v=verb, c=context, t=at, batch=batched):
            if batch:
                activity_record_many(
                    [
                        activity_event(actor=a, verb=v, context=c, occurred_at=t),
                        activity_event(actor=a, verb=QUIZ_ATTEMPTED, occurred_at=t - DAY),
                    ]
                )
            else:
                activity_record(actor=a, verb=v, context=c, occurred_at=t)

        writes.append((at, len(writes) + 10_000, write))
    for helper in helpers:
        at = start + timedelta(seconds=rng.randrange(int(span)))
        writes.append(
            (
                at,
                len(writes) + 10_000,
                lambda h=helper, t=at: activity_record(
                    actor=h, verb=CHAMPION_EVENT_RUN, occurred_at=t
                ),
            )  # fmt: skip
        )
    writes.sort(key=lambda write: (write[0], write[1]))


def compare(now, mixes, centres) -> int:
    compared = 0
    for period in ("4w", "3m", "12m", "all"):
        views = [(view(now=now, period=period, **mix), EVERY_PLACE) for mix in mixes]
        for scope in (Scope(every_place=False, centre=centres[0]), Scope(every_place=False)):
            views.append((view(now=now, period=period, scope=scope), scope))
        for f, scope in views:
            with selectors.reading_many_rows():
                fast, raw = mine(f, scope), mine(replace(f, raw=True), scope)
            assert fast == raw, (now, period, f)
            compared += 1
        assert help_counted(views[0][0]) == help_counted_in_python(views[0][0]), (now, period)
    return compared


def test_random_worlds_give_the_same_engagement_figures_from_the_state_and_the_stream():
    rng = random.Random(2)
    places, centres, courses, learners, writes = random_world(rng)
    add_random_activity(rng, learners, writes)
    mixes = mixes_of(rng, places, centres, courses)
    compared = 0
    moments = iter(NOWS)
    moment = next(moments)
    for at, _order, write in writes:
        while moment is not None and at >= moment:
            compared += compare(moment, mixes, centres)
            moment = next(moments, None)
        write()
    assert moment is None, "every moment was compared"
    assert compared == len(NOWS) * 4 * (len(mixes) + 2)
    assert kept_equals_rebuilt()
    # Each enrolment's lessons done, as kept, equal a rebuild from the completions.
    kept = set(Enrolment.objects.values_list("pk", "lessons_completed"))
    assert enrolments_lessons_done_rebuild() == len(kept) > 20
    assert kept == set(Enrolment.objects.values_list("pk", "lessons_completed"))
    # Not an empty world: some finished, some were still active later, some took part.
    widest = selectors.sustained(view(now=writes[-1][0] + DAY, period="all"))
    assert widest.finishers > 5 and widest.after[30][1] > 0 and widest.community > 0
    assert len(help_counted(view(now=writes[-1][0] + DAY, period="all"))) == 2
