"""The demo consultations: a closed one with its results, quotes, a paper answer, the decision
and its You said, we did improvement; an open one the demo tenant can answer. Seeding again
adds nothing."""

import io

from django.core.management import call_command

import pytest

from notifications.models import Notification
from training.users.models import User
from voice.consultations_selectors import consultation_eligibility, consultation_results
from voice.models import ConsultationPage, ConsultationResponse, ConsultationTold

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_closed_consultation_with_results_and_a_decision_and_an_open_one(
    client, demo_seeded
):
    call_command("seed_demo", stdout=io.StringIO())
    benches = ConsultationPage.objects.live().get(slug="where-should-the-new-benches-go")
    garden = ConsultationPage.objects.live().get(slug="how-should-we-spend-the-garden-fund")
    assert ConsultationPage.objects.count() == 2
    assert benches.is_closed() and garden.is_open()
    assert benches.decision and benches.improvement.live

    results = consultation_results(consultation=benches)
    assert results.responses == 12 and results.assisted == 1
    where = results.questions[0]
    assert [(o.label, o.count) for o in where.options] == [
        ("By the play area", 7),
        ("Outside block B", 2),
        ("In the shared garden", 3),
    ]
    hidden = {row.name: str(row.responses) for row in where.neighbourhoods}
    assert hidden["Hillview"] == "hidden"
    assert len(results.questions[4].quotes) == 2
    assert ConsultationTold.objects.filter(consultation=benches).count() == 12
    assert Notification.objects.filter(subject__startswith="What we decided").count() == 12

    body = client.get(benches.url).content.decode()
    assert "What we decided, and why" in body and "Three new benches by the play area" in body
    assert "<svg" in body

    tenant = User.objects.get(email="tenant@example.com")
    assert consultation_eligibility(consultation=garden, person=tenant).allowed
    assert not ConsultationResponse.objects.filter(person=tenant).exists()
    client.force_login(tenant)
    assert "step 1 of 2" in client.get(garden.url).content.decode()
