import pytest

from community.models import Joining, Role
from tests.factories.community import GroupFactory, member_add
from tests.factories.users import UserFactory


@pytest.fixture
def group(db):
    """An open neighbourhood group."""
    return GroupFactory(name="Elm Court neighbours", slug="elm-court-neighbours")


@pytest.fixture
def private_group(db):
    """A group whose posts only members read; joining needs approval."""
    return GroupFactory(name="Hillview carers", slug="hillview-carers", joining=Joining.APPROVAL)


@pytest.fixture
def member(group):
    return member_add(group).user


@pytest.fixture
def owner(group):
    return member_add(group, role=Role.OWNER).user


@pytest.fixture
def outsider(db):
    return UserFactory()


@pytest.fixture
def signed_in(client):
    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in
