"""Events in a real browser: a learner books the last place, a second joins the waiting list,
the first cancels and the second finds the place is theirs. Every page is checked with axe-core,
at desktop width and on a 320px-wide phone, and booking works with JavaScript off.
"""

from datetime import timedelta

from django.utils import timezone

import pytest

from events.models import Booking
from notifications.models import Notification, NotificationKind
from tests.browser.helpers import assert_fits_width, axe_check, submit, visit
from tests.factories.events import EventFactory
from tests.factories.places import CommunityCentreFactory
from tests.factories.users import UserFactory
from training.places.models import Neighbourhood

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def event():
    centre = CommunityCentreFactory(
        name="Elm Court Community Centre",
        accessibility="Step-free entrance from the green. Hearing loop at the front desk.",
        phone="020 7946 0123",
        email="elmcourt@example.org",
    )
    return EventFactory(
        title="Photo walk round the estate",
        description="A short walk to practise taking photos with your phone.",
        centre=centre,
        capacity=1,
        starts_at=(timezone.now() + timedelta(days=3)).replace(microsecond=0),
    )


def test_the_last_place_goes_to_the_first_person_waiting_when_someone_cancels(
    context_new, sign_in, event
):
    first, second = UserFactory(display_name="Pat"), UserFactory(display_name="Ali")
    first_page = context_new().new_page()
    sign_in(first_page.context, first)
    second_page = context_new().new_page()
    sign_in(second_page.context, second)

    # Pat finds the event in the list and books the only place.
    visit(first_page, "/events/")
    assert first_page.get_by_text("1 place left").is_visible()
    first_page.get_by_role("link", name="Photo walk round the estate").click()
    axe_check(first_page, label="event page")
    submit(first_page, "Book a place")
    assert first_page.get_by_text("You have a place.", exact=False).first.is_visible()
    assert Booking.objects.get(guest=first).status == Booking.Status.CONFIRMED

    # Ali finds it full and joins the waiting list.
    visit(second_page, event.get_absolute_url())
    assert second_page.get_by_text("Full: you can join the waiting list.").is_visible()
    submit(second_page, "Join the waiting list")
    assert second_page.get_by_text("number 1 in the queue", exact=False).is_visible()

    # Pat cannot come after all and cancels.
    visit(first_page, event.get_absolute_url())
    submit(first_page, "Cancel my place")
    assert first_page.get_by_text("You have cancelled.", exact=False).is_visible()
    assert first_page.get_by_role("button", name="Join the waiting list").is_visible()

    # Ali now has the place, and was told.
    visit(second_page, event.get_absolute_url())
    assert second_page.get_by_text("You have a place.", exact=False).first.is_visible()
    assert second_page.get_by_role("button", name="Cancel my place").is_visible()
    assert Notification.objects.filter(recipient=second, kind=NotificationKind.EVENT_UPDATE)


def test_event_pages_pass_axe_and_fit_a_phone(context_new, event):
    neighbourhood = Neighbourhood.objects.get(pk=event.neighbourhood_id)
    EventFactory(
        title="Meet on the green",
        centre=None,
        address="The bench on Elm Court green\nLondon",
        postcode="N1 8ZZ",
        neighbourhood=neighbourhood,
        capacity=None,
    )
    phone = context_new(viewport={"width": 320, "height": 640})
    page = phone.new_page()

    visit(page, "/events/")
    assert_fits_width(page, 320)
    page.get_by_label("Neighbourhood").select_option(label=neighbourhood.name)
    submit(page, "Show events")
    assert page.get_by_role("heading", name=f"Coming events in {neighbourhood.name}").is_visible()
    assert_fits_width(page, 320)
    for url in (event.get_absolute_url(), "/events/?neighbourhood=nowhere"):
        visit(page, url)
        assert_fits_width(page, 320)
    page.get_by_role("link", name="Meet on the green").click()
    axe_check(page, label="address event")
    assert page.get_by_text("N1 8ZZ").is_visible()
    assert_fits_width(page, 320)


def test_booking_works_with_javascript_switched_off(context_new, sign_in, event):
    """The same pages as above (checked with axe there, which needs JavaScript to run)."""
    person = UserFactory()
    context = context_new(java_script_enabled=False)
    sign_in(context, person)
    page = context.new_page()

    page.goto(event.get_absolute_url())
    with page.expect_navigation():
        page.get_by_role("button", name="Book a place").click()
    assert page.get_by_text("You have a place.", exact=False).first.is_visible()
    with page.expect_navigation():
        page.get_by_role("button", name="Cancel my place").click()
    assert page.get_by_text("You have cancelled.", exact=False).is_visible()
    assert Booking.objects.get(guest=person).status == Booking.Status.CANCELLED
