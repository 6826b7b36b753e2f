"""Search across courses and lessons, and the skills framework page."""

import re

import pytest

from courses.models import Skill, SkillArea, WordingSource
from tests.factories.courses import CoursePageFactory, LessonPageFactory, text_block

pytestmark = pytest.mark.django_db


def result_titles(response) -> list[str]:
    return re.findall(
        r'<h3 class="search-result__title"><a href="[^"]+">([^<]+)</a>', response.text
    )


def test_search_finds_a_course_by_its_summary(client, course):
    response = client.get("/search/", {"q": "strong"})

    assert response.status_code == 200
    assert "Staying safe with passwords" in result_titles(response)


def test_search_finds_a_lesson_by_words_in_its_body_and_names_its_course(client, course):
    LessonPageFactory(
        parent=course,
        title="Using a password manager",
        body=[text_block("<p>A <b>password manager</b> remembers every password for you.</p>")],
    )

    response = client.get("/search/", {"q": "manager"})

    assert result_titles(response) == ["Using a password manager"]
    assert "Lesson in “Staying safe with passwords”" in response.text
    assert "remembers every password for you." in response.text


def test_search_leaves_out_drafts(client, course):
    LessonPageFactory(
        parent=course, title="Secret draft", live=False, body=[text_block("<p>Zebra.</p>")]
    )

    response = client.get("/search/", {"q": "zebra"})

    assert result_titles(response) == []
    assert "Nothing matched." in response.text


def test_search_page_without_a_query_shows_the_form(client):
    response = client.get("/search/")

    assert response.status_code == 200
    assert (
        '<form class="search-form" method="get" action="/search/" role="search">' in response.text
    )
    assert '<label for="search-q">' in response.text


def test_search_is_linked_from_the_header(client, index):
    response = client.get("/courses/")

    assert '<a href="/search/"' in response.text


def test_skills_were_seeded_from_the_framework_with_stable_codes():
    assert list(SkillArea.objects.values_list("code", flat=True)) == [
        "FND",
        "COM",
        "HIC",
        "TRN",
        "PRB",
        "SAF",
        "HLP",  # added by champions (champions/migrations/0002_helping_skills.py)
    ]
    assert Skill.objects.count() == 38 + 5  # the framework's 38, and champions' HLP-1 to HLP-5
    saf7 = Skill.objects.get(code="SAF-7")
    assert saf7.area.code == "SAF"
    assert saf7.statement.startswith("I keep the information I use to access my online accounts")
    assert saf7.wording_source == WordingSource.FRAMEWORK
    assert Skill.objects.get(code="COM-2").wording_source == WordingSource.OURS
    assert Skill.objects.get(code="SAF-12").wording_source == WordingSource.FRAMEWORK_SHORTENED
    assert SkillArea.objects.get(code="FND").is_foundation is True


def test_skills_page_lists_areas_skills_and_the_courses_teaching_each(client, course):
    CoursePageFactory(title="Hidden draft course", skills=["SAF-7"], live=False)

    response = client.get("/courses/skills/")

    text = response.text
    assert response.status_code == 200
    assert "<h1>The skills you can learn</h1>" in text
    for name in ["Foundation skills", "Communicating", "Being safe and legal online"]:
        assert name in text
    saf7 = re.search(r"SAF-7</span>.*?</li>", text, re.S).group(0)
    assert f'<a href="{course.url}">Staying safe with passwords</a>' in saf7
    assert "Hidden draft course" not in text
    com2 = re.search(r"COM-2</span>.*?</li>", text, re.S).group(0)
    assert "No course teaches this yet." in com2
    assert (
        "Contains public sector information licensed under the Open Government Licence v3.0."
        in text
    )


def test_a_skill_added_by_an_editor_appears_on_the_skills_page(client, index):
    Skill.objects.create(
        area=SkillArea.objects.get(code="COM"),
        code="COM-5",
        statement="I can join a neighbourhood group online",
    )

    response = client.get("/courses/skills/")

    assert "COM-5" in response.text
    assert "I can join a neighbourhood group online" in response.text
    assert Skill.objects.get(code="COM-5").sort_order == 5
