import pytest

from tests.factories.community import GroupFactory
from tests.factories.courses import CoursePageFactory, LessonPageFactory, course_index
from tests.factories.events import EventFactory
from tests.factories.places import CommunityCentreFactory, NeighbourhoodFactory
from tests.factories.users import UserFactory


@pytest.fixture
def photo_course(db):
    """A published course of two lessons; the second teaches COM-3."""
    course_index()
    course = CoursePageFactory(
        title="Taking and sharing photos", slug="photos-practice", skills=["COM-3"]
    )
    first = LessonPageFactory(parent=course, title="Taking a good photo", slug="taking")
    second = LessonPageFactory(
        parent=course, title="Sharing a photo", slug="sharing", skills=["COM-3"]
    )
    return course, [first, second]


@pytest.fixture
def places(db):
    """Two neighbourhoods, each with a centre, an open group and an event coming up."""
    made = {}
    for slug in ("elm", "river"):
        neighbourhood = NeighbourhoodFactory(slug=f"{slug}-estate", name=f"{slug.title()} estate")
        centre = CommunityCentreFactory(
            slug=f"{slug}-centre", name=f"{slug.title()} Centre", neighbourhood=neighbourhood
        )
        group = GroupFactory(
            slug=f"{slug}-neighbours",
            name=f"{slug.title()} neighbours",
            neighbourhood=neighbourhood,
        )
        event = EventFactory(title=f"{slug.title()} coffee morning", centre=centre)
        made[slug] = {
            "neighbourhood": neighbourhood,
            "centre": centre,
            "group": group,
            "event": event,
        }
    return made


@pytest.fixture
def elm_learner(places):
    return UserFactory(
        neighbourhood=places["elm"]["neighbourhood"], community_centre=places["elm"]["centre"]
    )


@pytest.fixture
def river_learner(places):
    return UserFactory(
        neighbourhood=places["river"]["neighbourhood"], community_centre=places["river"]["centre"]
    )
