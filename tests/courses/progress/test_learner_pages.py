"""What learners see and do: "I've done this", quizzes that complete lessons, progress bars,
"My learning" and "My skills" (courses/progress/learner/, selectors.py)."""

import base64
import hashlib
import re
from datetime import UTC, datetime, timedelta

from django.contrib.staticfiles import finders
from django.core import mail
from django.test import Client
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from courses.models import (
    Certificate,
    CompletionMethod,
    CourseLevel,
    Enrolment,
    LessonCompletion,
    LessonPage,
    QuizAttempt,
    Skill,
)
from courses.progress.services import lesson_complete, skill_record_observed
from courses.progress.session import SESSION_KEY, session_lessons_done
from tests.factories.courses import CoursePageFactory, LessonPageFactory
from tests.factories.users import UserFactory
from training.core.models import ActivityEvent
from training.users.models import User

pytestmark = pytest.mark.django_db

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def done_url(lesson) -> str:
    return f"/learning/lessons/{lesson.pk}/done/"


def quiz_id(lesson) -> str:
    lesson = LessonPage.objects.get(pk=lesson.pk)
    return next(block.id for block in lesson.body if block.block_type == "quiz")


def progress_section(html: str) -> str:
    """The personal part of a lesson page."""
    return re.search(r'<section class="lesson-progress.*?</section>', html, re.S).group(0)


def bar(html: str) -> tuple[str, str]:
    found = re.search(r'<progress class="progress__bar"[^>]*max="(\d+)" value="(\d+)"', html)
    return found.group(1), found.group(2)


# --- "I've done this" --------------------------------------------------------------------------


def test_lessons_without_a_quiz_have_an_ive_done_this_form(client, learner, lessons):
    client.force_login(learner)

    section = progress_section(client.get(lessons[0].url).text)

    assert f'action="{done_url(lessons[0])}"' in section
    assert 'method="post"' in section and "csrfmiddlewaretoken" in section
    assert "I&#x27;ve done this" in section or "I've done this" in section
    assert "Not done yet" in section


def test_lessons_with_a_quiz_are_finished_by_passing_it_not_by_a_button(client, learner, lessons):
    client.force_login(learner)

    section = progress_section(client.get(lessons[1].url).text)

    assert "data-lesson-done-form" not in section
    assert "To finish this lesson, pass the quiz." in section
    assert f'href="#quiz-{quiz_id(lessons[1])}"' in section


def test_marking_done_records_it_and_redirects_back_to_the_lesson(client, learner, lessons):
    client.force_login(learner)

    response = client.post(done_url(lessons[0]))

    assert response.status_code == 302
    assert response["Location"] == f"{lessons[0].url}#lesson-progress"
    completion = LessonCompletion.objects.get(learner=learner)
    assert completion.lesson_id == lessons[0].pk
    assert completion.method == CompletionMethod.DONE and not completion.assisted
    page = client.get(response["Location"]).text
    assert "Well done! You have finished this lesson." in page
    section = progress_section(page)
    assert "Done ✓ on" in section
    assert "data-lesson-done-form" not in section
    assert "1 of 3 lessons done" in section


def test_a_double_click_or_a_resubmit_records_one_completion(client, learner, lessons):
    client.force_login(learner)

    first = client.post(done_url(lessons[0]))
    second = client.post(done_url(lessons[0]))  # double click, back button and resend, 2nd tab

    assert first.status_code == second.status_code == 302
    assert LessonCompletion.objects.filter(learner=learner).count() == 1
    assert ActivityEvent.objects.filter(actor=learner, verb="lesson.completed").count() == 1
    assert "You had already finished this lesson." in client.get(second["Location"]).text


def test_the_script_gets_json_and_a_form_post_gets_a_redirect(client, learner, lessons):
    client.force_login(learner)

    as_script = client.post(done_url(lessons[0]), HTTP_ACCEPT="application/json")
    as_browser = client.post(done_url(lessons[2]), HTTP_ACCEPT=BROWSER_ACCEPT)

    assert as_script.status_code == 200
    assert as_script["Content-Type"] == "application/json"
    data = as_script.json()
    assert data["done"] is True and data["created"] is True
    assert data["state"].startswith("Done ✓ on ")
    assert data["progress"] == {"done": 1, "total": 3, "text": "1 of 3 lessons done"}
    assert data["message"] == "Well done! You have finished this lesson. 1 of 3 lessons done."
    assert as_browser.status_code == 302
    assert LessonCompletion.objects.filter(learner=learner).count() == 2
    again = client.post(done_url(lessons[0]), HTTP_ACCEPT="application/json").json()
    assert again["created"] is False and again["progress"]["done"] == 2


def test_marking_done_needs_the_csrf_token(learner, lessons):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(learner)

    refused = strict.post(done_url(lessons[0]))
    page = strict.get(lessons[0].url).text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    accepted = strict.post(done_url(lessons[0]), {"csrfmiddlewaretoken": token})

    assert refused.status_code == 403
    assert accepted.status_code == 302
    assert LessonCompletion.objects.filter(learner=learner).count() == 1


def test_a_quiz_lesson_cannot_be_marked_done_with_the_button(client, learner, lessons):
    client.force_login(learner)

    response = client.post(done_url(lessons[1]))
    as_json = client.post(done_url(lessons[1]), HTTP_ACCEPT="application/json")

    assert response.status_code == 302
    assert "Pass the quiz to finish the lesson." in client.get(response["Location"]).text
    assert as_json.status_code == 400 and as_json.json()["done"] is False
    assert not LessonCompletion.objects.exists()


@pytest.mark.parametrize("signed_in", [True, False])
def test_bad_addresses_get_not_found_never_an_error(client, learner, course, lessons, signed_in):
    if signed_in:
        client.force_login(learner)
    lessons[2].unpublish()

    assert client.post("/learning/lessons/999999/done/").status_code == 404
    assert client.post(done_url(lessons[2])).status_code == 404  # unpublished
    assert client.post(f"/learning/lessons/{course.pk}/done/").status_code == 404  # a course
    assert client.post("/learning/lessons/abc/done/").status_code == 404
    assert client.get(done_url(lessons[0])).status_code == 405
    assert not LessonCompletion.objects.exists()


def test_a_private_lesson_can_only_be_marked_by_those_who_may_read_it(client, learner, course):
    lesson = LessonPage.objects.child_of(course).first()
    PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.LOGIN)

    assert client.post(done_url(lesson)).status_code == 404
    client.force_login(learner)
    assert client.post(done_url(lesson)).status_code == 302
    assert LessonCompletion.objects.filter(learner=learner, lesson=lesson).exists()


def test_the_done_date_is_written_the_uk_way_in_london_time(client, learner, lessons):
    # 11.30pm on 30 June in UTC is 12.30am on 1 July in London (British Summer Time).
    lesson_complete(
        learner=learner, lesson=lessons[0], completed_at=datetime(2026, 6, 30, 23, 30, tzinfo=UTC)
    )
    client.force_login(learner)

    section = progress_section(client.get(lessons[0].url).text)

    assert "Done ✓ on 1 July 2026" in section


def test_a_lesson_done_with_help_says_who_helped(client, learner, champion, lessons):
    lesson_complete(
        learner=learner, lesson=lessons[0], method=CompletionMethod.CHAMPION, helper=champion
    )
    client.force_login(learner)

    section = progress_section(client.get(lessons[0].url).text)

    assert f"Done with help from {champion.name}" in section


def test_the_page_uses_a_static_script_and_no_inline_script(client, learner, lessons):
    client.force_login(learner)

    response = client.get(lessons[0].url)
    html = response.text

    assert re.search(r'<script src="/static/js/progress\.js" defer></script>', html)
    # Any script written into the page (the reader's text size, set before the first paint) is
    # allowed by its own hash in the Content-Security-Policy, never by 'unsafe-inline'.
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    for body in re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy
    assert finders.find("js/progress.js")
    assert 'aria-live="polite"' in progress_section(html)


# --- Enrolment ---------------------------------------------------------------------------------


def test_opening_a_lesson_while_signed_in_enrols_once(client, learner, course, lessons):
    client.force_login(learner)

    client.get(lessons[0].url)
    client.get(lessons[0].url)
    client.get(lessons[2].url)

    enrolment = Enrolment.objects.get(learner=learner)
    assert enrolment.course_id == course.pk
    assert enrolment.last_lesson_id == lessons[2].pk
    assert ActivityEvent.objects.filter(actor=learner, verb="course.started").count() == 1


def test_coming_back_after_a_reminder_clears_it(client, learner, lessons):
    client.force_login(learner)
    client.get(lessons[0].url)
    Enrolment.objects.filter(learner=learner).update(nudged_at=timezone.now())

    client.get(lessons[0].url)

    assert Enrolment.objects.get(learner=learner).nudged_at is None


def test_looking_at_a_lesson_signed_out_enrols_nobody(client, lessons):
    client.get(lessons[0].url)

    assert not Enrolment.objects.exists()


# --- Quizzes -----------------------------------------------------------------------------------


def test_failing_then_passing_a_quiz_stores_both_tries_and_completes(client, learner, lessons):
    client.force_login(learner)
    lesson = lessons[1]
    the_quiz = quiz_id(lesson)

    failed = client.post(lesson.url, {"quiz": the_quiz, "q0": "1", "q1": ["0"]})

    assert failed.status_code == 200
    assert "You got 0 out of 2 right." in failed.text
    assert "Not quite." in failed.text  # feedback on each question
    assert ">Try again</button>" in failed.text
    assert not LessonCompletion.objects.exists()
    assert "Not done yet" in progress_section(failed.text)

    passed = client.post(lesson.url, {"quiz": the_quiz, "q0": "0", "q1": ["0", "1"]})

    assert "You passed — lesson done." in passed.text
    assert "Done ✓ on" in progress_section(passed.text)
    attempts = list(QuizAttempt.objects.filter(learner=learner).order_by("attempted_at", "pk"))
    assert [(a.score, a.total, a.passed) for a in attempts] == [(0, 2, False), (2, 2, True)]
    assert attempts[0].answers == [[1], [0]]
    assert attempts[1].answers == [[0], [0, 1]]
    assert {a.quiz_block_id for a in attempts} == {the_quiz}
    completion = LessonCompletion.objects.get(learner=learner)
    assert completion.lesson_id == lesson.pk and completion.method == CompletionMethod.QUIZ


def test_retrying_a_passed_quiz_keeps_one_completion(client, learner, lessons):
    client.force_login(learner)
    answers = {"quiz": quiz_id(lessons[1]), "q0": "0", "q1": ["0", "1"]}

    client.post(lessons[1].url, answers)
    client.post(lessons[1].url, answers)

    assert QuizAttempt.objects.filter(learner=learner).count() == 2
    assert LessonCompletion.objects.filter(learner=learner).count() == 1


def test_passing_a_quiz_signed_out_is_kept_in_the_session(client, lessons):
    answers = {"quiz": quiz_id(lessons[1]), "q0": "0", "q1": ["0", "1"]}

    response = client.post(lessons[1].url, answers)

    assert "You passed — lesson done." in response.text
    assert session_lessons_done(session=client.session) == {lessons[1].pk}
    assert client.session[SESSION_KEY][str(lessons[1].pk)]["method"] == CompletionMethod.QUIZ
    assert not QuizAttempt.objects.exists() and not LessonCompletion.objects.exists()


# --- Progress bars -----------------------------------------------------------------------------


def test_the_course_page_shows_progress_and_where_to_carry_on(client, learner, course, lessons):
    lesson_complete(learner=learner, lesson=lessons[0])
    client.force_login(learner)

    html = client.get(course.url).text

    assert "1 of 3 lessons done" in html
    assert bar(html) == ("3", "1")
    assert "Continue where you left off" in html
    assert f'href="{lessons[1].url}">Continue where you left off' in html
    assert "Start the course" not in html
    done_item = re.search(r"<li[^>]*>.*?Why passwords matter.*?</li>", html, re.S).group(0)
    assert "Done ✓" in done_item


def test_a_newcomer_sees_no_progress_on_the_course_page(client, learner, course):
    client.force_login(learner)

    html = client.get(course.url).text

    assert "Start the course" in html
    assert "<progress" not in html and "lessons done" not in html


def test_the_lesson_page_bar_counts_the_course_lessons_done(client, learner, lessons):
    for lesson in lessons[:2]:
        lesson_complete(learner=learner, lesson=lesson)
    client.force_login(learner)

    section = progress_section(client.get(lessons[2].url).text)

    assert "2 of 3 lessons done" in section
    assert bar(section) == ("3", "2")
    assert 'aria-labelledby="lesson-course-progress-text"' in section


def test_a_finished_course_shows_lessons_added_later_as_new(client, learner, course, lessons):
    for lesson in lessons:
        lesson_complete(learner=learner, lesson=lesson)
    assert Enrolment.objects.get(learner=learner).completed_at is not None
    added = LessonPageFactory(parent=course, title="Passkeys: no more passwords", slug="passkeys")
    LessonPage.objects.filter(pk=added.pk).update(
        first_published_at=timezone.now() + timedelta(minutes=1)
    )
    client.force_login(learner)

    course_html = client.get(course.url).text
    lesson_html = progress_section(client.get(added.url).text)

    new_item = re.search(r"<li[^>]*>[^<]*<a[^>]*>Passkeys.*?</li>", course_html, re.S).group(0)
    assert ">New<" in new_item
    assert "3 of 4 lessons done" in course_html
    assert "Finished on" in course_html
    assert "New: this lesson was added after you finished the course." in lesson_html
    # What was earned stays: the course is still finished.
    assert Enrolment.objects.get(learner=learner).completed_at is not None


# --- Signed out: progress in the session, kept at sign-in and sign-up ---------------------------


def test_signed_out_visitors_can_mark_lessons_done_in_their_session(client, lessons):
    response = client.post(done_url(lessons[0]))
    again = client.post(done_url(lessons[0]), HTTP_ACCEPT="application/json")

    assert response.status_code == 302
    assert again.json()["created"] is False
    assert again.json()["progress"] == {"done": 1, "total": 3, "text": "1 of 3 lessons done"}
    assert session_lessons_done(session=client.session) == {lessons[0].pk}
    assert not LessonCompletion.objects.exists()
    page = client.get(lessons[0].url)
    assert "X-Page-Cache" not in page  # their own page, not the shared copy
    section = progress_section(page.text)
    assert "Done ✓ on" in section
    assert "1 of 3 lessons done" in section
    assert "You are not signed in." in section
    assert "1 of 3 lessons done" in client.get(lessons[2].url).text


def test_the_shared_copy_for_new_visitors_has_no_one_elses_progress(client, lessons):
    first = client.get(lessons[0].url)
    client.post(done_url(lessons[0]))  # this visitor now has a session: their own pages
    newcomer = Client()
    shared = newcomer.get(lessons[0].url)

    assert first["X-Page-Cache"] == "miss" and shared["X-Page-Cache"] == "hit"
    section = progress_section(shared.text)
    assert "Not done yet" in section and "Done ✓" not in section
    assert re.search(r'<div class="progress" data-progress hidden>', section)


def test_signed_in_learners_do_not_see_each_others_progress(client, learner, lessons):
    other = UserFactory()
    lesson_complete(learner=other, lesson=lessons[0])
    other_client = Client()
    other_client.force_login(other)
    assert "Done ✓ on" in progress_section(other_client.get(lessons[0].url).text)

    client.force_login(learner)
    section = progress_section(client.get(lessons[0].url).text)

    assert "Not done yet" in section and "Done ✓" not in section
    assert "0 of 3 lessons done" in section


def test_signing_in_keeps_signed_out_progress_without_duplicates(
    client, learner, password, lessons
):
    lesson_complete(learner=learner, lesson=lessons[0])  # done before, on another device
    client.post(done_url(lessons[0]))
    client.post(done_url(lessons[2]))

    client.post("/account/login/", {"login": learner.email, "password": password})

    completions = LessonCompletion.objects.filter(learner=learner)
    assert sorted(completions.values_list("lesson_id", flat=True)) == [
        lessons[0].pk,
        lessons[2].pk,
    ]
    assert SESSION_KEY not in client.session
    assert "2 of 3 lessons done" in client.get("/my-learning/").text


def test_signing_up_keeps_signed_out_progress(client, lessons, django_capture_on_commit_callbacks):
    client.post(done_url(lessons[0]))
    strong = "kettle-otter-maple-47"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/account/signup/",
            {"email": "new@example.com", "password1": strong, "password2": strong},
        )
    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)

    client.post(link)  # confirming the address signs the new learner in

    learner = User.objects.get(email="new@example.com")
    assert list(
        LessonCompletion.objects.filter(learner=learner).values_list("lesson_id", flat=True)
    ) == [lessons[0].pk]


# --- My learning -------------------------------------------------------------------------------


def test_my_learning_and_my_skills_need_signing_in(client):
    for url in ("/my-learning/", "/my-skills/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"/account/login/?next={url}"


def test_a_newcomer_gets_an_empty_state_and_a_first_course(client, learner, course):
    client.force_login(learner)

    html = client.get("/my-learning/").text

    assert "You have not started a course yet." in html
    assert 'href="/courses/">Find a course' in html
    assert "A good course to start with" in html
    assert course.title in html
    assert "<progress" not in html


def test_my_learning_shows_each_course_with_progress_and_where_to_carry_on(
    client, learner, course, lessons
):
    client.force_login(learner)
    client.get(lessons[0].url)
    client.post(done_url(lessons[0]))

    html = client.get("/my-learning/").text

    doing = re.search(
        r'<section class="my-courses" aria-labelledby="doing-title">.*?</section>', html, re.S
    ).group(0)
    assert course.title in doing
    assert "1 of 3 lessons done" in doing
    assert bar(doing) == ("3", "1")
    assert f'<a class="button" href="{lessons[1].url}">Continue where you left off</a>' in doing
    assert "Next: Making strong passwords" in doing
    assert "Courses you have finished" not in html


def test_continue_goes_to_the_next_lesson_after_the_last_one_opened(client, learner, lessons):
    client.force_login(learner)
    client.post(done_url(lessons[2]))  # did the last one first
    client.get(lessons[2].url)

    html = client.get("/my-learning/").text

    # Nothing left after the last one opened: back to the first lesson not done.
    assert f'href="{lessons[0].url}">Continue where you left off' in html


def test_finished_courses_show_the_date_and_the_certificate(client, learner, course, lessons):
    for lesson in lessons:
        lesson_complete(learner=learner, lesson=lesson)
    certificate = Certificate.objects.create(
        learner=learner, course=course, course_title=course.title, learner_name=learner.name
    )
    client.force_login(learner)

    html = client.get("/my-learning/").text

    finished = re.search(r'aria-labelledby="finished-title">.*?</section>', html, re.S).group(0)
    assert course.title in finished
    assert "Finished on " in finished
    assert f'href="/certificates/{certificate.pk}/"' in finished
    assert "See your certificate" in finished
    assert "Courses you are doing" not in html


def test_the_suggestion_after_a_first_course_is_a_next_steps_course_in_the_same_area(
    client, learner, course, lessons
):
    for lesson in lessons:
        lesson_complete(learner=learner, lesson=lesson)
    elsewhere = CoursePageFactory(title="Video calls", skills=["COM-2"])
    LessonPageFactory(parent=elsewhere)
    same_area_basics = CoursePageFactory(title="Spotting scams", skills=["SAF-9"])
    LessonPageFactory(parent=same_area_basics)
    next_steps = CoursePageFactory(
        title="Keeping your accounts safe", skills=["SAF-10"], level=CourseLevel.NEXT_STEPS
    )
    LessonPageFactory(parent=next_steps)
    CoursePageFactory(title="Empty course", level=CourseLevel.NEXT_STEPS, skills=["SAF-9"])
    client.force_login(learner)

    html = client.get("/my-learning/").text

    suggestion = re.search(r'aria-labelledby="suggestion-title">.*?</section>', html, re.S).group(0)
    assert "What to learn next" in suggestion
    assert "Keeping your accounts safe" in suggestion
    assert course.title not in suggestion


def test_my_learning_shows_only_the_learners_own_courses(client, learner, course, lessons):
    other = UserFactory()
    lesson_complete(learner=other, lesson=lessons[0])
    client.force_login(learner)

    html = client.get("/my-learning/").text

    assert "You have not started a course yet." in html
    assert "lessons done" not in html


def test_my_learning_links_to_my_skills_and_so_does_the_profile(client, learner):
    client.force_login(learner)

    assert 'href="/my-skills/"' in client.get("/my-learning/").text
    assert 'href="/my-skills/"' in client.get("/account/profile/").text


# --- My skills ---------------------------------------------------------------------------------


def test_my_skills_shows_skills_achieved_alone_or_with_help_and_how_to_get_the_rest(
    client, learner, champion, course, lessons
):
    for lesson in lessons:
        lesson_complete(learner=learner, lesson=lesson)  # lessons[1] teaches SAF-7
    skill_record_observed(learner=learner, skill=Skill.objects.get(code="COM-2"), helper=champion)
    teaches_fnd8 = LessonPageFactory(parent=course, title="Saving passwords", skills=["FND-8"])
    client.force_login(learner)

    html = client.get("/my-skills/").text

    def skill_item(code: str) -> str:
        """One skill's entry: from its list item to the next one."""
        items = html.split('<li class="skill my-skill')[1:]
        return next(item for item in items if f'<span class="skill-code">{code}</span>' in item)

    assert "You have 2 of " in html
    saf7 = skill_item("SAF-7")
    assert "You got this skill on " in saf7 and "on your own" in saf7
    com2 = skill_item("COM-2")
    assert f"{champion.name} saw you do it." in com2
    fnd8 = skill_item("FND-8")
    assert "Not yet." in fnd8 and "Lessons that teach it:" in fnd8
    assert f'href="{teaches_fnd8.url}">Saving passwords</a>' in fnd8
    assert f"in “{course.title}”" in fnd8
    assert "No lesson teaches it yet." in skill_item("SAF-1")
    for area in ("Foundation", "Being safe and legal online"):
        assert area in html


def test_my_skills_shows_only_the_learners_own_skills(client, learner, champion):
    other = UserFactory()
    skill_record_observed(learner=other, skill=Skill.objects.get(code="COM-2"), helper=champion)
    client.force_login(learner)

    html = client.get("/my-skills/").text

    assert "You have 0 of " in html
    assert "saw you do it" not in html
