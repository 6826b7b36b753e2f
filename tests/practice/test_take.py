"""Taking a step: recorded once per take in the activity stream, then on to the real thing."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from PIL import Image

from community.photos import photo_prepare
from community.services import group_join, post_create
from practice.models import NextStepKind
from practice.selectors import VERB_TAKEN, StepResolver, steps_mark_done
from tests.factories.practice import NextStepFactory
from tests.factories.users import UserFactory
from training.core.models import ActivityEvent

pytestmark = pytest.mark.django_db


def _taken(learner):
    return list(ActivityEvent.objects.filter(actor=learner, verb=VERB_TAKEN))


@pytest.fixture
def join_step(photo_course):
    course, _ = photo_course
    return NextStepFactory(course=course, kind=NextStepKind.JOIN_GROUP, title="Join your group")


def test_taking_a_step_records_it_once_with_its_context_and_goes_to_the_group(
    client, join_step, places, elm_learner
):
    client.force_login(elm_learner)
    response = client.post(f"/practice/steps/{join_step.pk}/take/")

    group = places["elm"]["group"]
    assert response.status_code == 302
    assert response["Location"] == f"/community/groups/{group.slug}/"
    [event] = _taken(elm_learner)
    assert event.object == join_step
    assert event.context == {
        "kind": "join_group",
        "neighbourhood_id": places["elm"]["neighbourhood"].pk,
        "centre_id": places["elm"]["centre"].pk,
        "target": {
            "type": "group",
            "url": f"/community/groups/{group.slug}/",
            "id": group.pk,
            "name": group.name,
        },
        "course_id": join_step.course_id,
    }
    assert event.verb.startswith("community.")  # counted as taking part


def test_each_take_is_one_event(client, join_step, elm_learner):
    client.force_login(elm_learner)
    client.post(f"/practice/steps/{join_step.pk}/take/")
    client.post(f"/practice/steps/{join_step.pk}/take/")
    assert len(_taken(elm_learner)) == 2


def test_the_same_step_takes_each_learner_to_their_own_event(
    client, photo_course, places, elm_learner, river_learner
):
    course, _ = photo_course
    step = NextStepFactory(course=course, kind=NextStepKind.NEXT_EVENT)
    for learner, slug in ((elm_learner, "elm"), (river_learner, "river")):
        client.force_login(learner)
        response = client.post(f"/practice/steps/{step.pk}/take/")
        event = places[slug]["event"]
        assert response["Location"] == f"/events/{event.pk}/"
        [taken] = _taken(learner)
        assert taken.context["target"]["id"] == event.pk
        assert taken.context["neighbourhood_id"] == places[slug]["neighbourhood"].pk


def test_sharing_a_photo_goes_to_the_new_post_form_for_members_and_the_group_for_others(
    client, photo_course, places, elm_learner
):
    course, _ = photo_course
    step = NextStepFactory(course=course, kind=NextStepKind.SHARE_PHOTO)
    group = places["elm"]["group"]
    client.force_login(elm_learner)

    response = client.post(f"/practice/steps/{step.pk}/take/", follow=True)
    assert response.redirect_chain == [(f"/community/groups/{group.slug}/", 302)]
    assert "Join the group first. Then you can share your photo there." in response.text

    group_join(group=group, user=elm_learner)
    response = client.post(f"/practice/steps/{step.pk}/take/")
    assert response["Location"] == f"/community/groups/{group.slug}/new-post/"


def test_someone_not_signed_in_is_sent_to_sign_in_and_nothing_is_recorded(client, join_step):
    url = f"/practice/steps/{join_step.pk}/take/"
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/?next=")
    assert not ActivityEvent.objects.filter(verb=VERB_TAKEN).exists()


def test_after_signing_in_the_step_page_shows_the_step_with_its_button(
    client, join_step, places, elm_learner
):
    client.force_login(elm_learner)
    response = client.get(f"/practice/steps/{join_step.pk}/take/")
    assert response.status_code == 200
    page = response.text
    assert "Join your group" in page
    assert places["elm"]["group"].name in page
    assert f'action="/practice/steps/{join_step.pk}/take/"' in page
    assert not _taken(elm_learner)  # looking is not taking


def test_a_step_that_does_not_exist_is_not_found(client, elm_learner):
    client.force_login(elm_learner)
    assert client.post("/practice/steps/999999/take/").status_code == 404


def test_done_is_read_from_the_activity_stream(photo_course, places, elm_learner):
    course, _ = photo_course
    join = NextStepFactory(course=course, kind=NextStepKind.JOIN_GROUP)
    photo = NextStepFactory(course=course, kind=NextStepKind.SHARE_PHOTO)
    event = NextStepFactory(course=course, kind=NextStepKind.NEXT_EVENT)
    group = places["elm"]["group"]

    def states():
        practice = StepResolver(elm_learner).practice([join, photo, event])
        steps_mark_done(learner=elm_learner, steps=practice.steps)
        return {item.step.kind: item.done for item in practice.steps}

    assert states() == {"join_group": False, "share_photo": False, "next_event": False}
    group_join(group=group, user=elm_learner)
    post_create(group=group, author=elm_learner, text="Hello, neighbours!")
    # A post with no photo is not "sharing a photo".
    assert states() == {"join_group": True, "share_photo": False, "next_event": False}


def test_sharing_a_photo_in_the_group_marks_the_photo_step_done(photo_course, places, elm_learner):
    course, _ = photo_course
    photo_step = NextStepFactory(course=course, kind=NextStepKind.SHARE_PHOTO)
    group = places["elm"]["group"]
    group_join(group=group, user=elm_learner)
    buffer = BytesIO()
    Image.new("RGB", (32, 24), (200, 120, 40)).save(buffer, format="PNG")
    post_create(
        group=group,
        author=elm_learner,
        text="The new benches",
        photo=photo_prepare(SimpleUploadedFile("benches.png", buffer.getvalue())),
        photo_description="Two green benches",
    )
    practice = StepResolver(elm_learner).practice([photo_step])
    steps_mark_done(learner=elm_learner, steps=practice.steps)
    assert practice.steps[0].done


def test_joining_another_group_does_not_count(photo_course, places, elm_learner):
    course, _ = photo_course
    join = NextStepFactory(course=course, kind=NextStepKind.JOIN_GROUP)
    group_join(group=places["river"]["group"], user=elm_learner)
    practice = StepResolver(elm_learner).practice([join])
    steps_mark_done(learner=elm_learner, steps=practice.steps)
    assert not practice.steps[0].done


def test_a_link_step_is_done_once_taken(client, photo_course):
    course, _ = photo_course
    step = NextStepFactory(course=course, kind=NextStepKind.LINK, url="/community/")
    learner = UserFactory()
    client.force_login(learner)
    assert client.post(f"/practice/steps/{step.pk}/take/")["Location"] == "/community/"
    practice = StepResolver(learner).practice([step])
    steps_mark_done(learner=learner, steps=practice.steps)
    assert practice.steps[0].taken and practice.steps[0].done
