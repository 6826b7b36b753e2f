"""The page tree, the course list, the course page and the lesson page, as people see them."""

import re

from django.core.exceptions import ValidationError

import pytest

from courses.models import CourseIndexPage, CourseLevel, CoursePage, LessonPage
from tests.factories.courses import CoursePageFactory, LessonPageFactory, image_create
from training.core.models import HomePage

pytestmark = pytest.mark.django_db


# --- Page-type rules --------------------------------------------------------------------------


def test_the_courses_index_is_made_by_migration_at_courses(client, index):
    response = client.get("/courses/")

    assert index.url == "/courses/"
    assert response.status_code == 200
    assert "<h1>Courses</h1>" in response.text


def test_there_is_only_one_courses_index_and_it_lives_under_the_home_page(index):
    home = HomePage.objects.get()

    assert CourseIndexPage.parent_page_types == ["core.HomePage"]
    assert CourseIndexPage.can_create_at(home) is False  # already has one: max_count is 1
    assert index.get_parent().specific == home


def test_courses_go_only_in_the_index_and_lessons_only_in_courses(index, course):
    home = HomePage.objects.get()
    lesson = LessonPage.objects.child_of(course).first()

    assert CoursePage.can_create_at(index) is True
    assert CoursePage.can_create_at(home) is False
    assert CoursePage.can_create_at(course) is False
    assert LessonPage.can_create_at(course) is True
    assert LessonPage.can_create_at(index) is False
    assert LessonPage.can_create_at(home) is False
    assert LessonPage.can_create_at(lesson) is False
    assert index.specific_class.allowed_subpage_models() == [CoursePage]
    assert CoursePage.allowed_subpage_models() == [LessonPage]
    assert LessonPage.allowed_subpage_models() == []


def test_a_course_cannot_take_the_address_of_the_skills_page(index):
    course = CoursePage(
        title="Skills",
        slug="skills",
        summary="Summary.",
        audience="Everyone.",
        outcomes=[("outcome", "do things")],
    )
    course.set_url_path(index)

    with pytest.raises(ValidationError) as caught:
        course.full_clean()

    assert "slug" in caught.value.message_dict


def test_a_listing_image_needs_alt_text(index):
    course = CoursePage(
        title="Photos",
        slug="photos",
        summary="Summary.",
        audience="Everyone.",
        outcomes=[("outcome", "take a photo")],
        listing_image=image_create(),
    )
    course.set_url_path(index)

    with pytest.raises(ValidationError) as caught:
        course.full_clean()

    assert "alt text" in " ".join(caught.value.message_dict["listing_image_alt"])


# --- Estimated time ---------------------------------------------------------------------------


def test_estimated_time_adds_up_the_live_lessons_only(course):
    LessonPageFactory(parent=course, title="Draft lesson", estimated_minutes=45, live=False)

    assert CoursePage.objects.get(pk=course.pk).estimated_minutes == 5 + 15 + 10


def test_course_page_shows_time_lessons_outcomes_and_skills(client, course):
    response = client.get(course.url)

    text = response.text
    assert response.status_code == 200
    assert "About 30 minutes" in text
    assert "Start the course" in text
    assert "By the end you will be able to:" in text
    assert "do one useful thing online" in text
    titles = re.findall(r'<ol class="lesson-list">(.*?)</ol>', text, re.S)[0]
    assert titles.index("Why passwords matter") < titles.index("Making strong passwords")
    assert "SAF-7" in text and "FND-8" in text


def test_estimated_time_over_an_hour_is_said_in_hours_and_minutes(client, course):
    LessonPageFactory(parent=course, title="Longer practice", estimated_minutes=50)

    response = client.get("/courses/")

    assert "About 1 hour 20 minutes" in response.text


# --- Course list and its filters -------------------------------------------------------------


@pytest.fixture
def three_courses(index):
    safe = CoursePageFactory(title="Safe online", skills=["SAF-7"])
    email = CoursePageFactory(title="Email basics", skills=["COM-1"])
    money = CoursePageFactory(
        title="Money online", skills=["TRN-5", "SAF-10"], level=CourseLevel.NEXT_STEPS
    )
    CoursePageFactory(title="Unpublished course", skills=["SAF-7"], live=False)
    return safe, email, money


def listed_titles(response) -> list[str]:
    return re.findall(r'<h3 class="course-card__title"><a href="[^"]+">([^<]+)</a>', response.text)


def test_course_list_shows_live_courses_getting_started_first(client, three_courses):
    response = client.get("/courses/")

    assert listed_titles(response) == ["Safe online", "Email basics", "Money online"]
    assert "3 courses" in response.text


def test_course_list_filters_by_skill_area(client, three_courses):
    response = client.get("/courses/", {"area": "SAF"})

    assert listed_titles(response) == ["Safe online", "Money online"]
    # The choice stays selected in the form, so the filter is kept in view and in the address.
    assert '<option value="SAF" selected>' in response.text
    assert "Clear the choices and show all courses" in response.text


def test_course_list_filters_by_level(client, three_courses):
    response = client.get("/courses/", {"level": "next_steps"})

    assert listed_titles(response) == ["Money online"]


def test_course_list_filters_by_area_and_level_together(client, three_courses):
    response = client.get("/courses/", {"area": "SAF", "level": "getting_started"})

    assert listed_titles(response) == ["Safe online"]


def test_course_list_says_when_nothing_matches(client, three_courses):
    response = client.get("/courses/", {"area": "PRB"})

    assert listed_titles(response) == []
    assert "No courses match these choices yet." in response.text


def test_an_unknown_filter_is_ignored_and_explained(client, three_courses):
    response = client.get("/courses/", {"area": "XYZ"})

    assert listed_titles(response) == ["Safe online", "Email basics", "Money online"]
    assert "Select a valid choice" in response.text


def test_course_list_works_without_javascript(client, three_courses):
    response = client.get("/courses/")

    assert re.search(r'<form class="filters" method="get" action="/courses/"', response.text)
    assert '<button type="submit" class="button">Show courses</button>' in response.text
    assert '<label for="id_area">Skill area' in response.text


def test_course_list_shows_listing_images_with_their_alt_text(client, index):
    CoursePageFactory(
        title="Photos", listing_image=image_create(), listing_image_alt="Drawing of a camera"
    )

    response = client.get("/courses/")

    assert 'alt="Drawing of a camera"' in response.text


# --- Lesson page ------------------------------------------------------------------------------


def test_lesson_page_says_where_it_is_in_the_course(client, lessons):
    response = client.get(lessons[1].url)

    text = response.text
    assert "Lesson 2 of 3" in text
    assert f'href="{lessons[0].url}" rel="prev"' in text
    assert f'href="{lessons[2].url}" rel="next"' in text
    contents = re.findall(r'<nav class="course-contents.*?</nav>', text, re.S)[0]
    assert re.findall(r">([^<>]+)</a>", contents) == [
        "Why passwords matter",
        "Making strong passwords",
        "Changing a password",
    ]
    assert f'<a href="{lessons[1].url}" aria-current="page">' in contents


def test_first_and_last_lessons_have_no_previous_or_next(client, lessons):
    first = client.get(lessons[0].url).text
    last = client.get(lessons[2].url).text

    assert 'rel="prev"' not in first and 'rel="next"' in first
    assert 'rel="next"' not in last and 'rel="prev"' in last


def test_draft_lessons_are_left_out_of_the_count_and_contents(client, course, lessons):
    LessonPageFactory(parent=course, title="Not ready yet", live=False)

    response = client.get(lessons[2].url)

    assert "Lesson 3 of 3" in response.text
    assert "Not ready yet" not in response.text


def test_lesson_page_has_reading_aids_as_progressive_enhancement(client, lessons):
    response = client.get(lessons[1].url)

    text = response.text
    # Hidden until the script shows them; the script is a file, deferred (slow phones). The one
    # inline script sets the chosen text size before the first paint, allowed by its hash
    # (tests/courses/test_first_paint.py); no other inline script could run (CSP).
    assert re.search(r'<div class="reading-aids no-print" data-reading-aids [^>]*hidden>', text)
    assert "data-listen" in text and "Listen to this lesson" in text
    assert '<script src="/static/js/reading-aids.js" defer>' in text
    inline = re.findall(r"<script>(?!\s*</script>)", text)
    assert len(inline) == 1 and "homes-text-scale" in text.split("<script>")[1]
    policy = response.headers["Content-Security-Policy"]
    assert re.search(r"script-src 'self' 'sha256-[A-Za-z0-9+/=]{44}';", policy)


def test_lesson_page_lists_its_skills(client, lessons):
    response = client.get(lessons[1].url)

    assert "Skills in this lesson" in response.text
    assert "SAF-7" in response.text


# --- Quiz -------------------------------------------------------------------------------------


def quiz_id(lesson) -> str:
    return next(block.id for block in lesson.body if block.block_type == "quiz")


def test_quiz_is_a_real_form_with_fieldsets_and_radios_or_checkboxes(client, lessons):
    text = client.get(lessons[1].url).text

    assert re.search(r'<form class="quiz__form" method="post" action="[^"]*#quiz-', text)
    assert "csrfmiddlewaretoken" in text
    assert text.count('<fieldset class="quiz__question">') == 2
    assert "<legend>" in text
    assert 'type="radio"' in text and 'type="checkbox"' in text
    assert "Check my answers" in text


def test_posting_answers_shows_feedback_per_question_and_keeps_the_choices(client, lessons):
    lesson = LessonPage.objects.get(pk=lessons[1].pk)
    the_quiz = quiz_id(lesson)

    response = client.post(lesson.url, {"quiz": the_quiz, "q0": "1", "q1": ["0", "1"]})

    text = response.text
    assert response.status_code == 200
    assert "You got 1 out of 2 right." in text
    assert "You need 100% to pass." in text
    assert "Not quite." in text and "Right." in text
    assert "You chose “password1”." in text
    assert "No: this is one of the first passwords criminals try." in text
    assert "The right answer is:" in text and "PurpleKettleTrain" in text
    # What was chosen is still chosen.
    assert re.search(rf'id="quiz-{the_quiz}-q0-o1" name="q0" value="1" checked', text)
    assert re.search(rf'id="quiz-{the_quiz}-q1-o0" name="q1" value="0" checked', text)
    assert re.search(rf'id="quiz-{the_quiz}-q1-o1" name="q1" value="1" checked', text)
    assert not re.search(rf'id="quiz-{the_quiz}-q0-o0" name="q0" value="0" checked', text)


def test_all_right_answers_pass(client, lessons):
    lesson = LessonPage.objects.get(pk=lessons[1].pk)

    response = client.post(lesson.url, {"quiz": quiz_id(lesson), "q0": "0", "q1": ["0", "1"]})

    assert "You got 2 out of 2 right." in response.text
    assert "You passed — lesson done." in response.text


def test_sending_no_answers_says_so(client, lessons):
    lesson = LessonPage.objects.get(pk=lessons[1].pk)

    response = client.post(lesson.url, {"quiz": quiz_id(lesson)})

    assert "You got 0 out of 2 right." in response.text
    assert response.text.count("You did not choose an answer.") == 2


def test_an_out_of_date_quiz_is_explained_not_crashed(client, lessons):
    response = client.post(lessons[1].url, {"quiz": "not-a-quiz", "q0": "0"})

    assert response.status_code == 400
    assert "that quiz has changed since you opened the page" in response.text


def test_quiz_answers_need_the_csrf_token(lessons):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    lesson = LessonPage.objects.get(pk=lessons[1].pk)

    refused = strict.post(lesson.url, {"quiz": quiz_id(lesson), "q0": "0"})

    assert refused.status_code == 403
    page = strict.get(lesson.url)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    accepted = strict.post(
        lesson.url, {"csrfmiddlewaretoken": token, "quiz": quiz_id(lesson), "q0": "0"}
    )
    assert accepted.status_code == 200
    assert "You got 1 out of 2 right." in accepted.text


def test_course_and_index_pages_do_not_accept_posts(client, course):
    assert client.post(course.url).status_code == 405
    assert client.post("/courses/").status_code == 405
