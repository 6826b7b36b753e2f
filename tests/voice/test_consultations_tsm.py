"""The Tenant Satisfaction Measures template: the Regulator's TP01–TP12 questions and scales,
and the measures computed as the Regulator defines them, checked against answers whose results
were worked out by hand (below, each measure's sum)."""

from decimal import Decimal

from django.core.management import call_command

import pytest

from tests.voice.test_consultations import close, tenant_of
from voice.consultations_selectors import tsm_measures
from voice.consultations_services import (
    Answer,
    consultation_answer,
    consultations_index_ensure,
    tsm_consultation_create,
)
from voice.consultations_tsm import AGREEMENT, NOT_APPLICABLE, SATISFACTION
from voice.models import ConsultationPage, ConsultationResponse, Eligibility, QuestionKind

pytestmark = pytest.mark.django_db

VS, FS, N, FD, VD = SATISFACTION
SA, A, NAD, D, SD = AGREEMENT
NA = NOT_APPLICABLE
Y, NO = "Yes", "No"
_ = None  # not answered

# One column per tenant, R1 … R8.
ANSWERS = {
    "TP01": [VS, FS, N, FD, VD, VS, FS, FS],
    "TP02-Q": [Y, Y, Y, NO, NO, Y, NO, Y],
    "TP02": [VS, FD, FS, VS, _, VD, _, N],
    "TP03": [FS, FS, VD, _, _, _, _, VS],
    "TP04": [VS, VS, FS, N, N, FD, FD, FD],
    "TP05": [VS] * 8,
    "TP06": [VD] * 8,
    "TP07": [FS, FS, FS, N, N, N, N, N],
    "TP08": [SA, A, NAD, D, SD, NA, NA, A],
    "TP09-Q": [Y, NO, Y, NO, NO, NO, NO, Y],
    "TP09": [FS, VS, NA, _, _, _, _, VD],
    "TP10-Q": [Y, Y, Y, Y, Y, Y, NO, NO],
    "TP10": [VS, FS, FD, FD, VD, N, VS, _],
    "TP11": [VS, NA, NA, FS, FD, FD, FS, N],
    "TP12": [NA] * 8,
}

# Worked out by hand: (satisfied, valid answers, percent).
EXPECTED = {
    # VS, FS, VS, FS, FS satisfied among all eight.
    "TP01": (5, 8, Decimal("62.5")),
    # Only R1 R2 R3 R6 R8 had a repair (R4's answer after "No" does not count): R1, R3.
    "TP02": (2, 5, Decimal("40.0")),
    # Of those with a repair, R6 did not answer: R1 R2 R3 R8 valid; R1 R2 R8 satisfied.
    "TP03": (3, 4, Decimal("75.0")),
    "TP04": (3, 8, Decimal("37.5")),
    "TP05": (8, 8, Decimal("100.0")),
    "TP06": (0, 8, Decimal("0.0")),
    "TP07": (3, 8, Decimal("37.5")),
    # Two "not applicable / don't know" left out: SA, A, A agree among six.
    "TP08": (3, 6, Decimal("50.0")),
    # Complained: R1 R3 R8; R3 said don't know; R2's answer without a complaint does not count.
    "TP09": (1, 2, Decimal("50.0")),
    # Communal areas: R1 to R6 (R7's answer does not count): VS, FS satisfied among six.
    "TP10": (2, 6, Decimal("33.3")),
    # Two don't know left out: VS, FS, FS satisfied among six.
    "TP11": (3, 6, Decimal("50.0")),
    # Everyone said don't know: no valid answer, no figure.
    "TP12": (0, 0, None),
}


@pytest.fixture
def survey(elm):
    return tsm_consultation_create(
        index=consultations_index_ensure(), landlord="Elm Homes", year=2026, publish=True
    )


def test_the_template_has_the_regulators_questions_and_scales(survey):
    questions = list(survey.questions.order_by("sort_order"))
    assert survey.eligibility == Eligibility.VERIFIED
    assert [q.code for q in questions] == [
        "TP01", "TP02-Q", "TP02", "TP03", "TP04", "TP05", "TP06", "TP07", "TP08",
        "TP09-Q", "TP09", "TP10-Q", "TP10", "TP11", "TP12",
    ]  # fmt: skip
    by_code = {q.code: q for q in questions}
    assert by_code["TP01"].text == (
        "Taking everything into account, how satisfied or dissatisfied are you with the "
        "service provided by Elm Homes?"
    )
    assert by_code["TP01"].option_list() == SATISFACTION
    assert by_code["TP08"].option_list() == [*AGREEMENT, NA]
    assert by_code["TP02-Q"].kind == QuestionKind.ONE
    assert not by_code["TP02"].required and by_code["TP01"].required


def test_the_measures_match_the_hand_worked_answers(survey, elm):
    questions = {q.code: q for q in survey.questions.all()}
    for column in range(8):
        person = tenant_of(elm, column)
        answers = {
            questions[code].pk: Answer(choices=(given[column],))
            for code, given in ANSWERS.items()
            if given[column] is not None
        }
        consultation_answer(consultation=survey, person=person, answers=answers, finish=True)
    # A half-finished response, all satisfied, does not count.
    unsent = tenant_of(elm, 99)
    consultation_answer(
        consultation=survey,
        person=unsent,
        answers={questions["TP01"].pk: Answer(choices=(VS,))},
        finish=False,
    )
    assert ConsultationResponse.objects.filter(submitted_at__isnull=False).count() == 8
    measures = {
        m.code: (m.satisfied, m.valid, m.percent) for m in tsm_measures(consultation=survey)
    }
    assert measures == EXPECTED


def test_the_command_makes_a_draft_survey(elm):
    call_command("consultation_tsm_create", "--landlord", "Elm Homes", "--year", "2027")
    page = ConsultationPage.objects.get(slug="tenant-satisfaction-2027")
    assert not page.live and page.questions.count() == 15


def test_the_closed_survey_shows_the_measures(client, survey, elm):
    questions = {q.code: q for q in survey.questions.all()}
    for column in range(8):
        answers = {
            questions[code].pk: Answer(choices=(given[column],))
            for code, given in ANSWERS.items()
            if given[column] is not None
        }
        consultation_answer(
            consultation=survey, person=tenant_of(elm, column), answers=answers, finish=True
        )
    close(survey)
    body = client.get(survey.url).content.decode()
    assert "Tenant Satisfaction Measures" in body
    assert "TP01 Happy with the service overall</th><td>5</td><td>8</td><td>62.5</td>" in body
