import io

from django.urls import reverse

import pytest

from demo import notifications as demo
from notifications.models import EmailChoice, NotificationPreference
from notifications.selectors import notifications_export
from tests.factories.notifications import NotificationFactory
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


def test_superusers_can_read_the_record_but_not_change_it(client):
    admin = UserFactory(is_superuser=True, is_staff=True)
    NotificationFactory(subject="Sam replied to your post")
    client.force_login(admin)
    listing = client.get(reverse("admin:notifications_notification_changelist"))
    assert listing.status_code == 200
    assert "Sam replied to your post" in listing.content.decode()
    assert client.get(reverse("admin:notifications_notification_add")).status_code == 403


def test_other_staff_cannot_read_it(client, moderator):
    moderator.is_staff = True
    moderator.save()
    client.force_login(moderator)
    response = client.get(reverse("admin:notifications_notification_changelist"))
    assert response.status_code in (302, 403)


def test_the_export_holds_the_choice_and_every_message(learner):
    NotificationFactory(recipient=learner, subject="Mine", url="/events/2/")
    NotificationFactory(subject="Not mine")
    data = notifications_export(person=learner)
    assert data["email_choice"] == EmailChoice.IMMEDIATE
    assert [row["subject"] for row in data["notifications"]] == ["Mine"]
    assert data["notifications"][0]["link"] == "/events/2/"


def test_demo_seed_is_safe_to_run_twice():
    champion = UserFactory(email="champion@example.com")
    for _ in range(2):
        demo.demo_seed(stdout=io.StringIO())
    assert NotificationPreference.objects.get().person == champion
    assert NotificationPreference.objects.get().email == EmailChoice.DAILY
