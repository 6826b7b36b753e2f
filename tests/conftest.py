"""Fixtures shared by the whole suite."""

import pytest

from tests.factories.places import CommunityCentreFactory
from tests.factories.users import PASSWORD, UserFactory
from training.users import roles


@pytest.fixture(autouse=True)
def _media_and_cache(settings, tmp_path):
    """Every test gets its own media and private-files folders and an empty cache."""
    from django.core.cache import cache

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_FILES_ROOT = tmp_path / "private"
    cache.clear()
    yield
    cache.clear()


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
