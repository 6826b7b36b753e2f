"""The dashboard's fact table (dashboards/facts.py): kept in step by the real services, rebuilt
to the same rows, and giving every figure of every view exactly as the raw rows do."""

import random
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.management import call_command
from django.http import QueryDict
from django.test import override_settings
from django.utils.http import urlencode

import pytest

from courses.models import LessonCompletion
from courses.progress.services import lesson_complete
from dashboards import selectors
from dashboards.access import Scope
from dashboards.facts import EVERY_COURSE, facts_rebuild, month_span
from dashboards.filters import DashboardFilterForm, filters_from
from dashboards.models import LessonMonth
from dashboards.reports import dashboard_tables
from tests.dashboards.conftest import NOW
from tests.factories.courses import CoursePageFactory, LessonPageFactory
from tests.factories.dashboards import complete, enrol, event, skill_achieve
from tests.factories.places import CommunityCentreFactory, NeighbourhoodFactory
from tests.factories.users import UserFactory
from training.users.services import profile_update

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
EVERY_PLACE = Scope(every_place=True)


def facts_rows() -> set[tuple]:
    return set(
        LessonMonth.objects.values_list("learner_id", "course_id", "month", "lessons", "helped")
    )


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
    }


def test_month_span_splits_a_rolling_period_into_whole_months_and_edges():
    now = datetime(2026, 6, 17, 12, tzinfo=LONDON)
    first, last = month_span(now - timedelta(days=365), now)
    assert (first, last) == (
        datetime(2025, 7, 1, tzinfo=LONDON),
        datetime(2026, 6, 1, tzinfo=LONDON),
    )
    # A period that starts exactly at midnight on the 1st uses that month whole.
    assert month_span(datetime(2026, 3, 1, tzinfo=LONDON), now)[0] == datetime(
        2026, 3, 1, tzinfo=LONDON
    )
    # Four weeks inside one month: no whole month, everything from the raw rows.
    assert month_span(datetime(2026, 6, 2, tzinfo=LONDON), now) is None
    assert month_span(None, now) == (None, datetime(2026, 6, 1, tzinfo=LONDON))


def test_completing_a_lesson_through_the_service_counts_it_in(world):
    learner = world.people["b1"]
    lesson = LessonPageFactory(parent=world.course_y, title="Y lesson 3")
    helper = world.people["a1"]
    before = dict(LessonMonth.objects.filter(learner=learner).values_list("course_id", "lessons"))
    at = datetime(2026, 6, 10, 9, tzinfo=LONDON)

    lesson_complete(learner=learner, lesson=lesson, helper=helper, completed_at=at)
    # Done twice (a double click): counted once.
    lesson_complete(learner=learner, lesson=lesson, helper=helper, completed_at=at)

    june = LessonMonth.objects.filter(learner=learner, month=at.date().replace(day=1))
    assert dict(june.values_list("course_id", "lessons")) == {
        world.course_y.pk: 2,
        EVERY_COURSE: 2,
    }
    assert set(june.values_list("helped", flat=True)) == {1}
    assert before != dict(
        LessonMonth.objects.filter(learner=learner).values_list("course_id", "lessons")
    )
    # Exactly what a rebuild from the completions gives.
    kept = facts_rows()
    facts_rebuild()
    assert facts_rows() == kept


def test_the_completions_of_the_world_give_the_same_rows_as_a_rebuild(world):
    kept = facts_rows()
    assert kept, "the world's completions were counted in as they were saved"
    LessonMonth.objects.all().delete()
    call_command("dashboard_facts_rebuild", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert facts_rows() == kept
    # c1's lesson 400 days ago, in May 2025: one row for course X and one for every course.
    c1 = world.people["c1"]
    assert set(LessonMonth.objects.filter(learner=c1).values_list("course_id", "month")) == {
        (world.course_x.pk, datetime(2025, 5, 1).date()),
        (EVERY_COURSE, datetime(2025, 5, 1).date()),
    }


def test_a_changed_completion_is_worked_out_again(world):
    """A completion saved again (here: marked as done with help) changes its learner's rows."""
    completion = LessonCompletion.objects.filter(learner=world.people["a6"]).first()
    completion.assisted = True
    completion.save()
    kept = facts_rows()
    facts_rebuild()
    assert facts_rows() == kept
    f = view()
    from_facts, from_raw = both(f)
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
    after = {row.label: row.learners for row in selectors.breakdown(f, by="neighbourhood")}
    assert after == {"Alder": 5, "Birch": 3}
    assert after == {
        row.label: row.learners
        for row in selectors.breakdown(replace(f, raw=True), by="neighbourhood")
    }
    birch = view(neighbourhood="birch")
    assert selectors.headline(birch).learners == 3
    from_facts, from_raw = both(birch)
    assert from_facts == from_raw


def test_the_facts_are_really_read(world):
    """The wide views read the fact table (not a test that could pass on the raw path): with
    the facts emptied, the whole months of the period are gone from the figures."""
    f = view(period="all")
    LessonMonth.objects.all().delete()
    assert selectors.headline(f).lessons < selectors.headline(replace(f, raw=True)).lessons


@override_settings(DASHBOARD_FACTS=False)
def test_the_raw_path_can_be_chosen_by_setting(world):
    f = view(period="all")
    LessonMonth.objects.all().delete()
    assert selectors.headline(f).lessons == 25


# --- Randomised: every table of every view, facts against raw rows ----------------------------

NOWS = [
    NOW,
    # Exactly midnight on the 1st (the period's first month is whole), in summer time.
    datetime(2026, 7, 1, 0, 0, tzinfo=LONDON),
    # The night the clocks go back.
    datetime(2025, 10, 26, 1, 30, tzinfo=LONDON),
    # A minute before the new year.
    datetime(2025, 12, 31, 23, 59, tzinfo=LONDON),
]


def random_world(rng: random.Random):
    places = [NeighbourhoodFactory(name=f"Estate {n}", slug=f"estate-{n}") for n in range(3)]
    centres = [
        CommunityCentreFactory(name=f"Centre {n}", slug=f"centre-{n}", neighbourhood=places[n])
        for n in range(2)
    ]
    courses = []
    for n in range(3):
        course = CoursePageFactory(title=f"Course {n}", slug=f"random-course-{n}")
        lessons = [
            LessonPageFactory(
                parent=course, title=f"C{n} lesson {m}", skills=["SAF-7"] if m == 0 else []
            )
            for m in range(4)
        ]
        courses.append((course, lessons))
    helper = UserFactory(username="random-helper")
    start = datetime(2024, 6, 1, tzinfo=LONDON)
    span_seconds = int((datetime(2026, 7, 2, tzinfo=LONDON) - start).total_seconds())
    from courses.models import Skill

    skill = Skill.objects.get(code="SAF-7")
    for n in range(40):
        learner = UserFactory(
            username=f"random-{n}",
            neighbourhood=rng.choice([*places, None]),
            community_centre=rng.choice([*centres, None]),
            is_staff_member=rng.random() < 0.3,
        )
        for course, lessons in rng.sample(courses, rng.randint(0, 3)):
            began = start + timedelta(seconds=rng.randrange(span_seconds))
            done = rng.randint(0, len(lessons))
            at = began
            for lesson in lessons[:done]:
                at += timedelta(hours=rng.randint(1, 24 * 40))
                complete(
                    learner=learner,
                    lesson=lesson,
                    course=course,
                    at=at,
                    helper=helper if rng.random() < 0.25 else None,
                )
            enrol(
                learner=learner,
                course=course,
                started_at=began,
                last_lesson=lessons[max(done - 1, 0)],
                completed_at=at if done == len(lessons) else None,
            )
            if done:
                if not learner.skill_records.exists():
                    skill_achieve(learner=learner, skill=skill, at=at)
                event(actor=learner, verb="community.group.joined", at=at + timedelta(days=40))
    return places, centres, courses


def test_random_worlds_give_the_same_figures_from_facts_and_raw_rows():
    rng = random.Random(20)
    places, centres, courses = random_world(rng)
    kept = facts_rows()
    facts_rebuild()
    assert facts_rows() == kept
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
    compared = 0
    for now in NOWS:
        for period in ("4w", "3m", "12m", "all"):
            for mix in mixes:
                f = view(now=now, period=period, **mix)
                from_facts, from_raw = both(f)
                assert from_facts == from_raw, (now, period, mix)
                compared += 1
            # A champion's own centre, and a champion with no centre.
            for scope in (Scope(every_place=False, centre=centres[0]), Scope(every_place=False)):
                f = view(now=now, period=period, scope=scope)
                from_facts, from_raw = both(f, scope)
                assert from_facts == from_raw, (now, period, scope)
    assert compared == len(NOWS) * 4 * len(mixes)
    # Not an empty world: the widest view has lessons from the facts and from the edges.
    widest = view(period="all")
    assert (
        selectors.headline(widest).lessons
        == LessonCompletion.objects.filter(completed_at__lt=NOW).count()
    )
