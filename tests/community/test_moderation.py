"""Reports, the three-report threshold, pre-moderation, the admin queue and the audit log."""

import pytest

from community.models import Flag, ModerationAction, Post, Status
from notifications.models import Notification
from tests.factories.community import CommentFactory, GroupFactory, PostFactory, member_add
from tests.factories.users import UserFactory
from training.core.models import ActivityEvent

pytestmark = pytest.mark.django_db


def report(client, url, reason="It shares someone's phone number"):
    return client.post(url, {"reason": reason})


def test_three_reports_hide_a_post_until_reviewed_and_the_author_is_told(signed_in, group, member):
    post = PostFactory(group=group, author=member, body="Call Dave on 07700 900123")
    reporters = [member_add(group).user for _ in range(3)]
    url = f"/community/posts/{post.pk}/report/"

    for reporter in reporters[:2]:
        assert report(signed_in(reporter), url).status_code == 302
    post.refresh_from_db()
    assert post.status == Status.PUBLISHED
    assert not Notification.objects.filter(kind="content_hidden").exists()

    report(signed_in(reporters[2]), url)
    post.refresh_from_db()
    assert post.status == Status.HIDDEN
    assert "3 people reported it" in post.hidden_reason
    notification = Notification.objects.get(recipient=member, kind="content_hidden")
    assert "3 people reported it" in notification.body
    log = ModerationAction.objects.get()
    assert (log.action, log.moderator, log.post) == ("auto_hide", None, post)

    # Others no longer see it; the author sees it with a notice saying why.
    other_view = signed_in(reporters[0]).get(group.get_absolute_url()).content.decode()
    assert "Call Dave" not in other_view
    assert signed_in(reporters[0]).get(post.get_absolute_url()).status_code == 404
    own_view = signed_in(member).get(post.get_absolute_url()).content.decode()
    assert "A moderator has hidden this. Other people cannot see it." in own_view
    assert "3 people reported it" in own_view


def test_one_report_per_person_per_item(signed_in, group, member):
    post = PostFactory(group=group)
    client = signed_in(member)
    report(client, f"/community/posts/{post.pk}/report/")
    response = report(client, f"/community/posts/{post.pk}/report/")
    assert response.status_code == 302
    assert Flag.objects.count() == 1
    # The same person reporting three times never hides anything.
    report(client, f"/community/posts/{post.pk}/report/")
    post.refresh_from_db()
    assert post.status == Status.PUBLISHED


def test_reports_on_replies_count_too(signed_in, group):
    comment = CommentFactory(post=PostFactory(group=group))
    for _ in range(3):
        report(signed_in(member_add(group).user), f"/community/comments/{comment.pk}/report/")
    comment.refresh_from_db()
    assert comment.status == Status.HIDDEN
    assert Notification.objects.filter(recipient=comment.author, kind="content_hidden").exists()


def test_a_report_needs_a_reason(signed_in, group, member):
    post = PostFactory(group=group)
    response = report(signed_in(member), f"/community/posts/{post.pk}/report/", reason="")
    assert response.status_code == 200
    assert "Tell us what is wrong, so a moderator can check it." in response.content.decode()
    assert not Flag.objects.exists()


def test_pre_moderated_posts_wait_and_group_moderators_approve_them(signed_in, member):
    group = GroupFactory(pre_moderate=True)
    author = member_add(group).user
    group_moderator = member_add(group, role="moderator").user
    plain = member_add(group).user

    response = signed_in(author).post(
        f"/community/groups/{group.slug}/new-post/", {"text": "Fun day on Saturday"}, follow=True
    )
    assert "A moderator checks posts in this group before they show." in response.content.decode()
    post = Post.objects.get()
    assert post.status == Status.PENDING
    assert (
        "Fun day on Saturday" not in signed_in(plain).get(group.get_absolute_url()).content.decode()
    )

    # A plain member cannot approve.
    assert signed_in(plain).post(f"/community/posts/{post.pk}/approve/").status_code == 403
    post.refresh_from_db()
    assert post.status == Status.PENDING

    client = signed_in(group_moderator)
    assert (
        "Fun day on Saturday"
        in client.get(f"/community/groups/{group.slug}/waiting/").content.decode()
    )
    client.post(f"/community/posts/{post.pk}/approve/")
    post.refresh_from_db()
    assert post.status == Status.PUBLISHED
    assert ModerationAction.objects.get().action == "approve"
    assert "Fun day on Saturday" in signed_in(plain).get(group.get_absolute_url()).content.decode()


def test_group_moderators_turn_a_waiting_post_down_with_a_reason_the_author_is_told(
    signed_in, member
):
    group = GroupFactory(pre_moderate=True)
    author = member_add(group).user
    group_moderator = member_add(group, role="moderator").user
    plain = member_add(group).user
    post = PostFactory(group=group, author=author, body="Selling my sofa", status=Status.PENDING)
    decline = f"/community/posts/{post.pk}/decline/"

    assert signed_in(plain).get(decline).status_code == 403  # members cannot moderate
    assert signed_in(plain).post(decline, {"reason": "No"}).status_code == 403

    client = signed_in(group_moderator)
    waiting = client.get(f"/community/groups/{group.slug}/waiting/").content.decode()
    assert f'href="{decline}">Turn it down' in waiting
    response = client.post(decline, {"reason": "  "})
    error = response.content.decode().split('id="id_reason_error"', 1)[1].split("</p>", 1)[0]
    assert "Write why, so the author knows." in error
    post.refresh_from_db()
    assert post.status == Status.PENDING

    response = client.post(decline, {"reason": "Please use the noticeboard for selling."})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.status == Status.HIDDEN
    assert post.hidden_reason == "Please use the noticeboard for selling."
    action = ModerationAction.objects.get(post=post)
    assert (action.action, action.moderator) == ("hide", group_moderator)
    told = Notification.objects.get(recipient=author, kind="content_hidden")
    assert "Please use the noticeboard for selling." in told.body


def test_the_people_who_approve_posts_do_not_wait_for_approval(signed_in, moderator):
    group = GroupFactory(pre_moderate=True)
    organiser = member_add(group, role="owner").user
    signed_in(organiser).post(f"/community/groups/{group.slug}/new-post/", {"text": "Hi all"})
    member_add(group, moderator)
    signed_in(moderator).post(f"/community/groups/{group.slug}/new-post/", {"text": "Hello"})
    assert list(Post.objects.values_list("status", flat=True)) == [Status.PUBLISHED] * 2


# --- The admin queue -------------------------------------------------------------------------

QUEUE = "/admin/community/moderation/"


def test_the_queue_lists_reported_and_waiting_items(client, moderator, group):
    reported = PostFactory(group=group, body="Reported words here")
    Flag.objects.create(post=reported, flagged_by=UserFactory(), reason="Rude")
    PostFactory(group=group, body="Waiting words here", status=Status.PENDING)
    PostFactory(group=group, body="Quiet words here")
    comment = CommentFactory(post=reported, body="Reported reply here")
    Flag.objects.create(comment=comment, flagged_by=UserFactory(), reason="Scam")

    client.force_login(moderator)
    html = client.get(QUEUE).content.decode()
    assert "Reported words here" in html and "Waiting words here" in html
    assert "Reported reply here" in html
    assert "Quiet words here" not in html


@pytest.mark.parametrize("role_name", ["learner", "champion", "editor", "manager"])
def test_wrong_roles_are_refused_from_the_admin_queue(request, client, group, role_name):
    post = PostFactory(group=group)
    client.force_login(request.getfixturevalue(role_name))
    for url in (QUEUE, f"{QUEUE}log/", f"{QUEUE}post/{post.pk}/"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            # Wagtail sends people without admin access to sign in, and staff without the
            # permission back to the dashboard with "Sorry, you do not have permission".
            assert response["Location"].startswith(("/admin/login/", "/admin/"))
            assert not response["Location"].startswith(QUEUE)
    response = client.post(f"{QUEUE}post/{post.pk}/", {"action": "hide", "hide-reason": "x"})
    assert response.status_code in (302, 403)
    post.refresh_from_db()
    assert post.status == Status.PUBLISHED


def test_a_group_owner_is_not_a_site_moderator(client, group, owner):
    client.force_login(owner)
    assert client.get(QUEUE).status_code in (302, 403)


def test_the_menu_item_shows_only_to_moderators(client, moderator, editor):
    client.force_login(moderator)
    assert QUEUE in client.get("/admin/").content.decode()
    client.force_login(editor)
    assert QUEUE not in client.get("/admin/").content.decode()


def test_a_moderator_hides_with_a_reason_the_author_is_told_and_it_is_logged(
    client, moderator, group
):
    post = PostFactory(group=group, body="Something nasty")
    flag = Flag.objects.create(post=post, flagged_by=UserFactory(), reason="Rude")
    client.force_login(moderator)

    missing = client.post(f"{QUEUE}post/{post.pk}/", {"action": "hide", "hide-reason": ""})
    assert missing.status_code == 200
    assert "Give a reason. The author is told it." in missing.content.decode()

    client.post(
        f"{QUEUE}post/{post.pk}/", {"action": "hide", "hide-reason": "Name-calling is not OK"}
    )
    post.refresh_from_db()
    flag.refresh_from_db()
    assert post.status == Status.HIDDEN and post.hidden_reason == "Name-calling is not OK"
    assert flag.reviewed_at is not None
    notification = Notification.objects.get(recipient=post.author, kind="content_hidden")
    assert "Name-calling is not OK" in notification.body
    assert ActivityEvent.objects.get(verb="content.hidden").actor == moderator
    log = ModerationAction.objects.get()
    assert (log.action, log.moderator, log.post, log.reason, log.person) == (
        "hide",
        moderator,
        post,
        "Name-calling is not OK",
        post.author,
    )


def test_a_moderator_restores_and_reports_so_far_stop_counting(client, moderator, group):
    post = PostFactory(group=group, status=Status.HIDDEN, hidden_reason="3 people reported it")
    for _ in range(3):
        Flag.objects.create(post=post, flagged_by=UserFactory(), reason="Rude")
    client.force_login(moderator)
    client.post(f"{QUEUE}post/{post.pk}/", {"action": "restore", "restore-reason": "It is fine"})
    post.refresh_from_db()
    assert post.status == Status.PUBLISHED and post.hidden_reason == ""
    assert not Flag.objects.filter(reviewed_at__isnull=True).exists()
    assert ModerationAction.objects.get().action == "restore"
    assert "Review post" not in client.get(QUEUE).content.decode()


def test_a_moderator_edits_and_the_original_is_kept(client, moderator, group):
    comment = CommentFactory(post=PostFactory(group=group), body="Ring me on 07700 900123")
    client.force_login(moderator)
    client.post(
        f"{QUEUE}comment/{comment.pk}/",
        {"action": "edit", "edit-text": "Ring me (number removed)", "edit-reason": "Phone"},
    )
    comment.refresh_from_db()
    assert comment.body == "Ring me (number removed)"
    assert "07700" not in comment.body_html
    log = ModerationAction.objects.get()
    assert (log.action, log.original_text, log.new_text, log.reason, log.comment) == (
        "edit",
        "Ring me on 07700 900123",
        "Ring me (number removed)",
        "Phone",
        comment,
    )
    audit = client.get(f"{QUEUE}log/").content.decode()
    assert "Ring me on 07700 900123" in audit and "Ring me (number removed)" in audit


def test_site_moderators_approve_pre_moderated_posts_from_the_queue(client, moderator):
    post = PostFactory(group=GroupFactory(pre_moderate=True), status=Status.PENDING)
    client.force_login(moderator)
    page = client.get(f"{QUEUE}post/{post.pk}/").content.decode()
    assert "Approve" in page
    client.post(f"{QUEUE}post/{post.pk}/", {"action": "restore"})
    post.refresh_from_db()
    assert post.status == Status.PUBLISHED
    assert ModerationAction.objects.get().action == "approve"
