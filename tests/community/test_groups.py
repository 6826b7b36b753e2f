"""Joining, leaving, asking to join and the decision, the member list for members only."""

import pytest

from community.models import Membership, MembershipStatus, ModerationAction, Role
from community.selectors import group_for_neighbourhood
from notifications.models import Notification
from tests.factories.community import GroupFactory, member_add
from training.core.models import ActivityEvent

pytestmark = pytest.mark.django_db


def test_joining_an_open_group_makes_you_a_member_and_is_recorded(signed_in, group, outsider):
    client = signed_in(outsider)
    response = client.post(f"/community/groups/{group.slug}/join/", follow=True)

    assert "You have joined Elm Court neighbours." in response.content.decode()
    membership = Membership.objects.get(group=group, user=outsider)
    assert membership.status == MembershipStatus.ACTIVE and membership.role == Role.MEMBER
    event = ActivityEvent.objects.get(verb="community.group.joined", actor=outsider)
    assert event.context == {"group_id": group.pk, "neighbourhood_id": group.neighbourhood_id}
    # Pressing again changes nothing.
    client.post(f"/community/groups/{group.slug}/join/")
    assert Membership.objects.filter(group=group, user=outsider).count() == 1
    assert ActivityEvent.objects.filter(verb="community.group.joined").count() == 1


def test_join_needs_a_post_and_a_sign_in(client, group):
    assert client.get(f"/community/groups/{group.slug}/join/").status_code == 302
    assert client.post(f"/community/groups/{group.slug}/join/").status_code == 302
    assert not Membership.objects.exists()


def test_leaving_a_group(signed_in, group, member):
    response = signed_in(member).post(f"/community/groups/{group.slug}/leave/", follow=True)
    assert "You have left Elm Court neighbours." in response.content.decode()
    assert not Membership.objects.filter(user=member).exists()
    assert ActivityEvent.objects.filter(verb="group.left", actor=member).exists()


def test_asking_to_join_waits_for_an_organiser_who_approves(signed_in, private_group, outsider):
    owner = member_add(private_group, role=Role.OWNER).user
    response = signed_in(outsider).post(
        f"/community/groups/{private_group.slug}/join/", follow=True
    )
    assert "We have asked the group" in response.content.decode()
    membership = Membership.objects.get(user=outsider)
    assert membership.status == MembershipStatus.REQUESTED
    assert not ActivityEvent.objects.filter(verb="community.group.joined").exists()

    client = signed_in(owner)
    waiting = client.get(f"/community/groups/{private_group.slug}/waiting/")
    assert outsider.name in waiting.content.decode()
    client.post(
        f"/community/groups/{private_group.slug}/requests/{membership.pk}/",
        {"decision": "approve"},
    )

    membership.refresh_from_db()
    assert membership.status == MembershipStatus.ACTIVE
    assert ActivityEvent.objects.filter(verb="community.group.joined", actor=outsider).exists()
    notification = Notification.objects.get(recipient=outsider, kind="join_decision")
    assert "You have joined Hillview carers" in notification.subject
    log = ModerationAction.objects.get()
    assert (log.action, log.moderator, log.person) == ("join_approve", owner, outsider)


def test_an_organiser_can_say_no_and_the_person_is_told(signed_in, private_group, outsider):
    moderator = member_add(private_group, role=Role.MODERATOR).user
    membership = member_add(private_group, outsider)
    membership.status = MembershipStatus.REQUESTED
    membership.save()

    signed_in(moderator).post(
        f"/community/groups/{private_group.slug}/requests/{membership.pk}/",
        {"decision": "refuse"},
    )

    assert not Membership.objects.filter(user=outsider).exists()
    assert Notification.objects.filter(recipient=outsider, kind="join_decision").count() == 1
    assert ModerationAction.objects.get().action == "join_refuse"


def test_plain_members_cannot_decide_requests_or_see_the_waiting_page(
    signed_in, private_group, outsider
):
    plain = member_add(private_group).user
    membership = member_add(private_group, outsider)
    membership.status = MembershipStatus.REQUESTED
    membership.save()
    client = signed_in(plain)

    assert client.get(f"/community/groups/{private_group.slug}/waiting/").status_code == 403
    response = client.post(
        f"/community/groups/{private_group.slug}/requests/{membership.pk}/",
        {"decision": "approve"},
    )
    assert response.status_code == 403
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.REQUESTED


def test_the_member_list_is_for_members_only(signed_in, group, member, outsider):
    url = f"/community/groups/{group.slug}/members/"
    assert signed_in(outsider).get(url).status_code == 403
    response = signed_in(member).get(url)
    assert response.status_code == 200
    assert member.name in response.content.decode()


def test_a_request_is_not_membership(signed_in, private_group, outsider):
    membership = member_add(private_group, outsider)
    membership.status = MembershipStatus.REQUESTED
    membership.save()
    client = signed_in(outsider)
    assert client.get(f"/community/groups/{private_group.slug}/members/").status_code == 403
    assert client.get(f"/community/groups/{private_group.slug}/new-post/").status_code == 403


def test_group_for_neighbourhood_is_the_oldest_open_group(group):
    GroupFactory(neighbourhood=group.neighbourhood, joining="approval")
    GroupFactory(neighbourhood=group.neighbourhood)
    assert group_for_neighbourhood(neighbourhood=group.neighbourhood) == group
