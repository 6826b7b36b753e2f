from decimal import Decimal

import factory

from training.places.models import CommunityCentre, Neighbourhood


class NeighbourhoodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Neighbourhood
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Estate {n}")
    slug = factory.Sequence(lambda n: f"estate-{n}")
    latitude = Decimal("51.5")
    longitude = Decimal("-0.1")


class CommunityCentreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommunityCentre
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Centre {n}")
    slug = factory.Sequence(lambda n: f"centre-{n}")
    neighbourhood = factory.SubFactory(NeighbourhoodFactory)
    address = "1 High Street\nLondon"
    postcode = "N1 1AA"
    latitude = Decimal("51.5")
    longitude = Decimal("-0.1")
    opening_times = "Monday: 10am to 4pm"
