"""A learner's progress counts across languages: finishing the Polish lesson finishes the lesson.

Records are kept against the English lesson and course (courses/progress/languages.py), so the
English pages, "My learning" and certificates show them, and translated pages show them too.
"""

import re

from django.conf import settings
from django.urls import reverse

import pytest

from courses.models import CompletionMethod, Enrolment, LessonCompletion, QuizAttempt
from courses.progress.services import enrolment_start, lesson_complete, quiz_attempt_record
from courses.progress.session import progress_session_merge
from tests.translations.courses_translated import POLISH, course_english, course_translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return course_english()


@pytest.fixture
def english(course):
    return {lesson.slug: lesson for lesson in course.get_children().specific()}


@pytest.fixture
def polish(course):
    return course_translate(course, language="pl", titles=POLISH)


@pytest.fixture
def reading_polish(client, learner):
    learner.preferred_language = "pl"
    learner.save()
    client.force_login(learner)
    return client


def done_on_page(html: str) -> bool:
    # The page's own stylesheet is written into its <head> and names the class too.
    body = re.sub(r"<style\b.*?</style>", "", html, flags=re.S)
    return "lesson-progress__state--done" in body


def test_ive_done_this_on_a_polish_lesson_completes_the_english_lesson(
    reading_polish, learner, course, english, polish
):
    url = reverse("courses:lesson_done", kwargs={"lesson_id": polish["writing"].pk})
    reading_polish.post(url)

    completion = LessonCompletion.objects.get(learner=learner)
    assert completion.lesson_id == english["writing"].pk
    assert completion.course_id == course.pk
    assert Enrolment.objects.get(learner=learner).course_id == course.pk


def test_the_english_lesson_shows_done_after_the_polish_one_was_finished(
    client, learner, course, english, polish
):
    client.force_login(learner)
    lesson_complete(learner=learner, lesson=polish["writing"])
    learner.preferred_language = "en-gb"
    learner.save()

    lesson_html = client.get(english["writing"].url).content.decode()
    course_html = client.get(course.url).content.decode()
    assert "Writing an email" in lesson_html
    assert done_on_page(lesson_html)
    assert "1 of 2 lessons done" in course_html


def test_a_polish_lesson_shows_done_when_the_english_one_is_done(
    reading_polish, learner, english, polish
):
    lesson_complete(learner=learner, lesson=english["writing"])

    html = reading_polish.get(polish["writing"].url).content.decode()
    assert "Pisanie e-maila" in html
    assert done_on_page(html)
    other = reading_polish.get(polish["sending"].url).content.decode()
    assert not done_on_page(other)


def test_the_polish_course_page_ticks_lessons_done_in_english(
    reading_polish, learner, english, polish
):
    lesson_complete(learner=learner, lesson=english["sending"])

    html = reading_polish.get(polish["course"].url).content.decode()
    assert "Wysyłanie e-maila" in html
    writing, sending = html.split("Pisanie e-maila")[1], html.split("Naciskanie przycisku")[1]
    assert "✓" in sending.split("</li>")[0]
    assert "✓" not in writing.split("</li>")[0]


def test_finishing_every_polish_lesson_finishes_the_english_course(learner, course, polish):
    lesson_complete(learner=learner, lesson=polish["writing"])
    result = lesson_complete(learner=learner, lesson=polish["sending"])

    assert result.course_completed
    enrolment = Enrolment.objects.get(learner=learner)
    assert enrolment.course_id == course.pk
    assert enrolment.completed_at is not None


def test_finishing_the_same_lesson_in_two_languages_counts_once(learner, english, polish):
    lesson_complete(learner=learner, lesson=english["writing"])
    again = lesson_complete(learner=learner, lesson=polish["writing"])

    assert not again.created
    assert LessonCompletion.objects.filter(learner=learner).count() == 1


def test_opening_a_polish_lesson_enrols_in_the_english_course(
    reading_polish, learner, course, english, polish
):
    reading_polish.get(polish["sending"].url)

    enrolment = Enrolment.objects.get(learner=learner)
    assert enrolment.course_id == course.pk
    assert enrolment.last_lesson_id == english["sending"].pk


def test_enrolling_from_a_polish_course_enrols_in_the_english_course(learner, course, polish):
    enrolment_start(learner=learner, course=polish["course"], lesson=polish["writing"])

    assert Enrolment.objects.get(learner=learner).course_id == course.pk


def test_a_quiz_try_on_a_polish_lesson_is_kept_against_the_english_lesson(learner, english, polish):
    _attempt, completion = quiz_attempt_record(
        learner=learner,
        lesson=polish["writing"],
        quiz_block_id="q",
        answers=[[0]],
        score=1,
        total=1,
        passed=True,
    )

    assert QuizAttempt.objects.get(learner=learner).lesson_id == english["writing"].pk
    assert completion.completion.lesson_id == english["writing"].pk
    assert completion.completion.method == CompletionMethod.QUIZ


def test_a_polish_lesson_done_before_signing_in_is_kept_against_the_english_lesson(
    client, learner, english, polish
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "pl"
    url = reverse("courses:lesson_done", kwargs={"lesson_id": polish["sending"].pk})
    client.post(url)
    page = client.get(polish["sending"].url).content.decode()
    assert done_on_page(page)

    made = progress_session_merge(learner=learner, session=client.session)
    assert made == 1
    assert LessonCompletion.objects.get(learner=learner).lesson_id == english["sending"].pk


def test_a_skill_is_achieved_by_finishing_its_lessons_in_polish(learner):
    from courses.models import Skill, SkillRecord

    course = course_english()
    skill = Skill.objects.get(code="SAF-7")
    for lesson in course.get_children().specific():
        lesson.skills.set([skill])
        lesson.save_revision().publish()
    polish = course_translate(course, language="pl", titles=POLISH)
    assert polish["writing"].skills.filter(pk=skill.pk).exists()  # the copy teaches it too

    lesson_complete(learner=learner, lesson=polish["writing"])
    result = lesson_complete(learner=learner, lesson=polish["sending"])

    assert result.skills_achieved == [skill.pk]
    assert SkillRecord.objects.filter(learner=learner, skill=skill).exists()
