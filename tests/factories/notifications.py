import factory

from notifications.models import Delivery, Notification, NotificationKind
from tests.factories.users import UserFactory


class NotificationFactory(factory.django.DjangoModelFactory):
    """A stored notification, as ``notification_send`` leaves it for the daily email."""

    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory)
    kind = NotificationKind.REPLY
    subject = factory.Sequence(lambda n: f"Sam replied to your post {n}")
    body = "Lovely photo of the new flower beds!"
    url = factory.Sequence(lambda n: f"/community/posts/{n}/")
    delivery = Delivery.DIGEST
