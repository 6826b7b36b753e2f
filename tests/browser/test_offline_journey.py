"""Offline learning in a real Chromium, with the network cut by the test.

A learner saves a course (after seeing its size), goes offline, finishes two lessons and a
quiz from the saved copy, opens a page that is not saved (the offline page lists what is),
comes back online: the queue is sent and My learning shows the three lessons, once. Sending
the same queue again records nothing more. The browser's quiz scorer is checked against the
same cases as the server's. Every page reached is checked with axe-core.

Service workers need a secure context: the live server is on localhost, which counts.
"""

import json
import re
from pathlib import Path

import pytest

from courses.models import LessonCompletion, OfflineCompletion
from tests.browser.helpers import axe_check, visit
from tests.factories.courses import (
    CoursePageFactory,
    LessonPageFactory,
    course_index,
    question,
    quiz_block,
    text_block,
)
from tests.factories.users import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CASES = json.loads(
    (Path(__file__).parent.parent / "courses" / "test_offline_quiz_cases.json").read_text()
)


@pytest.fixture
def course():
    course_index()
    course = CoursePageFactory(
        title="Staying safe with passwords",
        slug="staying-safe-with-passwords",
        summary="Make strong passwords and keep them safe.",
    )
    LessonPageFactory(
        parent=course,
        title="Why passwords matter",
        slug="why",
        body=[text_block("<p>A password keeps your account yours.</p>")],
    )
    LessonPageFactory(
        parent=course,
        title="Making strong passwords",
        slug="strong",
        pass_mark_percent=100,
        body=[
            text_block("<p>Join <b>three random words</b> to make a strong password.</p>"),
            quiz_block(
                question(
                    "Which password is strongest?",
                    options=[
                        ("123456", False, "Everyone tries this first."),
                        ("Three random words", True, "Yes: long and easy to remember."),
                    ],
                )
            ),
        ],
    )
    LessonPageFactory(
        parent=course,
        title="Changing a password",
        slug="changing",
        body=[text_block("<p>Go to your account settings.</p>")],
    )
    return course


def _wait_synced(page) -> None:
    page.wait_for_selector("html[data-offline-synced]", state="attached")


def test_save_a_course_learn_offline_and_it_counts_once_back_online(context_new, sign_in, course):
    learner = UserFactory()
    context = context_new()
    sign_in(context, learner)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    # The browser's scorer agrees with the server's on the shared cases.
    visit(page, course.url)
    for case in CASES["cases"]:
        quiz = CASES["quizzes"][case["quiz"]]
        data = {
            "pass_mark_percent": quiz["pass_mark_percent"],
            "questions": [
                {
                    "multiple": q["multiple"],
                    "options": len(q["options"]),
                    "correct": [i for i, o in enumerate(q["options"]) if o["is_correct"]],
                }
                for q in quiz["questions"]
            ],
        }
        result = page.evaluate(
            "([quiz, answers]) => window.offlineQuizScore(quiz, answers)", [data, case["answers"]]
        )
        assert (result["score"], result["passed"]) == (case["score"], case["passed"]), case

    # The service worker takes charge of the page; then save the course, size first.
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    page.wait_for_function("() => !!navigator.serviceWorker.controller")
    page.get_by_role("button", name="Save this course for offline").click()
    size = page.locator("[data-offline-size]")
    page.get_by_text(re.compile(r"Saving this course uses about")).wait_for()
    assert re.search(r"uses about [\d.]+ (KB|MB)", size.inner_text()), size.inner_text()
    axe_check(page, label="asking to save the course")
    page.get_by_role("button", name="Yes, save it").click()
    page.get_by_text("Saved on this phone or computer").wait_for()
    axe_check(page, label="course saved")

    visit(page, "/offline/saved/")
    saved = page.locator("[data-offline-saved-list]")
    saved.get_by_role("link", name=course.title).wait_for()
    assert "Space used: about" in saved.inner_text()

    lessons = {lesson.slug: lesson for lesson in course.get_children().specific()}

    # A new revision is published: the next online visit offers to update the saved copy.
    changed = lessons["changing"]
    changed.title = "Changing a password safely"
    changed.save_revision().publish()
    visit(page, course.url)
    page.get_by_text("This course has changed since you saved it.").wait_for()
    axe_check(page, label="update offered")
    page.get_by_role("button", name="Update the saved copy").click()
    page.get_by_text("Saved. You can open this course without internet").wait_for()
    lessons = {lesson.slug: lesson for lesson in course.get_children().specific()}

    # Offline: two lessons done and a quiz passed, from the saved copy.
    context.set_offline(True)
    for slug in ("why", "changing"):
        page.goto(lessons[slug].url)
        page.get_by_role("heading", name=lessons[slug].title, level=1).wait_for()
        page.get_by_role("button", name="I've done this").click()
        page.get_by_text("Done. It will count when you are back online.").first.wait_for()
        axe_check(page, label=f"{slug} done offline")

    page.goto(lessons["strong"].url)
    page.get_by_label("Three random words").check()
    page.get_by_role("button", name="Check my answers").click()
    result = page.locator("[data-offline-quiz-result]")
    result.wait_for()
    assert "You got 1 out of 1 right." in result.inner_text()
    assert "You passed" in result.inner_text()
    axe_check(page, label="quiz passed offline")

    # A page that is not saved: the friendly offline page, listing the saved course.
    page.goto("/events/")
    page.get_by_role("heading", name="You are offline", level=1).wait_for()
    page.locator("[data-offline-saved-list]").get_by_role("link", name=course.title).wait_for()
    axe_check(page, label="offline page")
    queued = page.evaluate("() => window.offlineQueue.all()")
    assert len(queued) == 3
    assert not LessonCompletion.objects.filter(learner=learner).exists()

    # Back online: the queue is sent at once (the page hears "online"; Background Sync too,
    # one at a time); My learning shows the three lessons, once.
    context.set_offline(False)
    page.wait_for_function("() => window.offlineQueue.all().then((items) => !items.length)")
    # The test database is one SQLite connection shared by the live server's threads: let the
    # sync request (and the course-finished work after it) end before the next page.
    page.wait_for_timeout(1500)
    visit(page, course.url)
    _wait_synced(page)
    visit(page, "/my-learning/")
    assert "3 lessons saved from offline" in page.locator("main").inner_text()
    assert LessonCompletion.objects.filter(learner=learner).count() == 3
    assert OfflineCompletion.objects.filter(learner=learner).count() == 3

    # The same queue sent again records nothing more.
    page.evaluate(
        "(items) => Promise.all(items.map((item) => window.offlineQueue.add(item)))", queued
    )
    page.evaluate("() => window.offlineQueue.flush()")
    assert page.evaluate("() => window.offlineQueue.all()") == []
    assert LessonCompletion.objects.filter(learner=learner).count() == 3
    assert OfflineCompletion.objects.count() == 3

    # The service worker stored none of the learner's own pages.
    cached = page.evaluate(
        """() => caches.keys().then((names) => Promise.all(names.map((name) =>
            caches.open(name).then((cache) => cache.keys()).then((requests) =>
                requests.map((request) => new URL(request.url).pathname))))
        ).then((lists) => [].concat(...lists))"""
    )
    assert lessons["why"].url in cached
    assert not [path for path in cached if path.startswith(("/my-learning/", "/account/"))]

    # Signing out clears what was queued in the account (nobody else's sign-in may send it).
    page.evaluate(
        """(item) => window.offlineQueue.add(item)""",
        {"lesson": lessons["why"].pk, "kind": "done", "learner": queued[0]["learner"]},
    )
    assert queued[0]["learner"], "items queued while signed in carry the account's key"
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state("load")
    assert page.evaluate("() => window.offlineQueue.all()") == []
    assert errors == []


def test_without_javascript_the_course_and_lessons_work_as_before(context_new, course):
    page = context_new(java_script_enabled=False).new_page()
    assert page.goto(course.url).status == 200
    assert page.locator("[data-offline-course]").is_hidden()
    lesson = course.get_children().specific().get(slug="why")
    assert page.goto(lesson.url).status == 200
    with page.expect_navigation():
        page.get_by_role("button", name="I've done this").click()
    page.get_by_text("Well done! You have finished this lesson.").first.wait_for()
