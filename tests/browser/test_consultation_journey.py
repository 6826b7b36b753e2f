"""Consultations in a real browser, at 320px: a verified tenant finds a consultation, answers it
in two steps, changes an answer, and after it closes sees the published results (chart and
table) and what was decided. Every page passes axe-core and fits the screen."""

from datetime import timedelta

from django.utils import timezone

import pytest

from tests.browser.helpers import assert_fits_width, axe_check, submit, visit
from tests.factories.places import NeighbourhoodFactory
from tests.voice.test_consultations import QUESTIONS, close, consultation_add, full, tenant_of
from voice.consultations_services import Answer, consultation_answer
from voice.models import ConsultationAnswer, QuestionKind

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTH = 320
EXTRA = {"kind": QuestionKind.ONE, "text": "Would you help paint them?", "options": "Yes\nNo"}


def _checked(page) -> None:
    axe_check(page)
    assert_fits_width(page, WIDTH)


def test_a_tenant_answers_changes_and_after_closing_sees_results_and_decision(context_new, sign_in):
    elm = NeighbourhoodFactory(name="Elm Court", slug="elm-court")
    consultation = consultation_add(elm, questions=[*QUESTIONS, EXTRA])
    tenant = tenant_of(elm, 1, display_name="Marley Quinn")
    context = context_new(viewport={"width": WIDTH, "height": 800})
    sign_in(context, tenant)
    page = context.new_page()

    visit(page, "/consultations/")
    assert_fits_width(page, WIDTH)
    with page.expect_navigation():
        page.get_by_role("link", name="New benches").click()
    _checked(page)
    assert "step 1 of 2" in page.content()

    # Step 1, with the first question left out: explained by the field.
    page.get_by_role("group", name="When would you sit there?").get_by_label("Mornings").check()
    page.get_by_role("group", name="Benches would make the estate better.").get_by_label(
        "Agree", exact=True
    ).check()
    for option, number in (("Wood", "2"), ("Metal", "1"), ("Recycled plastic", "3")):
        page.get_by_label(option, exact=True).select_option(number)
    submit(page, "Save and continue", label="with a question left out")
    assert "Choose an answer." in page.locator(".error-summary").inner_text()
    assert_fits_width(page, WIDTH)
    page.get_by_role("group", name="Where should the new benches go?").get_by_label(
        "By the play area"
    ).check()
    submit(page, "Save and continue")
    assert "step 2 of 2" in page.content()
    assert_fits_width(page, WIDTH)
    page.get_by_role("group", name="Would you help paint them?").get_by_label("Yes").check()
    submit(page, "Send my answers")
    assert "your answers are sent" in page.content()
    assert "By the play area" in page.locator(".summary-list").inner_text()
    assert_fits_width(page, WIDTH)

    # Change an answer: the last one counts.
    with page.expect_navigation():
        page.get_by_role("link", name="Change my answers").click()
    _checked(page)
    page.get_by_role("group", name="Where should the new benches go?").get_by_label(
        "In the garden"
    ).check()
    submit(page, "Save and continue")
    submit(page, "Send my answers")
    assert "In the garden" in page.locator(".summary-list").inner_text()
    first = consultation.questions.order_by("sort_order").first()
    assert ConsultationAnswer.objects.get(question=first).choices == ["In the garden"]

    # Four neighbours answer too, then it closes and the decision is published.
    extra = consultation.questions.get(text=EXTRA["text"])
    for n in range(2, 6):
        answers = {**full(consultation), extra.pk: Answer(choices=("No",))}
        consultation_answer(
            consultation=consultation, person=tenant_of(elm, n), answers=answers, finish=True
        )
    close(consultation)
    consultation.decision = "<p>The benches go by the play area, as most of you chose.</p>"
    consultation.save_revision().publish()
    assert consultation.closes_on < timezone.localdate() + timedelta(days=1)

    visit(page, consultation.url)
    assert_fits_width(page, WIDTH)
    results = page.locator("#results-title").locator("..")
    assert "5 people took part" in results.inner_text()
    assert page.locator("svg[role=img]").count() >= 1
    assert "The benches go by the play area" in page.content()
    assert "In the garden" in page.locator(".summary-list").inner_text()


def test_a_champion_enters_paper_answers_and_a_moderator_reads_the_words(context_new, sign_in):
    """At 320px: a Digital Champion finds a tenant of their centre and enters their paper
    answers; a Moderator publishes the written answer as a quote. axe on each page."""
    from tests.factories.places import CommunityCentreFactory
    from tests.factories.users import UserFactory
    from training.places.services import staff_assignment_set
    from training.users import roles
    from voice.models import ConsultationResponse, Moderation

    elm = NeighbourhoodFactory(name="Elm Court", slug="elm-court")
    centre = CommunityCentreFactory(name="Elm Court Community Centre", neighbourhood=elm)
    consultation = consultation_add(elm)
    tenant = tenant_of(elm, 1, display_name="Pat Paper", community_centre=centre)
    champion = UserFactory(role=roles.DIGITAL_CHAMPION, community_centre=centre)
    staff_assignment_set(person=champion, centre=centre, by=UserFactory(role=roles.MANAGER))

    context = context_new(viewport={"width": WIDTH, "height": 800})
    sign_in(context, champion)
    page = context.new_page()
    visit(page, consultation.url)
    with page.expect_navigation():
        page.get_by_role("link", name="Enter paper or phone answers for a tenant").click()
    _checked(page)
    page.get_by_label("Name").fill("Pat")
    submit(page, "Find")
    with page.expect_navigation():
        page.get_by_role("link", name="Pat Paper").click()
    _checked(page)
    page.get_by_role("group", name="Where should the new benches go?").get_by_label(
        "Outside block B"
    ).check()
    page.get_by_role("group", name="When would you sit there?").get_by_label("Evenings").check()
    page.get_by_role("group", name="Benches would make the estate better.").get_by_label(
        "Disagree", exact=True
    ).check()
    for option, number in (("Wood", "1"), ("Metal", "2"), ("Recycled plastic", "3")):
        page.get_by_label(option, exact=True).select_option(number)
    page.get_by_label("Anything else?").fill("Somewhere dry, please.")
    submit(page, "Save their answers")
    assert "marked as entered by you" in page.content()
    assert_fits_width(page, WIDTH)
    response = ConsultationResponse.objects.get(person=tenant)
    assert response.assisted and response.entered_by == champion

    moderator = UserFactory(role=roles.MODERATOR)
    context = context_new(viewport={"width": WIDTH, "height": 800})
    sign_in(context, moderator)
    page = context.new_page()
    visit(page, "/voice/consultations/moderation/")
    assert_fits_width(page, WIDTH)
    assert "Somewhere dry, please." in page.content()
    submit(page, "Publish as a quote")
    assert "Nothing is waiting." in page.content()
    assert ConsultationAnswer.objects.get(text="Somewhere dry, please.").moderation == (
        Moderation.PUBLISHED
    )
