from datetime import timedelta

from django.utils import timezone

import factory

from events.models import Booking, Event
from tests.factories.places import CommunityCentreFactory
from tests.factories.users import UserFactory


class EventFactory(factory.django.DjangoModelFactory):
    """A published event at a community centre, a week from now, for two hours."""

    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Coffee and computers {n}")
    description = "Bring your phone. We will help you get online."
    starts_at = factory.LazyFunction(
        lambda: (timezone.now() + timedelta(days=7)).replace(microsecond=0)
    )
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + timedelta(hours=2))
    centre = factory.SubFactory(CommunityCentreFactory)
    neighbourhood = factory.LazyAttribute(
        lambda event: event.centre.neighbourhood if event.centre else None
    )
    capacity = 10
    organiser = "Elm Court Tenants’ Association"
    is_published = True


class BookingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Booking

    event = factory.SubFactory(EventFactory)
    guest = factory.SubFactory(UserFactory)
    status = Booking.Status.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)
