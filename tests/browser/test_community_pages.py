"""Community pages in a real browser: the community home (signed in and not), a group, a post
with replies, the new-post form with an error, a report form, and the neighbourhood page. Each
passes axe-core (WCAG 2.2 AA) and fits a 320px-wide screen. A moderator hides a reported post
from the queue in the admin; a group organiser turns a waiting post down; an author deletes their
post."""

import pytest

from community.models import Flag, ModerationAction, Status
from tests.browser.helpers import assert_fits_width, axe_check, field_of, submit, visit
from tests.factories.community import CommentFactory, GroupFactory, PostFactory, member_add
from tests.factories.events import EventFactory
from tests.factories.users import UserFactory
from training.places.models import CommunityCentre, Neighbourhood
from training.users import roles

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def community(demo_content):
    place = Neighbourhood.objects.get(slug="elm-court")
    learner = UserFactory(display_name="Pat", neighbourhood=place)
    group = GroupFactory(
        name="Elm Court neighbours", slug="elm-court-neighbours", neighbourhood=place
    )
    GroupFactory(name="Gardening", slug="gardening", neighbourhood=None)
    member_add(group, learner)
    post = PostFactory(
        group=group,
        author=UserFactory(display_name="Sam"),
        body="The new benches are in. Details: https://example.org/benches-by-the-playground",
    )
    CommentFactory(post=post, author=learner, body="Lovely. Thank you for asking for them.")
    PostFactory(group=group, author=learner, body="Who is coming to the fun day?")
    EventFactory(
        title="Coffee and computers",
        centre=CommunityCentre.objects.get(slug="elm-court-community-centre"),
    )
    return {"learner": learner, "group": group, "post": post, "place": place}


def test_community_pages_pass_axe_and_fit_a_phone(context_new, sign_in, community):
    group, post = community["group"], community["post"]
    urls = [
        "/community/",
        group.get_absolute_url(),
        post.get_absolute_url(),
        f"/community/posts/{post.pk}/report/",
        f"/community/groups/{group.slug}/members/",
        "/community/neighbourhoods/elm-court/",
    ]
    for width in (1280, 320):
        context = context_new(viewport={"width": width, "height": 800})
        visitor = context.new_page()
        visit(visitor, "/community/")
        visit(visitor, group.get_absolute_url())
        visit(visitor, "/community/neighbourhoods/elm-court/")
        sign_in(context, community["learner"])
        page = context.new_page()
        for url in urls:
            visit(page, url)
            if width == 320:
                assert_fits_width(page, 320)

        visit(page, f"/community/groups/{group.slug}/new-post/")
        page.get_by_label("Describe your photo").fill("A photo that is not there")
        page.get_by_label("Your post").fill("   ")
        submit(page, "Post it", label="after form errors")
        error = field_of(page, "id_text").inner_text()
        assert "Write your post first. It cannot be empty." in error
        assert page.get_by_label("Describe your photo").input_value() == (
            "A photo that is not there"
        )
        if width == 320:
            assert_fits_width(page, 320)


def test_a_member_writes_a_post_and_a_reply(page, sign_in, community):
    group = community["group"]
    sign_in(page.context, community["learner"])
    visit(page, group.get_absolute_url())
    page.get_by_role("link", name="Write a post").click()
    axe_check(page)
    page.get_by_label("Your post").fill("Bins go out on Tuesday this week.")
    submit(page, "Post it")
    assert page.get_by_text("Your post is in the group.").is_visible()
    page.get_by_label("Your reply").fill("And recycling on Thursday.")
    submit(page, "Post my reply")
    assert page.get_by_text("And recycling on Thursday.").is_visible()

    page.get_by_role("link", name="Delete my post").click()
    axe_check(page, label="delete confirmation")
    submit(page, "Yes, delete my post")
    assert page.get_by_text("Your post is deleted.").is_visible()
    assert page.get_by_text("Bins go out on Tuesday this week.").count() == 0


def test_a_moderator_hides_a_reported_post_from_the_admin_queue(page, sign_in, community):
    post = community["post"]
    Flag.objects.create(post=post, flagged_by=community["learner"], reason="Rude words")
    sign_in(page.context, UserFactory(role=roles.MODERATOR, display_name="Jo"))

    visit(page, "/admin/")
    with page.expect_navigation():
        page.get_by_role("link", name="Moderation").first.click()
    axe_check(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Review post by Sam").click()
    axe_check(page)
    assert page.get_by_text("Rude words").is_visible()
    page.get_by_label("Reason (the author is told this when you hide)").fill("Please be kind.")
    submit(page, "Hide")
    post.refresh_from_db()
    assert post.status == Status.HIDDEN
    visit(page, "/admin/community/moderation/log/")
    assert page.get_by_role("cell", name="Please be kind.").is_visible()
    assert ModerationAction.objects.filter(action="hide", post=post).exists()


def test_a_group_organiser_turns_a_waiting_post_down_with_a_reason(page, sign_in, community):
    group = GroupFactory(name="Hillview allotments", slug="hillview-allotments", pre_moderate=True)
    organiser = member_add(group, role="moderator").user
    PostFactory(
        group=group, author=UserFactory(display_name="Lee"), body="Selling my sofa, £20",
        status=Status.PENDING,
    )  # fmt: skip
    sign_in(page.context, organiser)
    visit(page, f"/community/groups/{group.slug}/waiting/")
    page.get_by_role("link", name="Turn it down").click()
    axe_check(page, label="turn down form")
    submit(page, "Turn it down", label="after the missing reason")
    assert "Write why, so the author knows." in field_of(page, "id_reason").inner_text()
    page.get_by_label("Why are you turning it down? The author is told this.").fill(
        "Please use the noticeboard for selling."
    )
    submit(page, "Turn it down")
    assert page.get_by_text("The post is turned down. We have told the author why.").is_visible()
    assert page.get_by_text("No posts are waiting.").is_visible()
