"""A double submit on PostgreSQL: two requests send the same person's answers at the same
moment. The unique constraint and the row lock leave one response, and neither request fails.

Runs against real PostgreSQL (DATABASE_URL, as the tests in tests/scale/ do); skipped without it
unless REQUIRE_SERVICES=1."""

import threading

from django.db import connection

import pytest

from tests.factories.places import NeighbourhoodFactory
from tests.factories.users import UserFactory
from tests.scale.conftest import service_required
from tests.voice.test_consultations import consultation_add, full, tenant_of
from voice.consultations_services import consultation_answer
from voice.models import ConsultationAnswer, ConsultationResponse

ROUNDS = 5


@pytest.fixture
def postgres() -> None:
    service_required("DATABASE_URL", "PostgreSQL")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_double_submit_gives_one_response(postgres):
    assert connection.vendor == "postgresql"
    elm = NeighbourhoodFactory(name="Elm Court", slug="elm-court")
    page = consultation_add(elm)
    people = [tenant_of(elm, n) for n in range(ROUNDS)]
    UserFactory()  # someone else, not taking part
    failures: list[BaseException] = []

    def send(person, start: threading.Barrier) -> None:
        try:
            start.wait()
            consultation_answer(consultation=page, person=person, answers=full(page), finish=True)
        except BaseException as error:  # noqa: BLE001 - reported below
            failures.append(error)
        finally:
            connection.close()

    for person in people:
        start = threading.Barrier(2)
        threads = [threading.Thread(target=send, args=(person, start)) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)

    assert failures == []
    assert ConsultationResponse.objects.count() == ROUNDS
    assert ConsultationResponse.objects.filter(submitted_at__isnull=False).count() == ROUNDS
    # One answer per question per response: nothing doubled.
    assert ConsultationAnswer.objects.count() == ROUNDS * len(full(page))
