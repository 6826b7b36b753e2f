"""Progress journeys in a real browser: a learner finishes a whole course (failing, then passing
a quiz) and opens the certificate; a visitor's progress is kept when they sign in; a Digital
Champion records a lesson done with help.

Every page reached is checked with axe-core (``visit``, ``submit`` and ``axe_check``).
"""

from urllib.parse import urlsplit

import pytest

from courses.models import Certificate, CompletionMethod, Enrolment, LessonCompletion, QuizAttempt
from tests.browser.helpers import axe_check, submit, visit
from tests.factories.courses import (
    CoursePageFactory,
    LessonPageFactory,
    question,
    quiz_block,
    text_block,
)
from tests.factories.places import CommunityCentreFactory
from tests.factories.users import PASSWORD, UserFactory
from training.users import roles

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

COURSE = "Staying safe with passwords"


@pytest.fixture
def course():
    """A published course of three lessons; the second has a one-question quiz."""
    course = CoursePageFactory(
        title=COURSE,
        slug="staying-safe-with-passwords",
        summary="Make strong passwords and keep them safe.",
        skills=["SAF-7"],
    )
    LessonPageFactory(parent=course, title="Why passwords matter", slug="why")
    LessonPageFactory(
        parent=course,
        title="Making strong passwords",
        slug="strong",
        pass_mark_percent=100,
        skills=["SAF-7"],
        body=[
            text_block("<p>Join <b>three random words</b> to make a strong password.</p>"),
            quiz_block(question()),
        ],
    )
    LessonPageFactory(parent=course, title="Changing a password", slug="changing")
    return course


def lesson_url(slug: str) -> str:
    return f"/courses/staying-safe-with-passwords/{slug}/"


def sign_in_with_form(page, login: str) -> None:
    visit(page, "/account/login/")
    page.get_by_label("Email address or username").fill(login)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    submit(page, "Sign in")


def progress_section(page):
    return page.locator("#lesson-progress")


def mark_done_without_reload(page, expected_text: str) -> None:
    """Press "I've done this" with JavaScript on: the page updates in place, no navigation."""
    page.evaluate("() => { window.__sameDocument = true; }")
    page.get_by_role("button", name="I've done this", exact=True).click()
    section = progress_section(page)
    section.locator("[data-progress-text]").filter(has_text=expected_text).wait_for()
    assert page.get_by_role("button", name="I've done this", exact=True).count() == 0
    assert page.evaluate("() => window.__sameDocument === true"), "The page reloaded"
    axe_check(page, label="after pressing “I've done this”")


def progress_text(page) -> str:
    return progress_section(page).locator("[data-progress-text]").inner_text()


def progress_value(page) -> tuple[float, float]:
    bar = progress_section(page).locator("progress")
    return bar.evaluate("(bar) => [bar.value, bar.max]")


def test_a_learner_finishes_a_course_and_opens_the_certificate(page, context_new, course):
    learner = UserFactory(display_name="Morgan Ellis")
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in_with_form(page, learner.email)

    # Lesson 1: "I've done this" updates the progress bar in place.
    visit(page, lesson_url("why"))
    assert page.get_by_text("Lesson 1 of 3").is_visible()
    mark_done_without_reload(page, "1 of 3 lessons done")
    assert progress_value(page) == [1, 3]
    assert progress_text(page) == "1 of 3 lessons done"
    assert progress_section(page).locator("[data-progress-bar]").is_visible()
    completion = LessonCompletion.objects.get(learner=learner, lesson__slug="why")
    assert completion.method == CompletionMethod.DONE and not completion.assisted
    assert Enrolment.objects.filter(learner=learner, course=course).exists()

    # Lesson 2: a wrong answer gets feedback and "Try again"; the right one passes.
    with page.expect_navigation():
        page.get_by_role("link", name="Next lesson Making strong passwords").click()
    axe_check(page, label="quiz lesson")
    assert page.get_by_role("button", name="I've done this").count() == 0
    page.get_by_label("password1", exact=True).check()
    submit(page, "Check my answers", label="after a wrong answer")
    assert page.get_by_text("Not quite.").is_visible()
    assert page.get_by_text("You need 100% to pass").is_visible()
    assert page.get_by_text("one of the first passwords criminals try").is_visible()
    assert page.get_by_role("button", name="Try again", exact=True).is_visible()
    attempt = QuizAttempt.objects.get(learner=learner)
    assert not attempt.passed and attempt.score == 0
    assert not LessonCompletion.objects.filter(learner=learner, lesson__slug="strong").exists()

    page.get_by_label("PurpleKettleTrain", exact=True).check()
    submit(page, "Try again", label="after passing the quiz")
    assert page.get_by_text("You passed — lesson done.").is_visible()
    assert page.get_by_text("Right.", exact=True).is_visible()
    assert progress_text(page) == "2 of 3 lessons done"
    assert progress_value(page) == [2, 3]
    assert QuizAttempt.objects.filter(learner=learner).count() == 2
    assert QuizAttempt.objects.filter(learner=learner, passed=True).count() == 1
    passed = LessonCompletion.objects.get(learner=learner, lesson__slug="strong")
    assert passed.method == CompletionMethod.QUIZ

    # Lesson 3 finishes the course.
    visit(page, lesson_url("changing"))
    mark_done_without_reload(page, "3 of 3 lessons done")
    assert progress_value(page) == [3, 3]
    assert progress_text(page) == "3 of 3 lessons done"
    assert LessonCompletion.objects.filter(learner=learner).count() == 3
    enrolment = Enrolment.objects.get(learner=learner, course=course)
    assert enrolment.completed_at is not None

    visit(page, "/courses/staying-safe-with-passwords/")
    assert page.locator(".course-progress__finished").is_visible()

    # "My learning" lists it as finished, with the certificate the commit issued.
    certificate = Certificate.objects.get(learner=learner, course=course)
    visit(page, "/my-learning/")
    finished = page.locator(".my-course--finished")
    assert finished.get_by_role("link", name=COURSE).is_visible()
    with page.expect_navigation():
        finished.get_by_role("link", name="See your certificate").click()
    axe_check(page, label="certificate")
    assert page.url.endswith(f"/certificates/{certificate.pk}/")
    statement = page.locator(".certificate__statement")
    assert statement.locator(".certificate__name").inner_text() == "Morgan Ellis"
    assert statement.locator(".certificate__course").inner_text() == COURSE
    assert page.locator(".certificate__check svg").count() == 1
    assert certificate.learner_name == "Morgan Ellis"
    assert certificate.credential_jwt

    # The public verification page says it is valid, to anyone.
    # (The link is absolute, on the site's configured address; the live server has another.)
    verify_path = urlsplit(page.locator(".certificate__link").get_attribute("href")).path
    assert verify_path == f"/certificates/{certificate.pk}/verify/"
    stranger = context_new().new_page()
    visit(stranger, verify_path)
    result = stranger.get_by_test_id("verification-result")
    assert result.get_by_role("heading", name="This certificate is valid").is_visible()
    assert "Morgan Ellis" in result.inner_text()
    assert errors == [], errors


def test_progress_made_before_signing_in_is_kept(page, course):
    learner = UserFactory(display_name="Jo Visitor")

    visit(page, lesson_url("why"))
    # The bar (and its "you are not signed in" note) is hidden until there is progress.
    assert progress_section(page).get_by_text("You are not signed in").is_hidden()
    mark_done_without_reload(page, "1 of 3 lessons done")
    assert progress_section(page).get_by_text("You are not signed in").is_visible()
    assert not LessonCompletion.objects.exists()

    sign_in_with_form(page, learner.email)

    completion = LessonCompletion.objects.get(learner=learner)
    assert completion.lesson.slug == "why"
    visit(page, "/my-learning/")
    doing = page.locator(".my-course")
    assert doing.get_by_role("link", name=COURSE).is_visible()
    assert doing.locator("[data-progress-text]").inner_text() == "1 of 3 lessons done"
    assert doing.locator("progress").first.evaluate("(bar) => bar.value") == 1

    visit(page, "/courses/staying-safe-with-passwords/")
    done_item = page.locator(".lesson-list__item--done")
    assert done_item.count() == 1
    assert "Why passwords matter" in done_item.inner_text()


def test_a_champion_records_a_lesson_done_with_help(page, course):
    centre = CommunityCentreFactory(name="Elm Court Centre")
    champion = UserFactory(
        role=roles.DIGITAL_CHAMPION, community_centre=centre, display_name="Sam Helper"
    )
    learner = UserFactory(display_name="Pat Learner", community_centre=centre)
    UserFactory(display_name="Someone Else")  # not at the centre, never helped
    sign_in_with_form(page, champion.email)

    visit(page, "/champion/learners/")
    page.get_by_label("Find a learner by name").fill("Pat")
    submit(page, "Find")
    assert page.get_by_role("heading", name="1 learner found").is_visible()
    assert page.locator(".champion-learners__name").all_inner_texts() == ["Pat Learner"]
    with page.expect_navigation():
        page.get_by_role("link", name="Pat Learner").click()
    axe_check(page, label="learner page")
    assert page.get_by_role("heading", level=1).inner_text() == "Pat Learner’s progress"

    with page.expect_navigation():
        page.get_by_role("link", name="Record a lesson done with help").click()
    axe_check(page, label="record a lesson form")
    page.get_by_label("Lesson they finished").select_option(label="Changing a password")
    page.get_by_label("Note (optional)").fill("Changed her email password with me.")
    submit(page, "Save the lesson")

    assert page.get_by_role("heading", level=1).inner_text() == "Pat Learner’s progress"
    record = page.locator(".champion-records__item").filter(has_text="Changing a password")
    assert record.get_by_text("Recorded by Sam Helper on").is_visible()
    assert record.get_by_text("Note: Changed her email password with me.").is_visible()

    completion = LessonCompletion.objects.get(learner=learner)
    assert completion.lesson.slug == "changing"
    assert completion.method == CompletionMethod.CHAMPION
    assert completion.assisted and completion.helper == champion
    assert completion.note == "Changed her email password with me."
