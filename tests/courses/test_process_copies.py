"""Issue 20: what each app process keeps of the signed-in lesson page between requests.

The site, the page an address shows, the shared fragments and the footer are kept in each
process under the page-cache version (training/core/process_copies.py). They must be found
again as soon as the version moves on: publishing, unpublishing, a site's change, the footer's
settings. Every request gets its own page object.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

import pytest

from training.core.models import SiteSettings
from translations import routing

pytestmark = pytest.mark.django_db


@pytest.fixture
def reading(client, learner):
    client.force_login(learner)
    return client


def _queries(client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_a_lesson_seen_again_is_found_without_routing_queries(reading, lessons):
    first, _ = _queries(reading, lessons[0].url)
    second, html = _queries(reading, lessons[0].url)

    assert "Why passwords matter" in html
    # The site, the home page and the lesson (two queries) are not read again.
    assert second <= first - 4


def test_a_republished_lesson_shows_its_new_title_at_once(reading, lessons):
    reading.get(lessons[0].url)
    lesson = lessons[0]
    lesson.title = "Why strong passwords matter"
    lesson.save_revision().publish()

    html = reading.get(lesson.url).content.decode()
    assert "Why strong passwords matter" in html


def test_an_unpublished_lesson_is_not_shown_from_a_kept_copy(reading, lessons):
    assert reading.get(lessons[2].url).status_code == 200
    lessons[2].unpublish()

    assert reading.get(lessons[2].url).status_code == 404


def test_changing_the_sites_home_page_is_seen_at_once(reading, lessons, course):
    assert reading.get(lessons[0].url).status_code == 200
    site = Site.objects.get(is_default_site=True)
    site.root_page = course  # the course is now the home page: the old address leads nowhere
    site.save()

    assert reading.get(lessons[0].url).status_code == 404
    assert reading.get("/why/").status_code == 200


def test_a_new_footer_phone_number_is_shown_at_once(reading, lessons):
    reading.get(lessons[0].url)
    settings = SiteSettings.load()
    settings.contact_phone = "0800 123 4567"
    settings.save()

    assert "0800 123 4567" in reading.get(lessons[0].url).content.decode()


def test_every_request_gets_its_own_page_object(rf, lessons):
    request = rf.get(lessons[0].url)
    first = routing.page_route_localized(request=request, path=lessons[0].url)
    first.page.title = "changed by one request"
    second = routing.page_route_localized(request=rf.get(lessons[0].url), path=lessons[0].url)

    assert second.page is not first.page
    assert second.page.title == "Why passwords matter"


def test_the_footer_and_offline_texts_are_kept_per_language(client, lessons):
    english = client.get(lessons[0].url, headers={"Accept-Language": "en-gb"}).content.decode()
    client.cookies["django_language"] = "pl"
    polish = client.get(lessons[0].url).content.decode()
    client.cookies["django_language"] = "en-gb"
    english_again = client.get(lessons[0].url).content.decode()

    assert 'class="translation-note"' in polish
    assert 'class="translation-note"' not in english
    assert 'class="translation-note"' not in english_again
    assert 'data-text-saving="Saving the course…"' in english_again


def test_after_the_shared_cache_is_lost_no_kept_copy_is_served(reading, lessons):
    """Redis keeps nothing on disk: after a restart or a flush the version starts again. A
    number an app process already holds copies under must never come back."""
    from django.core.cache import cache

    from training.core.page_cache import page_cache_version

    assert reading.get(lessons[0].url).status_code == 200
    before = page_cache_version()
    cache.clear()  # what a restarted Redis looks like to every app process
    lesson = lessons[0]
    # Changed while the shared cache was gone (its purge could not reach anyone).
    type(lesson).objects.filter(pk=lesson.pk).update(title="Why long passwords matter")
    lesson.refresh_from_db()
    lesson.save_revision().publish()
    cache.clear()

    assert page_cache_version() != before
    assert "Why long passwords matter" in reading.get(lesson.url).content.decode()
