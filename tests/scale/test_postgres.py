from django.db import IntegrityError, connection, transaction

import pytest

from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


def test_the_suite_runs_on_postgresql_when_database_url_is_set(postgres):
    assert connection.vendor == "postgresql"
    assert connection.pg_version >= 130000


def test_email_addresses_are_unique_in_the_database_whatever_the_case(postgres):
    UserFactory(email="pat@example.com")
    with pytest.raises(IntegrityError), transaction.atomic():
        UserFactory(email="PAT@example.com")


def test_many_assisted_accounts_may_have_no_email(postgres):
    UserFactory(email="")
    UserFactory(email="")
