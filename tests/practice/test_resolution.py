"""Each step is made concrete from the learner's own neighbourhood and community centre."""

from datetime import timedelta

from django.utils import timezone

import pytest

from community.services import group_join
from practice.models import NextStepKind
from practice.selectors import StepResolver
from tests.factories.community import GroupFactory
from tests.factories.events import EventFactory
from tests.factories.practice import NextStepFactory
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def steps(photo_course):
    course, _ = photo_course
    return {
        kind: NextStepFactory(course=course, kind=kind)
        for kind in (NextStepKind.JOIN_GROUP, NextStepKind.SHARE_PHOTO, NextStepKind.NEXT_EVENT)
    }


def test_two_learners_in_different_neighbourhoods_get_their_own_group_and_event(
    steps, places, elm_learner, river_learner
):
    for learner, slug in ((elm_learner, "elm"), (river_learner, "river")):
        resolver = StepResolver(learner)
        group, event = places[slug]["group"], places[slug]["event"]

        joined = resolver.resolve(steps[NextStepKind.JOIN_GROUP])
        assert joined.target.url == f"/community/groups/{group.slug}/"
        assert joined.target.name == group.name
        assert joined.note == ""

        photo = resolver.resolve(steps[NextStepKind.SHARE_PHOTO])
        assert photo.target.url == f"/community/groups/{group.slug}/new-post/"
        assert photo.button_text == "Share your photo"
        # Taking it, someone not in the group yet is sent to join it first.
        photo = StepResolver(learner, taking=True).resolve(steps[NextStepKind.SHARE_PHOTO])
        assert photo.target.url == f"/community/groups/{group.slug}/"
        assert photo.note == "Join the group first. Then you can share your photo there."
        group_join(group=group, user=learner)
        photo = StepResolver(learner, taking=True).resolve(steps[NextStepKind.SHARE_PHOTO])
        assert photo.target.url == f"/community/groups/{group.slug}/new-post/"
        assert photo.target.obj == group
        assert photo.note == ""

        coming = resolver.resolve(steps[NextStepKind.NEXT_EVENT])
        assert coming.target.url == f"/events/{event.pk}/"
        assert coming.target.name == event.title
        assert places[slug]["centre"].name in coming.target.detail


def test_the_event_is_the_next_one_at_the_learners_centre(steps, places, elm_learner):
    sooner = EventFactory(
        title="Sooner, at the other centre",
        centre=places["river"]["centre"],
        starts_at=timezone.now() + timedelta(hours=2),
    )
    resolved = StepResolver(elm_learner).resolve(steps[NextStepKind.NEXT_EVENT])
    assert resolved.target.obj == places["elm"]["event"]
    assert resolved.target.obj != sooner


def test_with_no_neighbourhood_the_group_falls_back_to_a_topic_group_and_says_why(steps, places):
    topic = GroupFactory(slug="photos-for-all", name="Photos for everyone", neighbourhood=None)
    nowhere = UserFactory()
    resolver = StepResolver(nowhere)

    resolved = resolver.resolve(steps[NextStepKind.JOIN_GROUP])
    assert resolved.target.obj == topic
    assert "You have not told us your neighbourhood yet" in resolved.note
    assert "open to everyone in the area" in resolved.note
    assert resolver.practice([steps[NextStepKind.JOIN_GROUP]]).needs_place


def test_with_no_neighbourhood_and_no_topic_group_the_step_leads_to_the_community_page(steps):
    resolved = StepResolver(UserFactory()).resolve(steps[NextStepKind.SHARE_PHOTO])
    assert resolved.target.url == "/community/"
    assert "You have not told us your neighbourhood yet" in resolved.note


def test_with_no_centre_the_event_is_the_next_one_anywhere(steps, places):
    resolved = StepResolver(UserFactory()).resolve(steps[NextStepKind.NEXT_EVENT])
    soonest = min(
        (places["elm"]["event"], places["river"]["event"]), key=lambda event: event.starts_at
    )
    assert resolved.target.obj == soonest
    assert "next event anywhere in the area" in resolved.note


def test_a_centre_with_no_event_falls_back_to_the_next_one_nearby(steps, places, elm_learner):
    places["elm"]["event"].delete()
    resolved = StepResolver(elm_learner).resolve(steps[NextStepKind.NEXT_EVENT])
    assert resolved.target.obj == places["river"]["event"]
    assert (
        resolved.note
        == "There is no event planned at your centre yet. Here is the next one nearby."
    )


def test_no_event_anywhere_says_so(steps, elm_learner, places):
    for place in places.values():
        place["event"].delete()
    resolved = StepResolver(elm_learner).resolve(steps[NextStepKind.NEXT_EVENT])
    assert resolved.target.url == "/community/neighbourhoods/elm-estate/"
    assert resolved.note == "There are no events planned yet. Have a look again soon."


def test_a_link_step_leads_to_its_address(photo_course, elm_learner):
    course, _ = photo_course
    step = NextStepFactory(course=course, kind=NextStepKind.LINK, url="https://example.org/vote")
    assert StepResolver(elm_learner).resolve(step).target.url == "https://example.org/vote"


def test_a_link_saved_unsafely_behind_the_forms_back_is_never_followed(photo_course, elm_learner):
    course, _ = photo_course
    step = NextStepFactory(course=course, kind=NextStepKind.LINK, url="javascript:alert(1)")
    assert StepResolver(elm_learner).resolve(step).target.url == "/my-learning/"
