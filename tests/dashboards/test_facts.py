"""The dashboard's fact tables (dashboards/facts.py): kept in step by every writer, rebuilt to
the same rows, and giving every figure of every view exactly as the raw rows do."""

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.management import call_command
from django.db.models import Q
from django.http import QueryDict
from django.test import override_settings
from django.utils import timezone
from django.utils.http import urlencode

import pytest

from courses.models import Enrolment, LessonCompletion, Skill
from courses.progress.services import lesson_complete, skill_record_observed
from dashboards import facts, selectors
from dashboards.access import Scope
from dashboards.facts import DAY, EVERY_COURSE, KIND_COURSE, WEEK, facts_rebuild, first_from
from dashboards.filters import DashboardFilterForm, filters_from
from dashboards.models import LearnerFact, PlaceFact
from dashboards.reports import dashboard_tables
from tests.dashboards.conftest import NOW
from tests.factories.courses import CoursePageFactory, LessonPageFactory
from tests.factories.dashboards import complete, course_finish, enrol, event, skill_achieve
from tests.factories.places import CommunityCentreFactory, NeighbourhoodFactory
from tests.factories.users import UserFactory
from training.users.data_rights.services import account_delete
from training.users.services import profile_update

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
EVERY_PLACE = Scope(every_place=True)
COUNTS = ("lessons", "helped", "finished", "skills", "learners", "course_learners")


def facts_rows() -> tuple[set, set]:
    """Every row of both tables (cube rows that add up to nothing left out: a learner who moved
    leaves zeros behind at their old place)."""
    cube = set(
        PlaceFact.objects.exclude(**dict.fromkeys(COUNTS, 0)).values_list(
            "kind", "key", "grain", "starts", "nid", "cid", "staff", *COUNTS
        )
    )
    learners = set(
        LearnerFact.objects.values_list(
            "learner_id", "kind", "key", "nid", "cid", "staff", *facts.STATE
        )  # fmt: skip
    )
    return cube, learners


def rebuilt_equals_kept() -> bool:
    kept = facts_rows()
    facts_rebuild()
    return facts_rows() == kept


def view(*, now=NOW, scope=EVERY_PLACE, **query):
    form = DashboardFilterForm(QueryDict(urlencode(query)), scope=scope)
    return filters_from(form, now=now)


def both(f, scope=EVERY_PLACE) -> tuple[dict, dict]:
    """Every table of the view from the facts, and from the raw rows only; and the figures
    under them, before any small number is hidden (so a hidden difference still fails)."""
    raw = replace(f, raw=True)
    return (
        {**dashboard_tables(f, scope), **figures(f)},
        {**dashboard_tables(raw, scope), **figures(raw)},
    )


def figures(f) -> dict:
    return {
        "cells": sorted(selectors.learner_cells(f), key=repr),
        "headline": selectors.headline(f),
        "trend": selectors.trend(f),
        "areas": selectors.skills_by_area(f),
        "sustained": selectors.sustained(f),
    }


def test_a_period_starts_at_the_beginning_of_its_first_day():
    """As the page says ("Showing 17 June 2025 to …"): whole days, so the fact tables cover the
    period with no hours before a first midnight left to read raw."""
    assert view(now=datetime(2026, 6, 17, 12, tzinfo=LONDON), period="12m").start == datetime(
        2025, 6, 17, tzinfo=LONDON
    )
    # 28 local days before a summer-time moment just after midnight, across the clocks going
    # forward (29 March 2026), given in UTC as the site's clock gives it: 13 March, not the
    # 12th that 28 × 24 hours back from 23:30 UTC would give.
    for now in (
        datetime(2026, 4, 10, 0, 30, tzinfo=LONDON),
        datetime(2026, 4, 9, 23, 30, tzinfo=UTC),
    ):
        f = view(now=now, period="4w")
        assert f.start == datetime(2026, 3, 13, tzinfo=LONDON), now
        assert first_from(f.start, DAY) == f.start
    assert view(period="all").start is None


def test_a_period_is_split_at_its_first_midnight_and_monday():
    # Wednesday 17 June 2026, noon: a year back is Tuesday 17 June 2025, noon.
    start = datetime(2026, 6, 17, 12, tzinfo=LONDON) - timedelta(days=365)
    assert first_from(start, DAY) == datetime(2025, 6, 18, tzinfo=LONDON)
    assert first_from(start, WEEK) == datetime(2025, 6, 23, tzinfo=LONDON)
    # Exactly Monday midnight: that day and week are whole.
    monday = datetime(2026, 6, 15, tzinfo=LONDON)
    assert first_from(monday, DAY) == first_from(monday, WEEK) == monday
    # The night the clocks went back (26 October 2025 is a Sunday).
    night = datetime(2025, 10, 26, 1, 30, tzinfo=LONDON)
    assert first_from(night, DAY) == datetime(2025, 10, 27, tzinfo=LONDON)
    assert first_from(night, WEEK) == datetime(2025, 10, 27, tzinfo=LONDON)


def test_completing_a_lesson_through_the_service_counts_it_in(world):
    learner = world.people["b1"]
    lesson = LessonPageFactory(parent=world.course_y, title="Y lesson 3")
    helper = world.people["a1"]
    at = datetime(2026, 6, 10, 9, tzinfo=LONDON)  # a Wednesday
    place = {"nid": world.birch.pk, "cid": world.birch_house.pk, "staff": True}
    june = PlaceFact.objects.filter(kind=KIND_COURSE, grain="m", starts=at.date().replace(day=1))
    before = {row.key: (row.lessons, row.helped) for row in june.filter(**place)}

    lesson_complete(learner=learner, lesson=lesson, helper=helper, completed_at=at)
    # Done twice (a double click): counted once.
    lesson_complete(learner=learner, lesson=lesson, helper=helper, completed_at=at)

    after = {row.key: (row.lessons, row.helped) for row in june.filter(**place)}
    for key in (world.course_y.pk, EVERY_COURSE):
        lessons, helped = before.get(key, (0, 0))
        assert after[key] == (lessons + 1, helped + 1)
    state = LearnerFact.objects.get(learner=learner, kind=KIND_COURSE, key=EVERY_COURSE)
    assert (state.last_lesson, state.last_helped) == (at, at)
    assert rebuilt_equals_kept()


def test_finishing_a_course_and_skills_through_the_services_count_them_in(world):
    learner = UserFactory(neighbourhood=world.alder, community_centre=world.alder_hall)
    course = CoursePageFactory(title="Course Z", slug="course-z")
    skill = Skill.objects.exclude(code="SAF-7").order_by("code").first()
    lesson = LessonPageFactory(parent=course, title="Z lesson 1", skills=[skill.code])
    at = datetime(2026, 6, 16, 9, tzinfo=LONDON)
    f = view()
    before = selectors.headline(f)

    result = lesson_complete(learner=learner, lesson=lesson, completed_at=at)

    assert result.course_completed and result.skills_achieved == [skill.pk]
    f = view()
    headline = selectors.headline(f)
    assert headline == selectors.headline(replace(f, raw=True))
    assert (headline.courses, headline.course_learners) == (
        before.courses + 1,
        before.course_learners + 1,
    )
    assert (headline.skills, headline.skill_learners) == (
        before.skills + 1,
        before.skill_learners + 1,
    )
    observed = UserFactory(neighbourhood=world.birch)
    skill_record_observed(learner=observed, skill=skill, helper=world.people["a1"])
    # Observed now (the real now, after NOW): seen by a view that ends now.
    now = view(now=timezone.now() + timedelta(minutes=1), period="4w")
    assert selectors._facts_ready(now)
    assert selectors.headline(now).skills == 1
    assert selectors.skills_by_area(now) == selectors.skills_by_area(replace(now, raw=True))
    assert LearnerFact.objects.filter(learner=observed, kind=facts.KIND_AREA, key=skill.area_id)
    assert rebuilt_equals_kept()


def test_the_completions_of_the_world_give_the_same_rows_as_a_rebuild(world):
    kept = facts_rows()
    assert kept[0] and kept[1], "the world's records were counted in as they were saved"
    PlaceFact.objects.all().delete()
    LearnerFact.objects.all().delete()
    call_command("dashboard_facts_rebuild", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert facts_rows() == kept


def test_a_changed_completion_is_worked_out_again(world):
    """A completion changed (here: marked as done with help) inside learner_facts_change."""
    completion = LessonCompletion.objects.filter(learner=world.people["a6"]).first()
    with facts.learner_facts_change(learner_id=completion.learner_id):
        completion.assisted = True
        completion.save()
    assert rebuilt_equals_kept()
    from_facts, from_raw = both(view())
    assert from_facts == from_raw


def test_moving_neighbourhood_moves_the_learners_figures(world):
    """A learner who moves is counted where they live now, by the facts as by the raw rows."""
    a1 = world.people["a1"]
    before = {row.label: row.learners for row in selectors.breakdown(view(), by="neighbourhood")}
    assert before == {"Alder": 6, "Birch": 2}

    profile_update(
        user=a1,
        display_name=a1.display_name,
        preferred_language=a1.preferred_language,
        neighbourhood=world.birch,
        community_centre=world.birch_house,
    )

    f = view()
    assert selectors._facts_ready(f)
    after = {row.label: row.learners for row in selectors.breakdown(f, by="neighbourhood")}
    assert after == {"Alder": 5, "Birch": 3}
    assert set(LearnerFact.objects.filter(learner=a1).values_list("nid", "cid")) == {
        (world.birch.pk, world.birch_house.pk)
    }
    birch = view(neighbourhood="birch")
    assert selectors.headline(birch).learners == 3
    from_facts, from_raw = both(birch)
    assert from_facts == from_raw
    assert rebuilt_equals_kept()


def test_a_deleted_account_leaves_the_figures(world):
    a1 = world.people["a1"]
    account_delete(user=a1)
    f = view(period="all")
    assert selectors.headline(f).learners == 8  # 9 learners, less a1
    from_facts, from_raw = both(f)
    assert from_facts == from_raw
    assert rebuilt_equals_kept()


def test_the_facts_are_really_read(world):
    """The views read the fact tables (not a test that could pass on the raw path): with the
    facts emptied, the figures are gone."""
    f = view(period="all")
    assert selectors._facts_ready(f)
    PlaceFact.objects.all().delete()
    LearnerFact.objects.all().delete()
    assert selectors.headline(f).lessons == 0
    assert selectors.headline(replace(f, raw=True)).lessons == 25


def test_a_view_of_a_past_moment_reads_the_raw_rows(world):
    """Counting "last lesson on or after the start" needs nothing after the end: a view as at
    a moment before some records is worked out from the raw rows."""
    f = view(now=NOW - timedelta(days=30))
    assert not selectors._facts_ready(f)
    PlaceFact.objects.all().delete()
    assert selectors.headline(f).lessons == selectors.headline(replace(f, raw=True)).lessons > 0


@override_settings(DASHBOARD_FACTS=False)
def test_the_raw_path_can_be_chosen_by_setting(world):
    f = view(period="all")
    PlaceFact.objects.all().delete()
    LearnerFact.objects.all().delete()
    assert selectors.headline(f).lessons == 25


# --- Randomised: every table of every view, facts against raw rows ----------------------------

NOWS = [
    # The night the clocks go back.
    datetime(2025, 10, 26, 1, 30, tzinfo=LONDON),
    # A minute before the new year.
    datetime(2025, 12, 31, 23, 59, tzinfo=LONDON),
    NOW,
    # Exactly midnight on the 1st, in summer time.
    datetime(2026, 7, 1, 0, 0, tzinfo=LONDON),
]


def random_world(rng: random.Random):
    """Places, courses and 40 learners, and their records as a list of (moment, write): the
    writes are made in time order, so the views can be compared as at moments in between."""
    places = [NeighbourhoodFactory(name=f"Estate {n}", slug=f"estate-{n}") for n in range(3)]
    centres = [
        CommunityCentreFactory(name=f"Centre {n}", slug=f"centre-{n}", neighbourhood=places[n])
        for n in range(2)
    ]
    skills = list(Skill.objects.order_by("code")[:3])
    courses = []
    for n in range(3):
        course = CoursePageFactory(title=f"Course {n}", slug=f"random-course-{n}")
        lessons = [
            LessonPageFactory(
                parent=course,
                title=f"C{n} lesson {m}",
                skills=[skills[(n + m) % 3].code] if m < 2 else [],
            )
            for m in range(4)
        ]
        courses.append((course, lessons))
    helper = UserFactory(username="random-helper")
    start = datetime(2024, 6, 1, tzinfo=LONDON)
    span_seconds = int((datetime(2026, 7, 2, tzinfo=LONDON) - start).total_seconds())
    writes: list[tuple[datetime, int, object]] = []

    def later(at, write):
        writes.append((at, len(writes), write))

    learners = []
    for n in range(40):
        learner = UserFactory(
            username=f"random-{n}",
            neighbourhood=rng.choice([*places, None]),
            community_centre=rng.choice([*centres, None]),
            is_staff_member=rng.random() < 0.3,
        )
        learners.append(learner)
        achieved: set[int] = set()
        for course, lessons in rng.sample(courses, rng.randint(0, 3)):
            began = start + timedelta(seconds=rng.randrange(span_seconds))
            done = rng.randint(0, len(lessons))
            later(began, lambda lr=learner, c=course, b=began: enrol(
                learner=lr, course=c, started_at=b))  # fmt: skip
            at = began
            for lesson in lessons[:done]:
                at += timedelta(hours=rng.randint(1, 24 * 40))
                helped = helper if rng.random() < 0.25 else None
                later(at, lambda lr=learner, ls=lesson, c=course, t=at, h=helped: complete(
                    learner=lr, lesson=ls, course=c, at=t, helper=h))  # fmt: skip
                for skill in lesson.skills.all():
                    if skill.pk not in achieved and rng.random() < 0.7:
                        achieved.add(skill.pk)
                        later(at, lambda lr=learner, s=skill, t=at: skill_achieve(
                            learner=lr, skill=s, at=t))  # fmt: skip
            if done == len(lessons):
                later(at, lambda lr=learner, c=course, t=at: course_finish(
                    learner=lr, course=c, at=t))  # fmt: skip
                joined = at + timedelta(days=40)
                later(joined, lambda lr=learner, t=joined: event(
                    actor=lr, verb="community.group.joined", at=t))  # fmt: skip
    writes.sort(key=lambda write: (write[0], write[1]))
    return places, centres, courses, learners, writes


def mixes_of(rng, places, centres, courses) -> list[dict]:
    mixes = [{}]
    for _ in range(9):
        mix = {}
        if rng.random() < 0.4:
            mix["course"] = str(rng.choice(courses)[0].pk)
        if rng.random() < 0.4:
            mix["neighbourhood"] = rng.choice(places).slug
        if rng.random() < 0.4:
            mix["centre"] = rng.choice(centres).slug
        if rng.random() < 0.5:
            mix["learner_type"] = rng.choice(["tenant", "staff"])
        mixes.append(mix)
    return mixes


def compare_every_view(now, mixes, centres) -> int:
    compared = 0
    for period in ("4w", "3m", "12m", "all"):
        for mix in mixes:
            f = view(now=now, period=period, **mix)
            assert selectors._facts_ready(f), (now, period, mix)
            from_facts, from_raw = both(f)
            assert from_facts == from_raw, (now, period, mix)
            compared += 1
        # A champion's own centre, and a champion with no centre.
        for scope in (Scope(every_place=False, centre=centres[0]), Scope(every_place=False)):
            f = view(now=now, period=period, scope=scope)
            from_facts, from_raw = both(f, scope)
            assert from_facts == from_raw, (now, period, scope)
    return compared


def test_random_worlds_give_the_same_figures_from_facts_and_raw_rows():
    rng = random.Random(20)
    places, centres, courses, learners, writes = random_world(rng)
    mixes = mixes_of(rng, places, centres, courses)
    compared = 0
    moments = iter(NOWS)
    moment = next(moments)
    for at, _order, write in writes:
        while moment is not None and at >= moment:
            compared += compare_every_view(moment, mixes, centres)
            moment = next(moments, None)
        write()
    assert moment is None, "every moment was compared"
    assert compared == len(NOWS) * 4 * len(mixes)
    assert rebuilt_equals_kept()

    # Learners move (and one becomes staff, recorded with the change service), after all.
    after = writes[-1][0] + timedelta(days=1)
    for learner in rng.sample(learners, 8):
        profile_update(
            user=learner,
            display_name=learner.display_name,
            preferred_language=learner.preferred_language,
            neighbourhood=rng.choice([*places, None]),
            community_centre=rng.choice([*centres, None]),
        )
    with facts.learner_facts_change(learner_id=learners[0].pk):
        learners[0].is_staff_member = not learners[0].is_staff_member
        learners[0].save(update_fields=["is_staff_member"])
    compare_every_view(after, mixes, centres)
    assert rebuilt_equals_kept()
    # Not an empty world: the widest view has lessons from the cube and from the raw edge.
    widest = view(now=after, period="all")
    assert selectors.headline(widest).lessons == LessonCompletion.objects.count() > 50
    assert Enrolment.objects.filter(~Q(completed_at=None)).count() > 5


def test_sustained_engagement_counts_each_learner_from_their_first_course_in_the_period():
    """From the learner facts, a learner who finished several courses counts once, from the
    first one they finished in the period (not one before it, nor a later one)."""
    courses = [CoursePageFactory(title=f"Course {n}", slug=f"sustained-{n}") for n in range(3)]
    two_in = UserFactory(username="two-in-the-period")
    one_before = UserFactory(username="one-before-the-period")
    at_once = UserFactory(username="two-at-the-same-moment")
    days = timedelta(days=1)
    for course, at in ((courses[0], NOW - 200 * days), (courses[1], NOW - 100 * days)):
        enrol(learner=two_in, course=course, started_at=at - days, completed_at=at)
    event(actor=two_in, verb="community.group.joined", at=NOW - 150 * days)
    for course, at in ((courses[0], NOW - 400 * days), (courses[1], NOW - 20 * days)):
        enrol(learner=one_before, course=course, started_at=at - days, completed_at=at)
    event(actor=one_before, verb="community.group.joined", at=NOW - 300 * days)
    for course in courses[1:]:
        enrol(
            learner=at_once, course=course, started_at=NOW - 61 * days, completed_at=NOW - 60 * days
        )
    event(actor=at_once, verb="lesson.completed", at=NOW - 25 * days)

    year = view(period="12m")
    assert selectors._facts_ready(year)
    got = selectors.sustained(year)
    assert got == selectors.sustained(replace(year, raw=True))
    # 30 days on: two_in (first -200d, active -150d) and at_once (first -60d, active -25d) are
    # old enough and were still active; one_before's first in the year (-20d) is too recent.
    # 90 days on: two_in only is old enough and active (-150d is 50 days after -200d: no).
    assert got.finishers == 3
    assert got.after == {30: (2, 2), 90: (1, 0)}
    # Took part after their first course in the year: two_in (joined a group at -150d).
    assert got.community == 1
    for period in ("4w", "3m", "all"):
        f = view(period=period)
        assert selectors.sustained(f) == selectors.sustained(replace(f, raw=True)), period
    assert selectors.sustained(view(period="all")).finishers == 3
    assert rebuilt_equals_kept()
