"""Consultations: who may take part, once each (changed until it closes, the last answer
counts), answers in steps kept half-finished, paper answers entered by a Digital Champion,
moderated quotes, results with small numbers hidden, CSV, and the decision told once."""

import csv
import io
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

import pytest

from notifications.models import Notification
from tests.factories.users import UserFactory
from tests.factories.voice import tenancy_add
from training.core.models import ActivityEvent
from training.users import roles
from voice.consultations_selectors import (
    consultation_results,
    consultation_results_csv,
)
from voice.consultations_services import (
    Answer,
    ConsultationAlreadyAnswered,
    ConsultationClosed,
    consultation_answer,
    consultation_create,
    consultation_decision_tell,
    consultations_index_ensure,
)
from voice.models import (
    ConsultationAnswer,
    ConsultationResponse,
    ConsultationTold,
    Eligibility,
    Moderation,
    QuestionKind,
    TenantVerification,
    VerificationMethod,
)
from voice.verbs import CONSULTATION_ANSWERED, CONSULTATION_CHANGED

pytestmark = pytest.mark.django_db

PLACES = ["By the play area", "Outside block B", "In the garden"]
QUESTIONS = [
    {
        "kind": QuestionKind.ONE,
        "text": "Where should the new benches go?",
        "options": "\n".join(PLACES),
    },
    {
        "kind": QuestionKind.SEVERAL,
        "text": "When would you sit there?",
        "options": "Mornings\nAfternoons\nEvenings",
    },
    {"kind": QuestionKind.SCALE, "text": "Benches would make the estate better."},
    {
        "kind": QuestionKind.RANK,
        "text": "Put these in order.",
        "options": "Wood\nMetal\nRecycled plastic",
    },
    {"kind": QuestionKind.TEXT, "text": "Anything else?", "required": False},
]


def verify(person, tenancy):
    TenantVerification.objects.create(
        person=person, tenancy=tenancy, method=VerificationMethod.IN_PERSON
    )
    return person


def tenant_of(neighbourhood, n, **fields):
    person = UserFactory(neighbourhood=neighbourhood, **fields)
    return verify(person, tenancy_add(f"TEN-{neighbourhood.pk}{n:05d}", "N1 8ZZ", neighbourhood))


def consultation_add(
    *neighbourhoods,
    opens=-3,
    closes=10,
    eligibility=Eligibility.NEIGHBOURHOODS,
    questions=QUESTIONS,
    title="New benches",
):
    today = timezone.localdate()
    return consultation_create(
        index=consultations_index_ensure(),
        title=title,
        question="Where should the new benches go?",
        questions=questions,
        opens_on=today + timedelta(days=opens),
        closes_on=today + timedelta(days=closes),
        eligibility=eligibility,
        neighbourhoods=neighbourhoods,
    )


def full(page, place=PLACES[0], text="") -> dict[int, Answer]:
    q = list(page.questions.order_by("sort_order"))
    return {
        q[0].pk: Answer(choices=(place,)),
        q[1].pk: Answer(choices=("Mornings", "Evenings")),
        q[2].pk: Answer(choices=("Agree",)),
        q[3].pk: Answer(choices=("Metal", "Wood", "Recycled plastic")),
        q[4].pk: Answer(text=text),
    }


def close(page):
    page.opens_on = timezone.localdate() - timedelta(days=20)
    page.closes_on = timezone.localdate() - timedelta(days=1)
    page.save_revision().publish()
    return page


@pytest.fixture
def verified(tenant, elm_tenancy):
    return verify(tenant, elm_tenancy)


@pytest.fixture
def page(elm):
    return consultation_add(elm)


# --- Who may take part, and once -----------------------------------------------------------


def test_a_verified_tenant_answers_and_is_counted_once(verified, page, elm):
    response = consultation_answer(
        consultation=page, person=verified, answers=full(page), finish=True
    )
    assert response.submitted_at is not None
    assert response.neighbourhood == elm
    assert not response.assisted
    assert ConsultationResponse.objects.count() == 1
    assert ActivityEvent.objects.filter(verb=CONSULTATION_ANSWERED).count() == 1


def test_a_tenant_of_another_neighbourhood_is_refused(page, river, river_tenancy):
    other = verify(UserFactory(neighbourhood=river), river_tenancy)
    with pytest.raises(PermissionDenied):
        consultation_answer(consultation=page, person=other, answers=full(page), finish=True)
    assert not ConsultationResponse.objects.exists()


def test_an_unverified_account_is_refused(tenant, page):
    with pytest.raises(PermissionDenied):
        consultation_answer(consultation=page, person=tenant, answers=full(page), finish=True)


def test_an_ended_tenancy_is_refused(tenant, elm, page):
    verify(tenant, tenancy_add("TEN-000777", "N1 8ZZ", elm, ended=True))
    with pytest.raises(PermissionDenied):
        consultation_answer(consultation=page, person=tenant, answers=full(page), finish=True)


def test_all_verified_tenants_and_everyone_signed_in(tenant, river, river_tenancy, elm):
    for_verified = consultation_add(elm, eligibility=Eligibility.VERIFIED, title="All tenants")
    other = verify(UserFactory(neighbourhood=river), river_tenancy)
    consultation_answer(
        consultation=for_verified, person=other, answers=full(for_verified), finish=True
    )
    with pytest.raises(PermissionDenied):
        consultation_answer(
            consultation=for_verified, person=tenant, answers=full(for_verified), finish=True
        )
    for_everyone = consultation_add(eligibility=Eligibility.SIGNED_IN, title="Everyone")
    consultation_answer(
        consultation=for_everyone, person=tenant, answers=full(for_everyone), finish=True
    )
    assert ConsultationResponse.objects.count() == 2


def test_a_second_response_is_refused_by_the_database(verified, page):
    consultation_answer(consultation=page, person=verified, answers=full(page), finish=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        ConsultationResponse.objects.create(consultation=page, person=verified)


def test_answering_again_changes_the_answers_and_the_last_counts(verified, page):
    consultation_answer(consultation=page, person=verified, answers=full(page), finish=True)
    consultation_answer(
        consultation=page, person=verified, answers=full(page, place=PLACES[2]), finish=True
    )
    assert ConsultationResponse.objects.count() == 1
    first = page.questions.order_by("sort_order").first()
    assert ConsultationAnswer.objects.get(question=first).choices == [PLACES[2]]
    assert ActivityEvent.objects.filter(verb=CONSULTATION_CHANGED).count() == 1


def test_closed_and_not_yet_open_refuse_answers(verified, elm):
    for opens, closes in ((-10, -1), (2, 10)):
        page = consultation_add(elm, opens=opens, closes=closes, title=f"Check {opens}")
        with pytest.raises(ConsultationClosed):
            consultation_answer(consultation=page, person=verified, answers=full(page), finish=True)


def test_a_half_finished_response_is_kept_but_not_counted(verified, page):
    first = page.questions.order_by("sort_order").first()
    consultation_answer(
        consultation=page,
        person=verified,
        answers={first.pk: Answer(choices=(PLACES[1],))},
        finish=False,
    )
    response = ConsultationResponse.objects.get()
    assert response.submitted_at is None
    with pytest.raises(ValueError):
        consultation_answer(consultation=page, person=verified, answers={}, finish=True)
    assert consultation_results(consultation=close(page)).responses == 0


def test_answers_must_fit_the_questions(verified, page):
    q = list(page.questions.order_by("sort_order"))
    for wrong in (
        {q[0].pk: Answer(choices=("On the roof",))},
        {q[0].pk: Answer(choices=(PLACES[0], PLACES[1]))},
        {q[3].pk: Answer(choices=("Wood",))},
    ):
        with pytest.raises(ValueError):
            consultation_answer(consultation=page, person=verified, answers=wrong, finish=False)


# --- On the page: steps, half-finished, change ------------------------------------------------


def post_step(client, page, step, data, action="next"):
    return client.post(page.url, {"step": step, "action": action, **data})


def step_one_data(page, place=PLACES[0]):
    q = list(page.questions.order_by("sort_order"))
    return {
        f"q{q[0].pk}": place,
        f"q{q[1].pk}": ["Mornings"],
        f"q{q[2].pk}": "Agree",
        f"q{q[3].pk}_0": "2",
        f"q{q[3].pk}_1": "1",
        f"q{q[3].pk}_2": "3",
        f"q{q[4].pk}": "Near the bus stop please.",
    }


def test_the_page_answers_in_one_step_and_then_shows_the_answers(client, verified, page):
    client.force_login(verified)
    assert "Send my answers" in client.get(page.url).content.decode()
    response = post_step(client, page, 1, step_one_data(page), action="send")
    assert response.status_code == 302
    body = client.get(page.url).content.decode()
    assert "Change my answers" in body and PLACES[0] in body
    answer = ConsultationAnswer.objects.get(question__kind=QuestionKind.RANK)
    assert answer.choices == ["Metal", "Wood", "Recycled plastic"]


def test_a_missing_answer_is_explained_by_the_field_and_input_kept(client, verified, page):
    client.force_login(verified)
    data = step_one_data(page)
    q = list(page.questions.order_by("sort_order"))
    del data[f"q{q[0].pk}"]
    data[f"q{q[3].pk}_1"] = "2"  # two options numbered 2
    response = post_step(client, page, 1, data, action="send")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Choose an answer." in body and "Give every option a different number" in body
    assert "Near the bus stop please." in body
    assert not ConsultationResponse.objects.exists()


def test_a_long_survey_goes_in_steps_and_keeps_a_half_finished_response(client, verified, elm):
    questions = [
        {"kind": QuestionKind.ONE, "text": f"Question {n}?", "options": "Yes\nNo"} for n in range(7)
    ]
    page = consultation_add(elm, questions=questions, title="Long")
    q = list(page.questions.order_by("sort_order"))
    client.force_login(verified)
    assert "step 1 of 2" in client.get(page.url).content.decode()
    response = post_step(client, page, 1, {f"q{x.pk}": "Yes" for x in q[:5]})
    assert response["Location"].endswith("?step=2")
    saved = ConsultationResponse.objects.get()
    assert saved.submitted_at is None and saved.answers.count() == 5
    # Saved for later with half of step 2; coming back shows it filled in.
    post_step(client, page, 2, {f"q{q[5].pk}": "No"}, action="later")
    body = client.get(page.url + "?step=2").content.decode()
    assert "half-finished" in body and 'value="No" ' in body.replace("checked", " checked")
    response = post_step(
        client, page, 2, {f"q{q[5].pk}": "No", f"q{q[6].pk}": "Yes"}, action="send"
    )
    assert response.status_code == 302
    assert ConsultationResponse.objects.get().submitted_at is not None


def test_posting_to_a_closed_or_refused_consultation(client, verified, page, river, river_tenancy):
    other = verify(UserFactory(neighbourhood=river), river_tenancy)
    client.force_login(other)
    body = client.get(page.url).content.decode()
    assert "tenants of other neighbourhoods" in body
    assert post_step(client, page, 1, step_one_data(page), action="send").status_code == 403
    client.force_login(UserFactory())
    assert "Show you are a tenant" in client.get(page.url).content.decode()
    assert post_step(client, page, 1, step_one_data(page), action="send").status_code == 403
    assert not ConsultationResponse.objects.exists()


# --- Paper answers ---------------------------------------------------------------------------


def test_a_champion_enters_a_paper_answer_recorded_as_assisted(
    client, elm, elm_champion, elm_centre, page
):
    learner = tenant_of(elm, 1, community_centre=elm_centre, display_name="Pat Paper")
    client.force_login(elm_champion)
    listing = client.get(f"/voice/consultations/{page.pk}/paper/?q=Pat").content.decode()
    assert "Pat Paper" in listing
    data = {"person": learner.pk, "action": "send", **step_one_data(page)}
    response = client.post(f"/voice/consultations/{page.pk}/paper/", data)
    assert response.status_code == 302
    saved = ConsultationResponse.objects.get(person=learner)
    assert saved.assisted and saved.entered_by == elm_champion and saved.submitted_at


def test_a_paper_answer_is_refused_for_someone_who_answered_online(
    elm, elm_champion, elm_centre, page
):
    learner = tenant_of(elm, 1, community_centre=elm_centre)
    consultation_answer(consultation=page, person=learner, answers=full(page), finish=True)
    with pytest.raises(ConsultationAlreadyAnswered):
        consultation_answer(
            consultation=page,
            person=learner,
            answers=full(page),
            finish=True,
            entered_by=elm_champion,
        )


def test_a_champion_cannot_enter_answers_for_someone_outside_their_centre(
    client, elm, river_champion, page
):
    learner = tenant_of(elm, 1)
    with pytest.raises(PermissionDenied):
        consultation_answer(
            consultation=page,
            person=learner,
            answers=full(page),
            finish=True,
            entered_by=river_champion,
        )
    client.force_login(river_champion)
    assert (
        client.get(f"/voice/consultations/{page.pk}/paper/?person={learner.pk}").status_code == 404
    )
    client.force_login(learner)
    assert client.get(f"/voice/consultations/{page.pk}/paper/").status_code == 403


# --- Results, suppression, CSV, quotes ------------------------------------------------------


@pytest.fixture
def answered(page, elm, river):
    """Six Elm Court tenants and two Riverside ones (the consultation is for both)."""
    page.neighbourhoods.add(river)
    page.save_revision().publish()
    picks = [PLACES[0]] * 4 + [PLACES[1]] * 2
    for n, place in enumerate(picks):
        person = tenant_of(elm, n)
        consultation_answer(
            consultation=page,
            person=person,
            answers=full(page, place, text=f"Words {n}"),
            finish=True,
        )
    for n in range(2):
        person = tenant_of(river, 50 + n)
        consultation_answer(
            consultation=page, person=person, answers=full(page, PLACES[2]), finish=True
        )
    tenant_of(river, 90)  # eligible, did not answer
    return close(page)


def test_results_count_each_option_with_percentages_and_turnout(answered):
    results = consultation_results(consultation=answered)
    assert (results.responses, results.eligible) == (8, 9)
    assert str(results.turnout) == "88.9"
    where = results.questions[0]
    assert [(o.label, o.count, str(o.percent)) for o in where.options] == [
        (PLACES[0], 4, "50.0"),
        (PLACES[1], 2, "25.0"),
        (PLACES[2], 2, "25.0"),
    ]
    assert where.chart is not None and len(where.chart.bars) == 3
    rank = results.questions[3]
    assert rank.options[1].label == "Metal" and rank.options[1].count == 8
    assert str(rank.options[1].average_position) == "1.0"


def test_a_neighbourhood_with_fewer_than_five_answers_is_hidden(answered):
    """Riverside has 2 answers: hidden. Elm Court (6) is hidden too, as the total minus Elm
    Court would give Riverside away (secondary suppression, the dashboards' rule)."""
    rows = {
        row.name: row
        for row in consultation_results(consultation=answered).questions[0].neighbourhoods
    }
    for name in ("Riverside", "Elm Court estate"):
        assert str(rows[name].responses) == "hidden"
        assert all(str(count) == "hidden" for count in rows[name].counts)


def test_neighbourhoods_of_five_or_more_are_shown(answered, river):
    for n in range(3):
        person = tenant_of(river, 60 + n)
        answered.closes_on = timezone.localdate() + timedelta(days=1)
        answered.save_revision().publish()
        consultation_answer(
            consultation=answered, person=person, answers=full(answered, PLACES[2]), finish=True
        )
    rows = {
        row.name: row
        for row in consultation_results(consultation=close(answered)).questions[0].neighbourhoods
    }
    assert rows["Elm Court estate"].counts == [4, 2, 0]
    assert rows["Riverside"].counts == [0, 0, 5]


def test_a_question_answered_by_fewer_than_five_is_hidden(verified, page):
    consultation_answer(consultation=page, person=verified, answers=full(page), finish=True)
    results = consultation_results(consultation=close(page))
    assert results.questions[0].too_few and results.questions[0].options == []
    assert "hidden" in consultation_results_csv(results=results)


def test_the_csv_has_every_option_and_hides_small_groups(client, answered):
    response = client.get(f"/voice/consultations/{answered.pk}/results.csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert ["Where should the new benches go?", "All", PLACES[0], "4", "50.0", "8"] in rows
    assert [
        "Where should the new benches go?",
        "Riverside",
        PLACES[2],
        "hidden",
        "",
        "hidden",
    ] in rows
    assert rows[-1][:3] == ["turnout", "All", ""]


def test_no_results_or_csv_before_closing(client, page):
    assert client.get(f"/voice/consultations/{page.pk}/results.csv").status_code == 404
    assert "Results" not in client.get(page.url).content.decode()


def test_the_closed_page_shows_chart_table_and_only_moderated_quotes(client, answered):
    answer = ConsultationAnswer.objects.get(text="Words 1")
    answer.moderation = Moderation.PUBLISHED
    answer.save()
    body = client.get(answered.url).content.decode()
    assert "<svg" in body and "<table>" in body and "88.9%" in body
    assert "Words 1" in body and "Words 2" not in body


def test_a_moderator_publishes_a_quote_and_others_cannot(client, answered):
    waiting = ConsultationAnswer.objects.get(text="Words 3")
    client.force_login(UserFactory())
    assert client.get("/voice/consultations/moderation/").status_code == 403
    moderator = UserFactory(role=roles.MODERATOR)
    client.force_login(moderator)
    body = client.get("/voice/consultations/moderation/").content.decode()
    assert "Words 3" in body
    client.post("/voice/consultations/moderation/", {"answer": waiting.pk, "action": "publish"})
    waiting.refresh_from_db()
    assert waiting.moderation == Moderation.PUBLISHED and waiting.moderated_by == moderator


def test_a_changed_free_text_is_read_again(verified, page):
    consultation_answer(
        consultation=page, person=verified, answers=full(page, text="First"), finish=True
    )
    ConsultationAnswer.objects.filter(text="First").update(moderation=Moderation.PUBLISHED)
    consultation_answer(
        consultation=page, person=verified, answers=full(page, text="Second"), finish=True
    )
    assert ConsultationAnswer.objects.get(text="Second").moderation == Moderation.WAITING


# --- The decision ------------------------------------------------------------------------------


def test_publishing_the_decision_tells_everyone_who_took_part_once(answered, elm):
    draft = tenant_of(elm, 99)
    # A half-finished response is not taking part.
    ConsultationResponse.objects.create(consultation=answered, person=draft)
    answered.decision = "<p>Benches by the play area, because most of you chose it.</p>"
    answered.save_revision().publish()
    assert ConsultationTold.objects.count() == 8
    assert Notification.objects.filter(subject__startswith="What we decided").count() == 8
    assert not Notification.objects.filter(recipient=draft).exists()
    answered.save_revision().publish()
    assert consultation_decision_tell(consultation=answered) == 0
    assert Notification.objects.filter(subject__startswith="What we decided").count() == 8


def test_no_one_is_told_without_a_decision_or_before_closing(verified, page):
    consultation_answer(consultation=page, person=verified, answers=full(page), finish=True)
    page.decision = "<p>Too early.</p>"
    page.save_revision().publish()
    assert not ConsultationTold.objects.exists()


# --- In the admin ----------------------------------------------------------------------------


@pytest.mark.parametrize("role", [roles.COURSE_EDITOR, roles.MANAGER])
def test_editors_and_managers_publish_a_consultation_in_the_admin(client, elm, role):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    from voice.models import ConsultationPage

    index = consultations_index_ensure()
    url = f"/admin/pages/add/voice/consultationpage/{index.pk}/"
    client.force_login(UserFactory(role=role))
    assert client.get(url).status_code == 200
    form = nested_form_data(
        {
            "title": "New benches",
            "slug": "new-benches",
            "question": "Where should the new benches go?",
            "background": rich_text("<p>We can buy three.</p>"),
            "eligibility": Eligibility.NEIGHBOURHOODS,
            "opens_on": "2026-11-01",
            "closes_on": "2026-11-30",
            "decision": rich_text(""),
            "questions": inline_formset(
                [
                    {
                        "kind": "one",
                        "text": "Where?",
                        "help_text": "",
                        "options": "Here\nThere",
                        "required": "on",
                        "code": "",
                    },
                    {
                        "kind": "one",
                        "text": "Only one option",
                        "help_text": "",
                        "options": "Here",
                        "required": "on",
                        "code": "",
                    },
                ]
            ),
            "action-publish": "publish",
        }
    )
    form["neighbourhoods"] = [elm.pk]
    response = client.post(url, form)
    assert response.status_code == 200
    assert "Give at least two options, one a line." in response.content.decode()
    form["questions-1-options"] = "Here\nThere"
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ConsultationPage.objects.get(slug="new-benches")
    assert page.live and page.questions.count() == 2 and list(page.neighbourhoods.all()) == [elm]


# --- Download my data and Delete my account ------------------------------------------------------


def test_the_download_holds_the_persons_answers(verified, page):
    from voice.data_rights import tenant_voice_export

    consultation_answer(
        consultation=page, person=verified, answers=full(page, text="Mine"), finish=True
    )
    [mine] = tenant_voice_export(person=verified)["consultations"]
    assert mine["consultation"] == "New benches" and mine["assisted"] is False
    assert {"question": "Anything else?", "choices": [], "text": "Mine"} in mine["answers"]


def test_a_deleted_account_still_counts_without_its_words(answered):
    from training.users.data_rights.services import account_delete

    before = consultation_results(consultation=answered).questions[0].options
    leaving = ConsultationAnswer.objects.get(text="Words 0").response.person
    account_delete(user=leaving)
    assert consultation_results(consultation=answered).questions[0].options == before
    assert ConsultationResponse.objects.filter(person__isnull=True).count() == 1
    assert not ConsultationAnswer.objects.filter(text="Words 0").exists()


def test_the_agree_scale_is_read_in_each_language_and_stored_once_for_all(verified, page):
    from django.utils import translation

    from voice.consultations_forms import ConsultationForm

    scale = page.questions.get(kind=QuestionKind.SCALE)
    with translation.override("pl"):
        stored, shown = zip(*scale.option_choices(), strict=True)
        # What answers keep is the English, whatever the language of the page.
        assert scale.option_list()[0] == "Strongly agree"
        form = ConsultationForm(questions=[scale])
        field = next(iter(form.fields.values()))
    assert list(stored) == scale.option_list()
    assert field.choices == list(zip(stored, shown, strict=True))
    # A Polish answer counts with the English ones.
    with translation.override("pl"):
        consultation_answer(
            consultation=page,
            person=verified,
            answers={scale.pk: Answer(choices=("Agree",))},
            finish=False,
        )
    assert ConsultationAnswer.objects.get(question=scale).choices == ["Agree"]
