"""The signed-in person comes from the cache, and the copy is dropped whenever they change."""

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from tests.factories.users import UserFactory
from training.users import roles
from training.users.user_cache import user_cache_forget

pytestmark = pytest.mark.django_db


@pytest.fixture
def page() -> str:
    return reverse("courses:my_learning")


@pytest.fixture
def learner_client(client, page):
    person = UserFactory(role=roles.LEARNER)
    client.force_login(person)
    assert client.get(page).status_code == 200  # the copy is kept now
    return client, person


def _person_reads(client, page) -> tuple[object, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page)
    reads = [q["sql"] for q in queries.captured_queries if 'FROM "users_user" WHERE' in q["sql"]]
    return response, reads


def test_a_signed_in_person_is_read_from_the_cache(learner_client, page):
    client, person = learner_client
    response, reads = _person_reads(client, page)

    assert response.status_code == 200
    assert response.wsgi_request.user.pk == person.pk
    assert reads == []
    assert roles.user_roles(response.wsgi_request.user) == frozenset({roles.LEARNER})


def test_a_new_password_signs_the_old_session_out(learner_client, page):
    client, person = learner_client
    person.set_password("a-brand-new-long-password")
    person.save()

    response = client.get(page)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert not response.wsgi_request.user.is_authenticated


def test_deactivating_someone_signs_them_out_at_once(learner_client, page):
    client, person = learner_client
    person.is_active = False
    person.save(update_fields=["is_active"])

    response = client.get(page)
    assert not response.wsgi_request.user.is_authenticated


def test_a_new_role_counts_at_once(learner_client, page):
    client, person = learner_client
    person.groups.add(Group.objects.get(name=roles.MANAGER))

    response = client.get(page)
    # Managers read personal data: they must set up two-step sign-in before anything else.
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_index")
    assert roles.MANAGER in roles.user_roles(response.wsgi_request.user)


def test_a_role_given_or_taken_from_the_groups_side_counts_at_once(learner_client, page):
    client, person = learner_client
    managers = Group.objects.get(name=roles.MANAGER)
    managers.user_set.add(person)
    assert client.get(page)["Location"] == reverse("mfa_index")

    managers.user_set.remove(person)
    assert client.get(page).status_code == 200

    managers.user_set.add(person)
    client.get(page)
    managers.user_set.clear()
    assert client.get(page).status_code == 200


def test_a_renamed_group_drops_every_copy(learner_client, page):
    client, person = learner_client
    group = Group.objects.get(name=roles.LEARNER)
    group.name = "Learners (renamed)"
    group.save()

    response = client.get(page)
    assert "Learners (renamed)" in roles.user_roles(response.wsgi_request.user)


def test_a_new_language_on_the_profile_counts_at_once(learner_client, page):
    client, person = learner_client
    person.preferred_language = "pl"
    person.save(update_fields=["preferred_language"])

    response = client.get(page)
    assert response["Content-Language"] == "pl"
    assert response.wsgi_request.user.preferred_language == "pl"


def test_a_deleted_person_is_signed_out(learner_client, page):
    client, person = learner_client
    person.delete()

    response = client.get(page)
    assert not response.wsgi_request.user.is_authenticated


def test_forgetting_reads_the_person_again(learner_client, page):
    client, person = learner_client
    user_cache_forget(user_id=person.pk)

    response, reads = _person_reads(client, page)
    assert response.wsgi_request.user.pk == person.pk
    assert len(reads) == 1
