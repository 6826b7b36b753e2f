""" "Download my data" and "Delete my account" for a person who has every kind of data we hold.

The export once answered 500 for anyone who had posted a photo (it asked private storage for a
public address it does not have). This account has something in every table that holds
personal data, so a new kind of data that breaks the export fails here.
"""

import json
from urllib.parse import urlsplit

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest
from allauth.account.models import EmailAddress

from community.models import Post
from community.photos import photo_prepare
from community.services import comment_create, group_join, item_flag, post_create
from courses.models import Certificate, CompletionMethod, Skill
from courses.models.progress import NudgeOptOut
from courses.progress.services import lesson_complete, quiz_attempt_record, skill_record_observed
from dashboards.models import DashboardExport
from events.services import event_book
from notifications.services import email_choice_set, notification_send
from practice.models import NextStepKind
from practice.services import next_step_take
from tests.factories.community import CommentFactory, GroupFactory, PostFactory, image_bytes
from tests.factories.events import BookingFactory, EventFactory
from tests.factories.places import NeighbourhoodFactory
from tests.factories.practice import NextStepFactory
from tests.factories.users import UserFactory
from training.core.addresses import absolute_url
from training.users import roles
from training.users.models import User
from training.users.services import assisted_account_create

pytestmark = pytest.mark.django_db

DOWNLOAD = "/my-data/download/"
DELETE = "/my-data/delete/"


@pytest.fixture
def everything(champion, lessons, course):
    """An assisted account, later a Digital Champion, with data of every kind."""
    from django.contrib.auth.models import Group as Role

    made = assisted_account_create(
        champion=champion,
        display_name="Jo Everything",
        neighbourhood=NeighbourhoodFactory(name="Hillview"),
    )
    person = made.user
    person.email = "jo@example.com"
    person.first_name, person.last_name = "Joanna", "Everything"
    person.save()
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    person.groups.add(Role.objects.get(name=roles.DIGITAL_CHAMPION))

    # Learning record: help, a quiz, a skill, a certificate, reminders turned off.
    lesson_complete(
        learner=person,
        lesson=lessons[0],
        method=CompletionMethod.CHAMPION,
        helper=champion,
        note="Did it together",
    )
    quiz_attempt_record(
        learner=person,
        lesson=lessons[1],
        quiz_block_id="q1",
        answers=[[0], [0, 1]],
        score=2,
        total=2,
        passed=True,
    )
    for lesson in lessons[1:]:
        lesson_complete(learner=person, lesson=lesson)
    skill_record_observed(
        learner=person, skill=Skill.objects.get(code="COM-2"), helper=champion, note="Video call"
    )
    Certificate.objects.get_or_create(
        learner=person,
        course=course,
        defaults={"course_title": course.title, "learner_name": "Jo Everything"},
    )
    NudgeOptOut.objects.get_or_create(learner=person)

    # Notifications: a choice of emails and a notification.
    email_choice_set(person=person, choice="daily")
    notification_send(
        recipient=person,
        kind="reply",
        subject="Sam replied to your post",
        body="Lovely flowers!",
        url="/community/",
    )

    # Community: a membership, a post with a photo, a reply, a report.
    group = GroupFactory(name="Hillview neighbours", slug="hillview-neighbours")
    group_join(group=group, user=person)
    photo = photo_prepare(SimpleUploadedFile("flowers.jpg", image_bytes(), "image/jpeg"))
    post_create(
        group=group,
        author=person,
        text="Our new flower beds",
        photo=photo,
        photo_description="Flower beds by the door",
    )
    someone_elses = PostFactory(group=group, body="Someone else's post")
    comment_create(post=someone_elses, author=person, text="Well done", notify=False)
    item_flag(item=CommentFactory(post=someone_elses), user=person, reason="Unkind words")

    # Events: a place, and a place on a waiting list.
    event_book(event=EventFactory(title="Coffee and computers"), user=person)
    full = EventFactory(title="Photo walk", capacity=1)
    BookingFactory(event=full)
    event_book(event=full, user=person)

    # A next step taken ("Put it into practice").
    step = NextStepFactory(
        course=course, kind=NextStepKind.LINK, url="/courses/", title="Read more courses"
    )
    next_step_take(step=step, learner=person)

    # A dashboard export they asked for, as a champion.
    export = DashboardExport.objects.create(
        requested_by=person, filters={"period": "all"}, centre=champion.community_centre
    )
    export.file.save("dashboard.zip", ContentFile(b"names"), save=True)
    person.card_password = made.password
    return person


def test_download_of_every_kind_of_data_answers_with_each_section(client, everything):
    client.force_login(everything)

    response = client.get(DOWNLOAD)

    assert response.status_code == 200
    data = json.loads(response.content)
    # The learning record.
    assert data["account"]["made_with_help"] is True
    assert data["account"]["made_by"] == User.objects.get(pk=everything.assisted_by_id).name
    assert data["account"]["roles"] == ["Digital Champion", "Learner"]
    assert data["profile"]["neighbourhood"] == "Hillview"
    assert data["profile"]["reminder_emails"]["on"] is False
    assert data["email_addresses"][0]["email"] == "jo@example.com"
    assert len(data["lesson_completions"]) == 3
    assert data["lesson_completions"][0]["note"] == "Did it together"
    assert data["quiz_attempts"][0]["passed"] is True
    assert [skill["code"] for skill in data["skills"]][-1] == "COM-2"
    assert data["certificates"][0]["name_on_certificate"] == "Jo Everything"
    assert "community.next_step.taken" in [event["what"] for event in data["activity"]]
    # Notifications.
    assert data["notifications"]["email_choice"] == "daily"
    assert data["notifications"]["notifications"][0]["subject"] == "Sam replied to your post"
    # Community.
    community = data["community"]
    assert [row["group"] for row in community["groups"]] == ["Hillview neighbours"]
    assert [row["text"] for row in community["posts"]] == ["Our new flower beds"]
    assert community["posts"][0]["photo_description"] == "Flower beds by the door"
    assert [row["text"] for row in community["replies"]] == ["Well done"]
    assert [row["reason"] for row in community["reports_made"]] == ["Unkind words"]
    # Events: the booked place and the waiting list.
    assert {(row["event"], row["status"]) for row in data["event_bookings"]} == {
        ("Coffee and computers", "confirmed"),
        ("Photo walk", "waiting"),
    }
    # Dashboard exports they asked for.
    assert [row["filters"] for row in data["dashboard_exports"]] == [{"period": "all"}]


def test_the_photo_is_given_as_its_own_address_on_the_site_and_opens_for_its_author(
    client, everything
):
    post = Post.objects.get(author=everything)
    client.force_login(everything)

    photo_address = json.loads(client.get(DOWNLOAD).content)["community"]["posts"][0]["photo"]

    expected = reverse("community:post_photo", args=[post.pk])
    assert photo_address == absolute_url(expected)
    assert photo_address.startswith(("http://", "https://"))
    assert post.photo.name not in photo_address  # never the storage name
    response = client.get(urlsplit(photo_address).path)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    with post.photo.open("rb") as stored:
        assert b"".join(response.streaming_content) == stored.read()


def test_a_post_without_a_photo_has_no_photo_address(client, everything):
    PostFactory(author=everything, body="Just words")
    client.force_login(everything)

    posts = json.loads(client.get(DOWNLOAD).content)["community"]["posts"]

    assert {row["text"]: row["photo"] for row in posts}["Just words"] is None


def test_the_download_holds_no_one_elses_data(client, everything):
    other = UserFactory(display_name="Someone Else", email="else@example.com")
    PostFactory(author=other, body="Not Jo's post")
    client.force_login(everything)

    text = client.get(DOWNLOAD).content.decode()

    assert "else@example.com" not in text and "Not Jo's post" not in text


def test_deleting_the_account_with_every_kind_of_data_works(
    client, everything, django_capture_on_commit_callbacks
):
    person_id = everything.pk
    files = [
        Post.objects.get(author=everything).photo.name,
        DashboardExport.objects.get(requested_by=everything).file.name,
    ]
    assert all(storages["private"].exists(name) for name in files)
    client.force_login(everything)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(DELETE, {"confirm": "on", "password": everything.card_password})

    assert response.status_code == 302
    assert response["Location"] == "/my-data/deleted/"
    assert not User.objects.filter(pk=person_id).exists()
    assert not Post.objects.filter(author_id=person_id).exists()
    assert not DashboardExport.objects.filter(requested_by_id=person_id).exists()
    # The photo and the export file (it can hold learners' names) are gone from storage too.
    assert not any(storages["private"].exists(name) for name in files)
