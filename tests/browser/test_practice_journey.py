"""From skills to participation, across the apps, in a real browser.

A learner finishes the photo course, sees “Put it into practice” with their own neighbourhood
group, follows the step, joins the group, posts a photo with a description, and reports a
neighbour's post (the third report, so it is hidden until reviewed). A moderator then opens the
moderation queue in the Wagtail admin and hides that post with a reason. My learning shows the
step as done. axe-core checks every public page reached (the admin is Wagtail's own, as in
``test_authoring_journey.py``).
"""

from io import BytesIO

import pytest
from PIL import Image

from community.models import ModerationAction, Post
from community.models.content import Status
from community.services import group_join, item_flag, post_create
from practice.models import NextStepKind
from practice.selectors import VERB_TAKEN
from tests.browser.helpers import assert_fits_width, axe_check, submit, visit
from tests.browser.test_progress_journeys import sign_in_with_form
from tests.factories.community import GroupFactory
from tests.factories.courses import CoursePageFactory, LessonPageFactory
from tests.factories.events import EventFactory
from tests.factories.places import CommunityCentreFactory, NeighbourhoodFactory
from tests.factories.practice import NextStepFactory
from tests.factories.users import PASSWORD, UserFactory, totp_code
from training.core.models import ActivityEvent
from training.users import roles

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEIGHBOUR_POST = "Selling cheap phones, send me your bank details"


@pytest.fixture
def world():
    elm = NeighbourhoodFactory(slug="elm-court", name="Elm Court estate")
    centre = CommunityCentreFactory(
        slug="elm-court-community-centre", name="Elm Court Community Centre", neighbourhood=elm
    )
    group = GroupFactory(
        slug="elm-court-neighbours", name="Elm Court neighbours", neighbourhood=elm
    )
    # Another neighbourhood's group: the learner must not be sent there.
    GroupFactory(slug="riverside-neighbours", name="Riverside neighbours")
    EventFactory(title="Coffee and computers", centre=centre)

    course = CoursePageFactory(
        title="Taking and sharing photos", slug="taking-and-sharing-photos", skills=["COM-3"]
    )
    LessonPageFactory(parent=course, title="Taking a good photo", slug="taking")
    LessonPageFactory(parent=course, title="Sharing a photo", slug="sharing", skills=["COM-3"])
    step = NextStepFactory(
        course=course,
        kind=NextStepKind.SHARE_PHOTO,
        title="Share a photo of something better on your estate",
        text="New benches, a tidy bin store: show your neighbours.",
    )

    neighbour = UserFactory(display_name="Chris", neighbourhood=elm)
    group_join(group=group, user=neighbour)
    bad = post_create(group=group, author=neighbour, text=NEIGHBOUR_POST)
    for name in ("Ann", "Bo"):
        member = UserFactory(display_name=name, neighbourhood=elm)
        group_join(group=group, user=member)
        item_flag(item=bad, user=member, reason="It is a scam.")

    learner = UserFactory(display_name="Pat Jones", neighbourhood=elm, community_centre=centre)
    moderator = UserFactory(role=roles.MODERATOR, display_name="Jo")
    return {"group": group, "step": step, "bad": bad, "learner": learner, "moderator": moderator}


def _png() -> dict:
    buffer = BytesIO()
    Image.new("RGB", (64, 48), (30, 120, 60)).save(buffer, format="PNG")
    return {"name": "benches.png", "mimeType": "image/png", "buffer": buffer.getvalue()}


def test_a_learner_puts_the_photo_course_into_practice_and_a_moderator_hides_a_flagged_post(
    page, context_new, world
):
    learner, group, step = world["learner"], world["group"], world["step"]
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in_with_form(page, learner.email)

    # The course: the last lesson shows the step, personalised to Elm Court.
    visit(page, "/courses/taking-and-sharing-photos/taking/")
    assert page.get_by_role("heading", name="Put it into practice").count() == 0
    submit(page, "I've done this")
    visit(page, "/courses/taking-and-sharing-photos/sharing/")
    submit(page, "I've done this", label="the course finished")
    assert page.get_by_text("You have finished this lesson and the whole course.").is_visible()
    practice = page.locator("section.practice")
    assert practice.get_by_role("heading", name="Put it into practice").is_visible()
    assert practice.get_by_text("Elm Court neighbours").is_visible()
    assert practice.get_by_text("Riverside").count() == 0

    # Follow the step: recorded, and on to the group.
    submit(page, "Share your photo", label="the group, from the next step")
    assert page.url.endswith(f"/community/groups/{group.slug}/")
    assert page.get_by_text(
        "Join the group first. Then you can share your photo there."
    ).is_visible()
    [taken] = ActivityEvent.objects.filter(actor=learner, verb=VERB_TAKEN)
    assert taken.object_id == str(step.pk)
    assert taken.context["neighbourhood_id"] == group.neighbourhood_id
    assert taken.context["target"]["id"] == group.pk

    submit(page, "Join group", label="after joining")
    assert page.get_by_text("You have joined Elm Court neighbours.").is_visible()

    # Post a photo with its description.
    with page.expect_navigation():
        page.get_by_role("link", name="Write a post").click()
    axe_check(page, label="the new-post form")
    page.get_by_label("Your post").fill("The new benches by the playground are lovely.")
    page.get_by_label("Photo (optional)").set_input_files(_png())
    page.get_by_label("Describe your photo").fill("Two green benches by the playground")
    submit(page, "Post it", label="the new post")
    assert page.get_by_text("Your post is in the group.").is_visible()
    photo = page.get_by_role("img", name="Two green benches by the playground")
    assert photo.is_visible()
    post = Post.objects.get(author=learner)
    assert post.photo and post.photo_description == "Two green benches by the playground"

    # My learning: the step is done.
    visit(page, "/my-learning/")
    mine = page.locator("section.practice")
    assert mine.get_by_text("Share a photo of something better on your estate").is_visible()
    assert mine.get_by_text("Done. Well done!").is_visible()
    # The step's own page (where signing in from a step leads) shows it done too.
    visit(page, f"/practice/steps/{step.pk}/take/")
    assert page.get_by_text("Done. Well done!").is_visible()
    # On a small phone too: nothing wider than the screen, still no axe violations.
    page.set_viewport_size({"width": 320, "height": 640})
    visit(page, "/my-learning/")
    assert_fits_width(page, 320)
    page.set_viewport_size({"width": 1280, "height": 800})

    # The learner reports a neighbour's post: the third report hides it until reviewed.
    visit(page, f"/community/posts/{world['bad'].pk}/")
    with page.expect_navigation():
        page.get_by_role("link", name="Report this post").click()
    axe_check(page, label="the report form")
    page.get_by_label("What is wrong with it?").fill("It asks for bank details.")
    submit(page, "Send report", label="after reporting")
    bad = Post.objects.get(pk=world["bad"].pk)
    assert bad.status == Status.HIDDEN

    # A moderator hides it for good from the queue in the Wagtail admin, with a reason.
    moderator_page = context_new().new_page()
    moderator_page.goto("/admin/login/")  # sends staff to the one sign-in page (allauth)
    moderator_page.fill("#id_login", world["moderator"].email)
    moderator_page.fill("#id_password", PASSWORD)
    with moderator_page.expect_navigation():
        moderator_page.locator("form:has(#id_login) button[type=submit]").click()
    # Moderators must use two-step sign-in: the code from their app (the factory's secret).
    moderator_page.fill("#id_code", totp_code())
    with moderator_page.expect_navigation():
        moderator_page.locator("form:has(#id_code) button[type=submit]").first.click()
    moderator_page.goto("/admin/community/moderation/")
    assert moderator_page.get_by_text(NEIGHBOUR_POST).is_visible()
    with moderator_page.expect_navigation():
        moderator_page.get_by_role("link", name="Review post by Chris").click()
    assert moderator_page.get_by_text("It asks for bank details.").is_visible()
    moderator_page.locator("#id_hide-reason").fill("Scams are not allowed in the group.")
    with moderator_page.expect_navigation():
        moderator_page.get_by_role("button", name="Hide", exact=True).click()
    assert moderator_page.get_by_text("Hidden. The author has been told why.").is_visible()

    bad.refresh_from_db()
    assert bad.status == Status.HIDDEN
    assert bad.hidden_reason == "Scams are not allowed in the group."
    assert ModerationAction.objects.filter(
        post=bad, moderator=world["moderator"], reason="Scams are not allowed in the group."
    ).exists()

    # Members no longer see it in the group.
    visit(page, f"/community/groups/{group.slug}/")
    assert page.get_by_text(NEIGHBOUR_POST).count() == 0
    assert page.get_by_role("img", name="Two green benches by the playground").is_visible()
    assert not errors, errors
