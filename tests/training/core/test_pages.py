from django.test import Client, override_settings

import pytest

from demo import core as core_demo
from training.core.models import HomePage, SiteSettings

pytestmark = pytest.mark.django_db


class _Out:
    def write(self, _text):
        pass


@pytest.fixture
def footer_pages(db):
    core_demo.demo_seed(stdout=_Out())


def test_home_page_exists_from_migrations_and_is_the_site_root(client):
    home = HomePage.objects.get()
    response = client.get("/")
    assert response.status_code == 200
    assert home.introduction in response.content.decode()
    assert response.context["page"].specific == home


def test_header_shows_the_main_sections_and_sign_in(client):
    html = client.get("/").content.decode()
    for label in ["Courses", "My learning", "Community", "Sign in", "Skip to main content"]:
        assert label in html
    assert '<a href="/events/">Events</a>' in html


def test_header_offers_sign_out_when_signed_in(client, learner):
    client.force_login(learner)
    html = client.get("/").content.decode()
    assert "Sign out" in html
    assert "Sign in</a>" not in html


def test_footer_links_to_accessibility_privacy_and_contact(client, footer_pages):
    html = client.get("/").content.decode()
    assert 'href="/accessibility/"' in html
    assert 'href="/privacy/"' in html
    assert 'href="/contact/"' in html
    assert client.get("/privacy/").status_code == 200
    assert SiteSettings.load().contact_phone in html


def test_public_pages_send_a_content_security_policy(client):
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "object-src 'none'" in policy
    assert "Content-Security-Policy" not in client.get("/admin/login/").headers


def test_404_page_is_friendly_and_leaks_nothing(client):
    response = client.get("/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Sorry, we cannot find that page" in html
    assert "Traceback" not in html and "urlpatterns" not in html


@override_settings(DEBUG=False)
def test_500_page_is_friendly_and_leaks_nothing(settings):
    settings.ROOT_URLCONF = "tests.training.core.urls_boom"
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Sorry, something went wrong" in html
    assert "secret-detail" not in html and "Traceback" not in html
