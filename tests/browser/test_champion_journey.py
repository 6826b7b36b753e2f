"""From learner to Digital Champion in a real browser (issue 19).

A learner has done every lesson of "Helping others get online" but the last (through the
progress service), finishes the last one in the browser, and applies at their centre. A Manager
signs in with two steps, reads the application on the champions' staff page and approves it. The
new champion sees the welcome page, records a lesson for a learner of their centre, and sees it
counted on "The help you have given"; the Manager sees it counted on the staff page too.
axe-core checks every page; the champion's pages are checked at 320 px as well.
"""

import pytest

from champions.models import ApplicationStatus, ChampionApplication
from tests.browser.helpers import assert_fits_width, axe_check, submit, visit
from tests.champions.conftest import TRACK_FOLDER, track_finish, track_lessons
from tests.factories.courses import course_index
from tests.factories.places import CommunityCentreFactory
from tests.factories.users import PASSWORD, UserFactory, totp_code
from training.users import roles

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def sign_in_with_two_steps(page, person) -> None:
    """Email and password, then the authenticator app's code (Managers must)."""
    visit(page, "/account/login/")
    page.get_by_label("Email address or username").fill(person.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    submit(page, "Sign in")
    assert page.get_by_role("heading", level=1).inner_text() == "Enter your code"
    page.locator("#id_code").fill(totp_code())
    submit(page, "Sign in", label="after the code")
    assert page.get_by_role("heading", level=1).inner_text() != "Enter your code"


def help_cell(page, row: str) -> str:
    return page.locator("#help-given").get_by_role("row", name=row).locator("td").inner_text()


def test_a_learner_becomes_a_champion_and_their_help_is_counted(context_new, sign_in):
    from champions.selectors import track_courses
    from courses.content_files.services import course_files_import

    course_files_import(path=TRACK_FOLDER, index=course_index())
    track = track_courses()
    centre = CommunityCentreFactory(name="Elm Court Community Centre")
    applicant = UserFactory(display_name="Nia", community_centre=centre)
    helped = UserFactory(display_name="Rose", community_centre=centre)
    manager = UserFactory(role=roles.MANAGER, display_name="Morgan")
    track_finish(learner=applicant, track=track, leave_last=True)
    last = track_lessons(track)[-1]

    # The learner finishes the last lesson in the browser, then applies.
    learner_context = context_new()
    sign_in(learner_context, applicant)
    page = learner_context.new_page()
    page.set_viewport_size({"width": 320, "height": 640})
    visit(page, last.url)
    # With JavaScript the lesson is marked done in place (static/js/progress.js).
    page.get_by_role("button", name="I've done this", exact=True).click()
    page.get_by_role("button", name="I've done this", exact=True).wait_for(state="detached")
    axe_check(page, label="after pressing “I've done this”")
    visit(page, "/my-learning/")
    with page.expect_navigation():
        page.get_by_role("link", name="Become a Digital Champion").click()
    axe_check(page, label="the pathway")
    assert_fits_width(page, 320)
    with page.expect_navigation():
        page.get_by_role("link", name="Apply to be a Digital Champion").click()
    axe_check(page, label="the application form")
    submit(page, "Send my application", label="the application with mistakes")
    assert "Tell us in a sentence or two" in page.locator("#id_note_error").inner_text()
    page.get_by_label("Community centre").select_option(label="Elm Court Community Centre")
    page.get_by_label("Why would you like to help?").fill("I help my neighbours with phones.")
    submit(page, "Send my application")
    assert page.get_by_text("A Manager will decide soon").is_visible()
    assert_fits_width(page, 320)

    # The Manager signs in with two steps and approves.
    manager_page = context_new().new_page()
    sign_in_with_two_steps(manager_page, manager)
    visit(manager_page, "/champions/staff/")
    with manager_page.expect_navigation():
        manager_page.get_by_role("link", name="Nia").click()
    axe_check(manager_page, label="the application")
    manager_page.get_by_label("Approve").check()
    submit(manager_page, "Save the decision")
    assert manager_page.get_by_text("Approved: Nia is now a Digital Champion").is_visible()
    assert ChampionApplication.objects.get().status == ApplicationStatus.APPROVED

    # The new champion: welcome page, then help recorded for a learner of their centre.
    visit(page, "/champions/welcome/")
    assert page.get_by_role("heading", level=1, name="Welcome, Digital Champion").is_visible()
    assert_fits_width(page, 320)
    with page.expect_navigation():
        page.get_by_role("link", name="See the learners of your centre").click()
    axe_check(page, label="learners I help")
    with page.expect_navigation():
        page.get_by_role("link", name="Rose").click()
    axe_check(page, label="Rose's progress")
    visit(page, f"/champion/learners/{helped.pk}/record-lesson/")
    page.get_by_label("Lesson they finished").select_option(label=track_lessons(track)[0].title)
    submit(page, "Save the lesson")
    visit(page, "/champions/help-given/")
    assert help_cell(page, "Learners helped") == "1"
    assert help_cell(page, "Lessons recorded with your help") == "1"
    assert_fits_width(page, 320)
    page.get_by_label("Managers may see my name beside the help I have given").check()
    submit(page, "Save my choice")

    # The Manager sees it counted, with the champion's name (they agreed).
    visit(manager_page, "/champions/staff/")
    row = manager_page.get_by_role("row", name="Nia")
    assert row.locator("td").nth(1).inner_text() == "1"
