"""Fixtures shared by the whole suite."""

import pytest

from tests.factories.places import CommunityCentreFactory
from tests.factories.users import PASSWORD, UserFactory
from training.users import roles


@pytest.fixture(autouse=True)
def _media_and_cache(settings, tmp_path):
    """Every test gets its own media and private-files folders and an empty cache."""
    from django.core.cache import cache

    from training.core.process_copies import process_copies_clear

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_FILES_ROOT = tmp_path / "private"
    cache.clear()
    process_copies_clear()  # kept per page-cache version, which an empty cache starts again
    yield
    cache.clear()
    process_copies_clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts and ends in the site's default language.

    Django's LocaleMiddleware (and our ProfileLanguageMiddleware) activate the request's
    language in the thread that answers it, which with the test client is the test's own, and
    nothing switches it back: a test that opened a page in Polish left Polish on for whichever
    test ran next on that worker, so that test's emails, messages and seeded pages came out
    in Polish or English depending on the random order."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _dashboard_helpers_closed():
    """A dashboard worked out side by side (PostgreSQL, outside a transaction) leaves its helper
    threads' connections open for the next view, as a server would: closed after each test, so
    that none is left on a test database when it is emptied or dropped."""
    yield
    from dashboards.side_by_side import helpers_close

    helpers_close()


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker, tmp_path_factory):
    """``seed_demo`` run once for this worker, the first time a test needs it, and kept beside
    the test database, which is then put back as migrated (tests/site/demo_db.py)."""
    from tests.site.demo_db import demo_snapshot_drop, demo_snapshot_make

    with django_db_blocker.unblock():
        snapshot = demo_snapshot_make(root=tmp_path_factory.mktemp("demo-seed"))
    yield snapshot
    with django_db_blocker.unblock():
        demo_snapshot_drop()


@pytest.fixture
def demo_seeded(db, demo_snapshot, _media_and_cache):
    """The database and files exactly as ``seed_demo`` leaves a migrated database, for this
    test (copied in inside its transaction, so rolled back after it). ``.output`` is what the
    seed printed."""
    from tests.site.demo_db import demo_load

    demo_load(demo_snapshot)
    return demo_snapshot


@pytest.fixture
def password() -> str:
    return PASSWORD


@pytest.fixture
def centre(db):
    return CommunityCentreFactory()


@pytest.fixture
def learner(db):
    return UserFactory(role=roles.LEARNER)


@pytest.fixture
def champion(db, centre):
    """A Digital Champion who works at ``centre`` (the staff assignment a Manager makes, given
    by the factory for a champion with a centre) and learns there too."""
    return UserFactory(role=roles.DIGITAL_CHAMPION, community_centre=centre)


@pytest.fixture
def editor(db):
    return UserFactory(role=roles.COURSE_EDITOR)


@pytest.fixture
def moderator(db):
    return UserFactory(role=roles.MODERATOR)


@pytest.fixture
def safeguarding_officer(db):
    return UserFactory(role=roles.SAFEGUARDING_OFFICER)


@pytest.fixture
def manager(db):
    return UserFactory(role=roles.MANAGER)


@pytest.fixture
def role_users(learner, champion, editor, moderator, safeguarding_officer, manager):
    return {
        roles.LEARNER: learner,
        roles.DIGITAL_CHAMPION: champion,
        roles.COURSE_EDITOR: editor,
        roles.MODERATOR: moderator,
        roles.SAFEGUARDING_OFFICER: safeguarding_officer,
        roles.MANAGER: manager,
    }
