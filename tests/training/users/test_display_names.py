"""Display names cannot pretend (issue 10.9): no invisible or control characters, no role words.

Names are cleaned in one place (``training/users/names.py``) for sign-up, the profile, assisted
accounts and the admin; staff roles are shown as a badge drawn from the role.
"""

import re

import pytest

from tests.factories.community import CommentFactory, GroupFactory, PostFactory, member_add
from tests.factories.users import UserFactory
from training.users import roles
from training.users.admin import PersonChangeForm
from training.users.models import User
from training.users.names import ROLE_WORD_MESSAGE, display_name_clean

pytestmark = pytest.mark.django_db

STRONG = "kettle-otter-maple-47"
ROLE_MESSAGE = str(ROLE_WORD_MESSAGE)

BAD_NAMES = [
    "Sam (Digital Champion)",
    "digital champion",
    "Champion Sam",
    "Jo the Moderator",
    "M0derator",
    "Mоderator",  # a Cyrillic о
    "m o d e r a t o r",
    "Manager Morgan",
    "Safeguarding team",
    "Housing Officer Kim",
    "Course editor",
    "admin",
    "ADMINISTRATOR",
    "Staff",
    "Homes on the Net",
    "Homes On The Net help",
    "Ｍｏｄｅｒａｔｏｒ",  # full-width letters, folded by NFKC
    "Mod\u200berator",  # a zero-width space hiding the word
]

INVISIBLE = {
    "Pat\u202eSmith": "PatSmith",  # right-to-left override
    "Pat\u200b Smith": "Pat Smith",  # zero-width space
    "\u2066Pat\u2069 Smith": "Pat Smith",  # direction isolates
    "\ufeffPat": "Pat",  # byte order mark
    "Pat\u200d\u200c\u2060": "Pat",  # joiners and word joiner
    "Pat\x00\x07\x1b[31m": "Pat[31m",  # control characters
    "  Pat \t\n  Smith  ": "Pat Smith",
    "Pat\u00a0\u3000Smith": "Pat Smith",  # no-break and ideographic spaces
    "Pat\u3164": "Pat",  # Hangul filler, a blank letter
    "Ｐａｔ": "Pat",  # full-width letters
}

GOOD_NAMES = ["Pat", "Stafford Jones", "Badminton Bob", "Edith", "Admiral Nelson", "Zoë Brontë"]


def signup(client, name):
    return client.post(
        "/account/signup/",
        {
            "email": "new@example.com",
            "display_name": name,
            "password1": STRONG,
            "password2": STRONG,
        },
    )


def profile(client, name):
    return client.post("/account/profile/", {"display_name": name, "preferred_language": "en-gb"})


def error_beside_the_name_field(html: str) -> bool:
    """The message is the name field's own error (tied to its input), not only in a summary."""
    found = re.search(r'id="id_display_name_error">(.*?)</p>', html, re.S)
    described = re.search(r'<input[^>]*aria-describedby="[^"]*id_display_name_error"', html)
    return bool(found and ROLE_MESSAGE in found.group(1) and described)


# --- The cleaning rule ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", BAD_NAMES)
def test_role_words_are_refused_however_they_are_dressed_up(name):
    with pytest.raises(Exception, match="staff role"):
        display_name_clean(name)


@pytest.mark.parametrize(("typed", "stored"), INVISIBLE.items())
def test_invisible_and_control_characters_are_removed(typed, stored):
    assert display_name_clean(typed) == stored


@pytest.mark.parametrize("name", GOOD_NAMES)
def test_ordinary_names_are_kept_as_typed(name):
    assert display_name_clean(name) == name


# --- Sign-up, profile, assisted accounts, admin ---------------------------------------------------


@pytest.mark.parametrize("name", BAD_NAMES)
def test_sign_up_refuses_role_words_beside_the_field_and_keeps_what_was_typed(client, name):
    response = signup(client, name)

    assert response.status_code == 200
    assert response.context["form"].errors["display_name"] == [ROLE_MESSAGE]
    html = response.content.decode()
    assert error_beside_the_name_field(html)
    value = re.search(r'name="display_name"[^>]*value="([^"]*)"', html)
    assert value is not None
    assert "new@example.com" in html
    assert not User.objects.filter(email="new@example.com").exists()


@pytest.mark.parametrize("name", BAD_NAMES)
def test_the_profile_refuses_role_words_beside_the_field_and_keeps_what_was_typed(
    client, learner, name
):
    before = learner.display_name
    client.force_login(learner)

    response = profile(client, name)

    assert response.status_code == 200
    assert response.context["form"].errors["display_name"] == [ROLE_MESSAGE]
    assert error_beside_the_name_field(response.content.decode())
    assert response.context["form"]["display_name"].value() == name
    learner.refresh_from_db()
    assert learner.display_name == before


def test_a_typed_name_is_shown_back_exactly(client, learner):
    client.force_login(learner)
    html = profile(client, "Sam (Digital Champion)").content.decode()
    assert 'value="Sam (Digital Champion)"' in html


def test_a_staff_member_cannot_give_themselves_a_role_name_either(client, champion):
    client.force_login(champion)
    response = profile(client, "Sam (Digital Champion)")
    assert response.context["form"].errors["display_name"] == [ROLE_MESSAGE]


def test_sign_up_stores_the_name_clean(client):
    response = signup(client, "\u2066Pat\u2069\u200b  Smith\u202e")
    assert response.status_code == 302
    assert User.objects.get(email="new@example.com").display_name == "Pat Smith"


def test_the_profile_stores_the_name_clean(client, learner):
    client.force_login(learner)
    assert profile(client, "\ufeffPat\u200d   Smith\u2069").status_code == 302
    learner.refresh_from_db()
    assert learner.display_name == "Pat Smith"


def test_assisted_accounts_clean_names_and_refuse_role_words(client, champion):
    client.force_login(champion)
    refused = client.post("/account/assisted/new/", {"display_name": "Admin Pat"})
    assert refused.status_code == 200
    assert refused.context["form"].errors["display_name"] == [ROLE_MESSAGE]
    assert "Admin Pat" in refused.content.decode()
    invisible_only = client.post("/account/assisted/new/", {"display_name": "\u200b\u202e"})
    assert invisible_only.context["form"].errors["display_name"]

    made = client.post("/account/assisted/new/", {"display_name": "Pat\u200b \u202eLee"})
    assert made.status_code == 302
    assert User.objects.filter(display_name="Pat Lee", assisted_by=champion).exists()


def test_the_admin_form_uses_the_same_rule(learner):
    data = {
        "username": learner.username,
        "email": learner.email,
        "date_joined": "2026-01-01 10:00",
        "preferred_language": "en-gb",
    }
    refused = PersonChangeForm(data={**data, "display_name": "Jo Moderator"}, instance=learner)
    assert refused.errors["display_name"] == [ROLE_MESSAGE]
    cleaned = PersonChangeForm(data={**data, "display_name": "Jo\u200b Smith"}, instance=learner)
    cleaned.is_valid()
    assert cleaned.cleaned_data["display_name"] == "Jo Smith"


# --- The role badge -------------------------------------------------------------------------------


@pytest.fixture
def group_with_posts(learner):
    champion = UserFactory(role=roles.DIGITAL_CHAMPION, display_name="Sam Helper")
    writer = UserFactory(display_name="Pat Writer")
    group = GroupFactory()
    for person in (champion, writer, learner):
        member_add(group, person)
    champion_post = PostFactory(group=group, author=champion, body="Come on Tuesday")
    PostFactory(group=group, author=writer, body="See you there")
    CommentFactory(post=champion_post, author=writer, body="Thanks")
    CommentFactory(post=champion_post, author=champion, body="You're welcome")
    return group, champion_post


def badges_after(html: str, name: str) -> list[str]:
    """The role badges that directly follow ``name`` (up to the next tag that is not a badge)."""
    badge = r'\s*<span class="tag tag--role">[^<]*</span>'
    found = re.search(rf"{re.escape(name)}(?:</a>|</strong>|</span>| wrote)*((?:{badge})*)", html)
    assert found, name
    return re.findall(r'<span class="tag tag--role">([^<]*)</span>', found.group(1))


def test_a_champions_post_shows_the_badge_and_a_learners_does_not(
    client, learner, group_with_posts
):
    group, champion_post = group_with_posts
    client.force_login(learner)

    listing = client.get(group.get_absolute_url()).content.decode()
    assert badges_after(listing, "Sam Helper") == ["Digital Champion"]
    assert badges_after(listing, "Pat Writer") == []

    detail = client.get(champion_post.get_absolute_url()).content.decode()
    assert detail.count('<span class="tag tag--role">Digital Champion</span>') == 2  # post, reply
    assert badges_after(detail, "Pat Writer") == []

    feed = client.get("/community/").content.decode()
    assert badges_after(feed, "Sam Helper") == ["Digital Champion"]


def test_group_members_show_role_badges(client, learner, group_with_posts, moderator):
    group, _post = group_with_posts
    member_add(group, moderator)
    client.force_login(learner)
    html = client.get(f"{group.get_absolute_url()}members/").content.decode()
    assert badges_after(html, "Sam Helper") == ["Digital Champion"]
    assert badges_after(html, moderator.name) == ["Moderator"]
    assert badges_after(html, "Pat Writer") == []
