"""A person chooses how we email them about the community, in a real browser; and a link from
an email stops the emails without signing in. Every page passes axe-core and fits 320px."""

import pytest

from notifications.email import unsubscribe_token
from notifications.models import EmailChoice
from notifications.selectors import email_choice_get
from tests.browser.helpers import assert_fits_width, submit, visit
from tests.factories.notifications import NotificationFactory
from tests.factories.users import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("width", [1280, 320])
def test_a_learner_changes_their_email_choice_from_their_account(context_new, sign_in, width):
    learner = UserFactory(display_name="Pat")
    NotificationFactory(
        recipient=learner,
        subject="Sam replied to your post",
        body="Sam said: What a lovely photo!",
        url="/community/",
    )
    context = context_new(viewport={"width": width, "height": 800})
    sign_in(context, learner)
    page = context.new_page()

    visit(page, "/account/profile/")
    with page.expect_navigation():
        page.get_by_role("link", name="Emails about the community").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Emails about the community"
    assert page.get_by_label("Email me straight away").is_checked()
    assert page.get_by_role("heading", name="Sam replied to your post").is_visible()
    if width == 320:
        assert_fits_width(page, 320)

    page.get_by_label("One email a day with everything").check()
    submit(page, "Save my choice")
    assert "Saved. We will send you one email a day" in page.locator(".messages").inner_text()
    assert page.get_by_label("One email a day with everything").is_checked()
    if width == 320:
        assert_fits_width(page, 320)
    assert email_choice_get(person=learner) == EmailChoice.DAILY


def test_the_stop_link_from_an_email_works_without_signing_in(page):
    learner = UserFactory()
    visit(page, f"/account/notifications/stop/{unsubscribe_token(person_id=learner.pk)}/")
    assert email_choice_get(person=learner) == EmailChoice.IMMEDIATE
    submit(page, "Stop community emails")
    assert page.get_by_role("heading", level=1).inner_text() == "Community emails are off"
    assert email_choice_get(person=learner) == EmailChoice.NONE

    visit(page, "/account/notifications/stop/not-a-real-link/", status=400)
    assert page.get_by_role("heading", level=1).inner_text() == "This link does not work"
