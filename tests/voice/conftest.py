import pytest

from tests.factories.places import CommunityCentreFactory, NeighbourhoodFactory
from tests.factories.users import UserFactory
from tests.factories.voice import tenancy_add
from training.places.services import staff_neighbourhood_set
from training.users import roles


@pytest.fixture
def elm(db):
    return NeighbourhoodFactory(name="Elm Court estate", slug="elm-court")


@pytest.fixture
def river(db):
    return NeighbourhoodFactory(name="Riverside", slug="riverside")


@pytest.fixture
def elm_centre(elm):
    return CommunityCentreFactory(name="Elm Court Community Centre", neighbourhood=elm)


@pytest.fixture
def river_centre(river):
    return CommunityCentreFactory(name="Riverside Hub", neighbourhood=river)


@pytest.fixture
def elm_tenancy(elm):
    """A tenancy in Elm Court: reference TEN-000123, postcode N1 8ZZ."""
    return tenancy_add("TEN-000123", "N1 8ZZ", elm)


@pytest.fixture
def river_tenancy(river):
    return tenancy_add("TEN-000900", "N1 7ZZ", river)


@pytest.fixture
def tenant(elm, elm_centre):
    """A learner who lives in Elm Court and goes to its community centre; not verified yet."""
    return UserFactory(display_name="Marley Quinn", neighbourhood=elm, community_centre=elm_centre)


@pytest.fixture
def elm_champion(elm_centre):
    """A Digital Champion who works at the Elm Court centre."""
    return UserFactory(role=roles.DIGITAL_CHAMPION, community_centre=elm_centre)


@pytest.fixture
def river_champion(river_centre):
    return UserFactory(role=roles.DIGITAL_CHAMPION, community_centre=river_centre)


def _officer(neighbourhood):
    officer = UserFactory(role=roles.HOUSING_OFFICER, display_name="Dee")
    staff_neighbourhood_set(
        person=officer, neighbourhood=neighbourhood, by=UserFactory(role=roles.MANAGER)
    )
    return officer


@pytest.fixture
def elm_officer(elm):
    """A Housing Officer a Manager assigned to Elm Court."""
    return _officer(elm)


@pytest.fixture
def river_officer(river):
    return _officer(river)
