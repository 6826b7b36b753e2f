"""Issue 10, point 6: the course list's "See all the skills" link leads to the skills page."""

import re

import pytest

pytestmark = pytest.mark.django_db


def _skills_link(html: str) -> str:
    match = re.search(r'<p class="courses__skills-link"><a href="([^"]+)">', html)
    assert match, "the course list has no link to the skills page"
    return match.group(1)


def test_the_course_list_links_to_the_skills_page_and_it_opens(client, course):
    href = _skills_link(client.get("/courses/").text)

    assert href == "/courses/skills/"
    response = client.get(href)
    assert response.status_code == 200
    assert "<h1>The skills you can learn</h1>" in response.text


def test_the_skills_link_is_right_on_a_filtered_list_too(client, course):
    href = _skills_link(client.get("/courses/", {"level": "next_steps"}).text)

    assert client.get(href).status_code == 200


def test_the_course_pages_skills_link_opens_the_skills_page(client, course):
    html = client.get(course.url).text
    href = re.search(r'<a href="([^"]+)">About the skills framework</a>', html).group(1)

    assert client.get(href).status_code == 200
