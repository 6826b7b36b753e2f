"""A small world whose every dashboard figure is worked out by hand (see the comments).

NOW is fixed: figures are computed "as at" NOW by building the filters with ``now=NOW``.

- Course X has 4 lessons (lesson 1 teaches SAF-7); course Y has 2 lessons.
- Neighbourhood "Alder" with centre "Alder Hall"; neighbourhood "Birch" with "Birch House".
- a1..a5 (tenants, Alder Hall) started X at NOW-100d and finished all 4 lessons 2, 4, 6, 8 and
  9 days later (NOW-98d ... NOW-91d, all in March 2026); lesson 1 done with help. Median time: 6
  days. They each took part in the community after finishing; all were active 35 days after
  finishing; only a1 was active 91 days after.
- a6 (tenant, Alder Hall) started X at NOW-60d, did lessons 1 and 2 then stopped: stalled.
- b1, b2 (staff, Birch House) started Y at NOW-10d and NOW-20d, one lesson each; b2 stalled.
- c1 (tenant, Alder Hall) did lesson 1 of X 400 days before NOW: outside the 12 months.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from courses.models import Skill
from courses.verbs import QUIZ_ATTEMPTED
from tests.factories.courses import CoursePageFactory, LessonPageFactory
from tests.factories.dashboards import complete, enrol, event, skill_achieve
from tests.factories.places import CommunityCentreFactory, NeighbourhoodFactory
from tests.factories.users import UserFactory
from training.users import roles

NOW = datetime(2026, 6, 17, 12, 0, tzinfo=ZoneInfo("Europe/London"))
DAY = timedelta(days=1)


@dataclass
class World:
    course_x: object
    course_y: object
    alder: object
    birch: object
    alder_hall: object
    birch_house: object
    people: dict = field(default_factory=dict)


@pytest.fixture
def world(db) -> World:
    return world_build()


def world_build() -> World:
    alder = NeighbourhoodFactory(name="Alder", slug="alder")
    birch = NeighbourhoodFactory(name="Birch", slug="birch")
    alder_hall = CommunityCentreFactory(name="Alder Hall", slug="alder-hall", neighbourhood=alder)
    birch_house = CommunityCentreFactory(
        name="Birch House", slug="birch-house", neighbourhood=birch
    )
    course_x = CoursePageFactory(title="Course X", slug="course-x")
    x = [
        LessonPageFactory(
            parent=course_x, title=f"X lesson {n}", skills=["SAF-7"] if n == 1 else []
        )
        for n in range(1, 5)
    ]
    course_y = CoursePageFactory(title="Course Y", slug="course-y")
    y = [LessonPageFactory(parent=course_y, title=f"Y lesson {n}") for n in range(1, 3)]
    skill = Skill.objects.get(code="SAF-7")
    helper = UserFactory(
        username="helper", role=roles.DIGITAL_CHAMPION, community_centre=alder_hall
    )
    w = World(course_x, course_y, alder, birch, alder_hall, birch_house)

    def person(name, *, neighbourhood, centre, staff=False):
        w.people[name] = UserFactory(
            username=name,
            display_name=f"Person {name.upper()}",
            neighbourhood=neighbourhood,
            community_centre=centre,
            is_staff_member=staff,
        )
        return w.people[name]

    for number, days in enumerate([2, 4, 6, 8, 9], start=1):
        a = person(f"a{number}", neighbourhood=alder, centre=alder_hall)
        started, finished = NOW - 100 * DAY, NOW - (100 - days) * DAY
        enrol(
            learner=a, course=course_x, started_at=started, completed_at=finished, last_lesson=x[3]
        )
        for index, lesson in enumerate(x):
            complete(
                learner=a,
                lesson=lesson,
                course=course_x,
                at=finished,
                helper=helper if index == 0 else None,
            )
        skill_achieve(learner=a, skill=skill, at=finished)
        event(actor=a, verb="community.group.joined", at=finished + DAY)
        event(actor=a, verb=QUIZ_ATTEMPTED, at=finished + 35 * DAY)
        if number == 1:
            event(actor=a, verb=QUIZ_ATTEMPTED, at=finished + 91 * DAY)

    a6 = person("a6", neighbourhood=alder, centre=alder_hall)
    enrol(learner=a6, course=course_x, started_at=NOW - 60 * DAY, last_lesson=x[1])
    for lesson in x[:2]:
        complete(learner=a6, lesson=lesson, course=course_x, at=NOW - 60 * DAY)
    skill_achieve(learner=a6, skill=skill, at=NOW - 60 * DAY)
    event(actor=a6, verb="community.post.created", at=NOW - 50 * DAY)

    for name, days in [("b1", 10), ("b2", 20)]:
        b = person(name, neighbourhood=birch, centre=birch_house, staff=True)
        enrol(learner=b, course=course_y, started_at=NOW - days * DAY, last_lesson=y[0])
        complete(learner=b, lesson=y[0], course=course_y, at=NOW - days * DAY)

    c1 = person("c1", neighbourhood=alder, centre=alder_hall)
    enrol(learner=c1, course=course_x, started_at=NOW - 400 * DAY, last_lesson=x[0])
    complete(learner=c1, lesson=x[0], course=course_x, at=NOW - 400 * DAY)
    return w
