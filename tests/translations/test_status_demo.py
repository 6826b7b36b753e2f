"""The Translations area on the demo's content: every list and edit page opens for a Course
Editor, in every filter, with a number of queries that does not depend on how much there is."""

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest

from tests.factories.users import UserFactory
from tests.site.demo_db import demo_load, module_data
from training.users import roles
from translations.languages import translation_languages
from translations.registry import text_translatables
from translations.selectors import STATES

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory, demo_snapshot):
    with module_data(django_db_blocker, tmp_path_factory.mktemp("demo")):
        demo_load(demo_snapshot)
        yield


@pytest.fixture(autouse=True)
def _media_and_cache(demo):
    """Replaces the suite's per-test media folder: the demo's pictures are the module's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor_client():
    client = Client()
    client.force_login(UserFactory(role=roles.COURSE_EDITOR))
    return client


def test_the_list_opens_in_every_filter_with_few_queries(editor_client):
    editor_client.get("/admin/translations/")
    with CaptureQueriesContext(connection) as queries:
        response = editor_client.get("/admin/translations/")
    assert response.status_code == 200
    # Per request: the session and user, the registered models (one query each), each language's
    # translations, the translators, the pages, their translations and statuses; never per row.
    assert len(queries) <= 40, [query["sql"][:120] for query in queries]
    for code, _name in translation_languages():
        for state in ["", *STATES]:
            answer = editor_client.get(f"/admin/translations/?language={code}&status={state}")
            assert answer.status_code == 200, (code, state)


def test_every_kind_of_text_opens_for_translating_in_every_language(editor_client):
    for entry in text_translatables():
        obj = entry.model._default_manager.order_by("pk").first()
        if obj is None:
            continue
        for code, _name in translation_languages():
            url = f"/admin/translations/text/{entry.label}/{obj.pk}/{code}/"
            assert editor_client.get(url).status_code == 200, url
