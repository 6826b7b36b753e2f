"""Account journeys in a real browser: sign up, verify, sign out and in; bad input; assisted.

Every page reached is checked with axe-core (``visit`` and ``submit`` do it).
"""

import re
import time
from importlib import import_module

from django.conf import settings

import pytest
from allauth.account.models import EmailAddress

from tests.browser.helpers import axe_check, field_of, submit, visit
from tests.factories.places import CommunityCentreFactory
from tests.factories.users import PASSWORD, UserFactory
from training.core.models import ActivityEvent
from training.users import roles
from training.users.forms import SHARED_COMPUTER_SESSION_KEY
from training.users.models import User

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

STRONG = "kettle-otter-maple-47"


def header(page):
    return page.get_by_role("navigation", name="Main")


def assert_signed_in(page) -> None:
    nav = header(page)
    assert nav.get_by_role("link", name="Your account").is_visible()
    assert nav.get_by_role("button", name="Sign out").is_visible()
    assert nav.get_by_role("link", name="Sign in").count() == 0


def assert_signed_out(page) -> None:
    nav = header(page)
    assert nav.get_by_role("link", name="Sign in").is_visible()
    assert nav.get_by_role("button", name="Sign out").count() == 0


def sign_in_with_form(page, login: str, password: str, *, shared_computer: bool = False) -> None:
    visit(page, "/account/login/")
    page.get_by_label("Email address or username").fill(login)
    page.get_by_label("Password", exact=True).fill(password)
    if shared_computer:
        page.get_by_label("This is a shared computer").check()
    submit(page, "Sign in")


def test_sign_up_verify_sign_out_and_sign_in_again(page, mailoutbox, live_server):
    visit(page, "/")
    with page.expect_navigation():
        page.get_by_role("main").get_by_role("link", name="Create a free account").click()
    axe_check(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Create an account"

    page.get_by_label("Email").fill("sam@example.com")
    page.get_by_label("Your name (optional)").fill("Sam")
    page.get_by_label("Password", exact=True).fill(STRONG)
    page.get_by_label("Password (again)").fill(STRONG)
    submit(page, "Create my account")

    # Not signed in yet: first they must show the email address is theirs.
    assert "/account/confirm-email/" in page.url
    assert_signed_out(page)
    user = User.objects.get(email="sam@example.com")
    assert user.display_name == "Sam"
    assert user.check_password(STRONG)
    assert user.groups.filter(name=roles.LEARNER).exists()
    assert ActivityEvent.objects.filter(actor=user, verb="account.created").exists()
    assert not EmailAddress.objects.get(user=user).verified

    # The email was sent by a Celery task after the sign-up committed.
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["sam@example.com"]
    link = re.search(r"https?://\S+/account/confirm-email/\S+/", message.body).group(0)
    assert link.startswith(live_server.url), f"The link {link} does not lead back to this site"

    visit(page, link)
    submit(page, "Confirm")
    assert_signed_in(page)
    assert EmailAddress.objects.get(user=user).verified

    with page.expect_navigation():
        header(page).get_by_role("button", name="Sign out").click()
    axe_check(page, label="after signing out")
    assert_signed_out(page)

    sign_in_with_form(page, "sam@example.com", STRONG)
    assert_signed_in(page)
    with page.expect_navigation():
        header(page).get_by_role("link", name="Your account").click()
    axe_check(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Your account"
    assert "Signed in as Sam" in page.get_by_role("main").inner_text()
    assert "sam@example.com" in page.get_by_role("main").inner_text()


def fill_sign_up(page, *, email: str, name: str = "Robin", password: str = STRONG) -> None:
    page.get_by_label("Email").fill(email)
    page.get_by_label("Your name (optional)").fill(name)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_label("Password (again)").fill(password)


def assert_error_beside(page, input_id: str, text: str) -> None:
    """The message sits in the field's own box, and the field is marked and described by it."""
    field = field_of(page, input_id)
    assert text in field.locator(".error-message").inner_text()
    control = page.locator(f"#{input_id}")
    assert control.get_attribute("aria-invalid") == "true"
    described_by = (control.get_attribute("aria-describedby") or "").split()
    descriptions = [page.locator(f"#{name}") for name in described_by]
    assert any(d.count() and text in d.inner_text() for d in descriptions), (
        f"#{input_id} is not described by its error message (aria-describedby={described_by})"
    )


def assert_error_in_summary(page, input_id: str, text: str) -> None:
    """The summary at the top of the form lists the problem and links to the field."""
    summary = page.get_by_role("alert")
    assert "There is a problem" in summary.inner_text()
    link = summary.get_by_role("link", name=re.compile(re.escape(text)))
    assert link.get_attribute("href") == f"#{input_id}"


def assert_typed_values_kept(page, *, email: str, name: str = "Robin") -> None:
    assert page.get_by_label("Email").input_value() == email
    assert page.get_by_label("Your name (optional)").input_value() == name
    # Passwords are never sent back to the browser.
    assert page.get_by_label("Password", exact=True).input_value() == ""
    assert page.get_by_label("Password (again)").input_value() == ""


@pytest.mark.parametrize(
    ("email", "password", "input_id", "message"),
    [
        pytest.param("robin.example.com", STRONG, "id_email", "valid email", id="mistyped-email"),
        pytest.param(
            "robin@example.com", "password", "id_password1", "too common", id="weak-password"
        ),
        # An address that already has an account is not refused on the page (that would tell
        # anyone who has an account): see tests/training/users/test_no_account_enumeration.py.
    ],
)
def test_sign_up_with_bad_input_explains_and_keeps_what_was_typed(
    page, mailoutbox, email, password, input_id, message
):
    UserFactory(email="taken@example.com")
    visit(page, "/account/signup/")

    fill_sign_up(page, email=email, password=password)
    submit(page, "Create my account", label="after form errors")

    assert page.url.endswith("/account/signup/")
    assert_error_beside(page, input_id, message)
    assert_error_in_summary(page, input_id, message)
    assert_typed_values_kept(page, email=email)
    assert not User.objects.filter(display_name="Robin").exists()
    assert mailoutbox == []


def test_champion_makes_an_assisted_account_and_the_learner_signs_in(
    page, context_new, live_server
):
    centre = CommunityCentreFactory(name="Elm Court Community Centre")
    champion = UserFactory(
        email="champion@example.com", role=roles.DIGITAL_CHAMPION, community_centre=centre
    )

    sign_in_with_form(page, "champion@example.com", PASSWORD)
    assert_signed_in(page)
    visit(page, "/account/profile/")
    with page.expect_navigation():
        page.get_by_role("link", name="Make an account for a learner").click()
    axe_check(page)
    assert page.url.endswith("/account/assisted/new/")

    page.get_by_label("Learner's name").fill("Pat")
    submit(page, "Make the account")

    card = page.get_by_role("region", name="Homes on the Net: Pat's sign-in card")
    assert card.is_visible()
    username = card.get_by_test_id("card-username").inner_text().strip()
    password = card.get_by_test_id("card-password").inner_text().strip()
    assert username and password
    assert live_server.url in card.inner_text()

    learner = User.objects.get(username=username)
    assert learner.display_name == "Pat"
    assert learner.email == ""
    assert learner.created_with_assistance
    assert learner.assisted_by == champion
    assert learner.community_centre == centre
    assert learner.groups.filter(name=roles.LEARNER).exists()
    assert learner.check_password(password)
    assert ActivityEvent.objects.filter(
        actor=learner, verb="account.created", context__assisted=True
    ).exists()

    # Once printed, the password is shown nowhere any more.
    submit(page, "I've printed the card")
    assert "The password is no longer shown anywhere" in page.get_by_role("main").inner_text()
    assert f"Pat ({username})" in page.get_by_role("main").inner_text()
    visit(page, f"/account/assisted/{learner.pk}/card/")
    assert password not in page.get_by_role("main").inner_text()

    # Later, at a shared computer in the centre, the learner signs in from the card.
    learner_page = context_new().new_page()
    sign_in_with_form(learner_page, username, password, shared_computer=True)
    assert_signed_in(learner_page)
    visit(learner_page, "/account/profile/")
    assert "Signed in as Pat" in learner_page.get_by_role("main").inner_text()
    assert (
        "You have not added an email address yet" in learner_page.get_by_role("main").inner_text()
    )

    # A shared computer gets a short session: it ends after a few minutes without activity.
    cookie = next(
        c for c in learner_page.context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME
    )
    assert 0 < cookie["expires"] - time.time() <= settings.SHARED_COMPUTER_SESSION_SECONDS + 5
    # (Sessions live in the database, or in Redis when REDIS_URL is set: ask the engine.)
    session = import_module(settings.SESSION_ENGINE).SessionStore(session_key=cookie["value"])
    assert session.get(SHARED_COMPUTER_SESSION_KEY) is True
    assert session.get_expiry_age() <= settings.SHARED_COMPUTER_SESSION_SECONDS
