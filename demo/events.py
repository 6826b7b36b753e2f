"""Demo events, written by us, at the demo centres and around the demo neighbourhoods.

Dated from "now" each time the demo is seeded, so they are always coming up: seeding again
moves the dates of the existing events (found by title) instead of adding new ones. Bookings
are made through the booking service, which changes nothing for someone already booked.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from events.models import Event
from events.services import event_book
from training.places.models import CommunityCentre, Neighbourhood
from training.users.models import User

EVENTS = [
    {
        "title": "Coffee and computers",
        "centre": "elm-court-community-centre",
        "days": 2,
        "start": time(10),
        "hours": 2,
        "capacity": 12,
        "organiser": "Sam, Digital Champion at Elm Court",
        "description": (
            "Drop in for a cup of tea and help with anything on your phone, tablet or "
            "laptop.\n\n"
            "Bring your device and its charger. If you have a question, write it down before "
            "you come. No question is too small.\n\n"
            "We have two laptops you can borrow on the day."
        ),
        "guests": ["tenant@example.com"],
    },
    {
        "title": "Photo walk round the estate",
        "address": "Meet at the bench on Elm Court green\nElm Court\nLondon",
        "postcode": "N1 8ZZ",
        "neighbourhood": "elm-court",
        "accessibility": (
            "The route is flat and step-free. It takes about 20 minutes, with stops. "
            "If it rains, we meet inside the community centre instead."
        ),
        "days": 5,
        "start": time(14),
        "hours": 1.5,
        "capacity": 4,
        "organiser": "Elm Court Tenants’ Association",
        "description": (
            "A short walk to practise taking photos with your phone. We will look at the "
            "new planters, the play area and the bike shed.\n\n"
            "You can share your best photo in the Elm Court group afterwards. We will show "
            "you how to take people out of the picture and how to keep your location private."
        ),
        # Nearly full: one place left.
        "guests": ["champion@example.com", "moderator@example.com", "editor@example.com"],
    },
    {
        "title": "Staying safe online: spotting scams",
        "centre": "riverside-hub",
        "days": 4,
        "start": time(11),
        "hours": 1.5,
        "capacity": 3,
        "organiser": "Riverside Hub",
        "description": (
            "Scam texts and emails are getting harder to spot. In this small group we look at "
            "real examples together and learn the signs.\n\n"
            "You will go home knowing what to do if something looks wrong, and who to tell."
        ),
        # Full, with someone on the waiting list.
        "guests": [
            "champion@example.com",
            "moderator@example.com",
            "manager@example.com",
            "editor@example.com",
        ],
    },
    {
        "title": "Riverside tenants’ meeting: your questions answered",
        "centre": "riverside-hub",
        "days": 9,
        "start": time(18),
        "hours": 1.5,
        "capacity": None,
        "organiser": "Riverside Residents’ Group",
        "description": (
            "Meet the housing team and ask about repairs, the lifts and the new bins. "
            "Everyone who lives in Riverside is welcome.\n\n"
            "Tea, coffee and biscuits provided. You do not need to book, but booking helps "
            "us put out enough chairs."
        ),
        "guests": [],
    },
    {
        "title": "Hillview garden day",
        "address": "Community garden, behind 40 Hillview Road\nLondon",
        "postcode": "N1 9ZZ",
        "neighbourhood": "hillview",
        "accessibility": (
            "The garden has a ramp from Hillview Road and raised beds you can reach from a "
            "chair. The nearest toilet is in the sheltered housing scheme next door."
        ),
        "days": 12,
        "start": time(10),
        "hours": 3,
        "capacity": 20,
        "organiser": "Hillview Gardeners",
        "description": (
            "Help us plant bulbs for the spring, then share lunch. Gloves and tools provided.\n\n"
            "Bring a phone if you have one: we will take before-and-after photos for the "
            "Hillview group."
        ),
        "guests": [],
    },
]


def _local(day_offset: int, start: time) -> datetime:
    day = timezone.localdate() + timedelta(days=day_offset)
    return timezone.make_aware(datetime.combine(day, start))


def demo_seed(*, stdout) -> None:
    centres = {centre.slug: centre for centre in CommunityCentre.objects.all()}
    neighbourhoods = {place.slug: place for place in Neighbourhood.objects.all()}
    people = {person.email: person for person in User.objects.exclude(email="")}
    booked = 0
    for data in EVENTS:
        starts_at = _local(data["days"], data["start"])
        centre = centres[data["centre"]] if "centre" in data else None
        event, _created = Event.objects.update_or_create(
            title=data["title"],
            defaults={
                "description": data["description"],
                "starts_at": starts_at,
                "ends_at": starts_at + timedelta(hours=data["hours"]),
                "centre": centre,
                "address": data.get("address", ""),
                "postcode": data.get("postcode", ""),
                "neighbourhood": (
                    centre.neighbourhood if centre else neighbourhoods[data["neighbourhood"]]
                ),
                "accessibility": data.get("accessibility", ""),
                "capacity": data["capacity"],
                "organiser": data["organiser"],
                "is_published": True,
            },
        )
        for email in data["guests"]:
            if email in people:
                booked += event_book(event=event, user=people[email]).changed
    stdout.write(f"Events: {len(EVENTS)} coming events, {booked} new bookings.")
