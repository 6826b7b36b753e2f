"""Estate checks: Managers open them in the admin; verified tenants of the neighbourhood answer
once (and change their answers until it closes) with photos and a place; results show per
neighbourhood once closed."""

import io
import re
from datetime import timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest
from PIL import Image

from tests.community.test_photos import jpeg_with_gps_and_rotation
from tests.factories.community import image_bytes
from tests.factories.users import UserFactory
from training.core.models import ActivityEvent
from training.core.verbs import verbs
from training.places.boundary import boundary_outline
from training.places.models import Neighbourhood
from training.users import roles
from training.users.models import User
from voice.geo import outline_frame, point_in_boundary
from voice.models import (
    EstateCheck,
    EstateCheckAnswer,
    EstateCheckPhoto,
    EstateCheckQuestion,
    EstateCheckResponse,
    TenantVerification,
    VerificationMethod,
)
from voice.selectors import estate_check_results
from voice.services import EstateCheckClosed, PlaceOutsideBoundary, estate_check_answer
from voice.verbs import ESTATE_CHECK_ANSWERED, ESTATE_CHECK_CHANGED

pytestmark = pytest.mark.django_db

ADMIN_ADD = "/admin/snippets/voice/estatecheck/add/"
ADMIN_LIST = "/admin/snippets/voice/estatecheck/"


def admin_form(*neighbourhoods, questions=("How clean are the shared areas?",), **dates):
    today = timezone.localdate()
    data = nested_form_data(
        {
            "title": "Spring estate check",
            "introduction": "",
            "opens_on": dates.get("opens_on", today).isoformat(),
            "closes_on": dates.get("closes_on", today + timedelta(days=14)).isoformat(),
            "questions": inline_formset([{"text": text} for text in questions]),
        }
    )
    data["neighbourhoods"] = [n.pk for n in neighbourhoods]
    return data


# --- In the admin: Tenant voice → Estate checks ---------------------------------------------------
def test_a_manager_opens_a_check_with_questions_in_the_admin(client, manager, elm, river):
    client.force_login(manager)
    assert "Estate checks" in client.get("/admin/").content.decode()
    response = client.post(
        ADMIN_ADD,
        admin_form(elm, river, questions=("How clean are the shared areas?", "How safe is it?")),
    )
    assert response.status_code == 302
    check = EstateCheck.objects.get()
    assert [q.text for q in check.questions.all()] == [
        "How clean are the shared areas?",
        "How safe is it?",
    ]
    assert set(check.neighbourhoods.all()) == {elm, river}
    assert "Spring estate check" in client.get(ADMIN_LIST + "?q=spring").content.decode()


def test_a_check_that_closes_before_it_opens_is_explained_by_the_field(client, manager, elm):
    client.force_login(manager)
    today = timezone.localdate()
    response = client.post(
        ADMIN_ADD, admin_form(elm, opens_on=today, closes_on=today - timedelta(days=1))
    )
    assert response.status_code == 200
    assert "The closing date must be on or after the opening date." in response.content.decode()
    assert not EstateCheck.objects.exists()


@pytest.mark.parametrize(
    "role",
    [roles.DIGITAL_CHAMPION, roles.COURSE_EDITOR, roles.MODERATOR, roles.SAFEGUARDING_OFFICER],
)
def test_other_staff_cannot_open_checks(client, role, elm):
    client.force_login(UserFactory(role=role))
    assert "Estate checks" not in client.get("/admin/").content.decode()
    assert client.get(ADMIN_LIST).status_code == 302
    client.post(ADMIN_ADD, admin_form(elm))
    assert not EstateCheck.objects.exists()


@pytest.mark.parametrize("role", [roles.LEARNER, roles.HOUSING_OFFICER])
def test_people_without_admin_access_cannot_open_checks(client, role, elm):
    client.force_login(UserFactory(role=role))
    response = client.post(ADMIN_ADD, admin_form(elm))
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert not EstateCheck.objects.exists()


# --- Fixtures: Elm Court has a square boundary; the tenant is verified there -------------------
# A square of about 280 m around (51.5, -0.1), longitude first as GeoJSON has it.
SQUARE = {
    "type": "Polygon",
    "coordinates": [
        [[-0.102, 51.498], [-0.098, 51.498], [-0.098, 51.502], [-0.102, 51.502], [-0.102, 51.498]]
    ],
}
INSIDE = ("51.500500", "-0.100500")
OUTSIDE = ("51.510000", "-0.100000")
QUESTIONS = ("How clean are the shared areas?", "How good is the lighting?")


@pytest.fixture
def elm_square(elm):
    elm.boundary = SQUARE
    elm.save()
    return elm


def check_for(*neighbourhoods, questions=QUESTIONS, opens=-3, closes=10, title="Spring check"):
    today = timezone.localdate()
    check = EstateCheck.objects.create(
        title=title,
        opens_on=today + timedelta(days=opens),
        closes_on=today + timedelta(days=closes),
    )
    check.neighbourhoods.set(neighbourhoods)
    check.save()  # a ParentalManyToManyField is written when its object is saved
    for number, text in enumerate(questions):
        EstateCheckQuestion.objects.create(estate_check=check, text=text, sort_order=number)
    return check


def verify(person, tenancy):
    return TenantVerification.objects.create(
        person=person, tenancy=tenancy, method=VerificationMethod.SELF
    )


@pytest.fixture
def verified(tenant, elm_tenancy, elm_square):
    verify(tenant, elm_tenancy)
    return tenant


@pytest.fixture
def check(elm_square):
    return check_for(elm_square)


def url(check) -> str:
    return f"/voice/estate-checks/{check.pk}/"


def answers(check, *scores, comment="", place=None, **extra) -> dict:
    data = {}
    for question, score in zip(check.questions.all(), scores, strict=True):
        data[f"q{question.pk}"] = str(score)
        data[f"c{question.pk}"] = comment
    if place:
        data["latitude"], data["longitude"] = place
    data.update(extra)
    return data


def stored(check, person) -> dict:
    response = EstateCheckResponse.objects.get(estate_check=check, person=person)
    return {a.question.text: (a.score, a.comment) for a in response.answers.all()}


# --- Answering ------------------------------------------------------------------------------------
def test_a_verified_tenant_answers_once_with_a_place_and_it_is_recorded(client, verified, check):
    client.force_login(verified)
    page = client.get(url(check)).content.decode()
    assert "How clean are the shared areas?" in page
    assert "Never mark your home" in page and "do not photograph people" in page
    response = client.post(url(check), answers(check, 2, 4, comment="Bins overflow", place=INSIDE))
    assert response.status_code == 302 and response["Location"] == url(check)
    assert stored(check, verified) == {
        "How clean are the shared areas?": (2, "Bins overflow"),
        "How good is the lighting?": (4, "Bins overflow"),
    }
    saved = EstateCheckResponse.objects.get()
    assert (str(saved.latitude), str(saved.longitude)) == INSIDE
    assert saved.neighbourhood == verified.tenant_verification.tenancy.neighbourhood
    assert list(ActivityEvent.objects.filter(actor=verified).values_list("verb", flat=True)) == [
        ESTATE_CHECK_ANSWERED
    ]
    assert verbs.get(ESTATE_CHECK_ANSWERED).participation
    followed = client.get(url(check)).content.decode()
    assert "Your answers are saved" in followed and 'value="2" id="id_q' in followed


def test_a_tenant_changes_their_answers_and_still_has_one_response(client, verified, check):
    client.force_login(verified)
    client.post(url(check), answers(check, 2, 4, place=INSIDE))
    page = client.get(url(check)).content.decode()
    assert "You have answered this check" in page
    client.post(url(check), answers(check, 5, 3, comment="Cleaner now", place_clear="on"))
    assert EstateCheckResponse.objects.count() == 1
    assert stored(check, verified) == {
        "How clean are the shared areas?": (5, "Cleaner now"),
        "How good is the lighting?": (3, "Cleaner now"),
    }
    assert not EstateCheckResponse.objects.get().has_place
    assert list(
        ActivityEvent.objects.filter(actor=verified).order_by("pk").values_list("verb", flat=True)
    ) == [ESTATE_CHECK_ANSWERED, ESTATE_CHECK_CHANGED]


def test_a_missing_face_is_explained_by_the_field_and_what_was_typed_is_kept(
    client, verified, check
):
    client.force_login(verified)
    first, second = check.questions.all()
    data = answers(check, 3, 3, comment="Stairs are dirty")
    del data[f"q{second.pk}"]
    response = client.post(url(check), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_q{second.pk}_error"' in page
    assert "Choose one of the five faces for this question." in page
    assert f'value="3" id="id_q{first.pk}_3" checked' in page
    assert "Stairs are dirty" in page
    assert not EstateCheckResponse.objects.exists()


def test_a_closed_check_refuses_answers_and_changes(client, verified, elm_square):
    closed = check_for(elm_square, opens=-20, closes=-1)
    client.force_login(verified)
    page = client.get(url(closed)).content.decode()
    assert "This check closed on" in page and "Save my answers" not in page
    response = client.post(url(closed), answers(closed, 1, 1))
    assert response.status_code == 403
    assert not EstateCheckResponse.objects.exists()


def test_a_check_not_yet_open_refuses_answers(client, verified, elm_square):
    later = check_for(elm_square, opens=2, closes=10)
    client.force_login(verified)
    assert "This check opens on" in client.get(url(later)).content.decode()
    assert client.post(url(later), answers(later, 1, 1)).status_code == 403
    assert not EstateCheckResponse.objects.exists()


def test_changes_after_closing_are_refused(client, verified, check):
    client.force_login(verified)
    client.post(url(check), answers(check, 2, 2))
    EstateCheck.objects.filter(pk=check.pk).update(
        closes_on=timezone.localdate() - timedelta(days=1)
    )
    assert client.post(url(check), answers(check, 5, 5)).status_code == 403
    assert set(stored(check, verified).values()) == {(2, "")}
    with pytest.raises(EstateCheckClosed):
        estate_check_answer(
            check=EstateCheck.objects.get(),
            person=verified,
            scores={q.pk: (5, "") for q in check.questions.all()},
        )


def test_an_unverified_person_is_told_to_show_they_are_a_tenant(client, tenant, check):
    client.force_login(tenant)
    response = client.get(url(check))
    assert response.status_code == 403
    assert "Show you are a tenant" in response.content.decode()
    assert client.post(url(check), answers(check, 3, 3)).status_code == 403
    assert client.get("/voice/estate-checks/").status_code == 403
    assert not EstateCheckResponse.objects.exists()


def test_an_ended_tenancy_no_longer_answers(client, verified, check, elm_tenancy):
    elm_tenancy.ended_at = timezone.now()
    elm_tenancy.save()
    client.force_login(verified)
    assert client.post(url(check), answers(check, 3, 3)).status_code == 403
    assert not EstateCheckResponse.objects.exists()


def test_a_tenant_of_another_neighbourhood_is_refused(client, river, river_tenancy, check):
    other = UserFactory(neighbourhood=river)
    verify(other, river_tenancy)
    client.force_login(other)
    assert client.get(url(check)).status_code == 404
    assert client.post(url(check), answers(check, 3, 3)).status_code == 404
    with pytest.raises(PermissionDenied):
        estate_check_answer(
            check=check, person=other, scores={q.pk: (3, "") for q in check.questions.all()}
        )
    assert not EstateCheckResponse.objects.exists()
    assert "Spring check" not in client.get("/voice/estate-checks/").content.decode()


def test_the_list_shows_open_checks_of_the_tenants_neighbourhood(client, verified, check, river):
    check_for(river, title="Riverside check")
    check_for(check.neighbourhoods.get(), opens=-30, closes=-2, title="Old check")
    client.force_login(verified)
    page = client.get("/voice/estate-checks/").content.decode()
    assert "Spring check" in page and "You have not answered yet." in page
    assert "Riverside check" not in page and "Old check" not in page


# --- The place ------------------------------------------------------------------------------------
def test_a_place_outside_the_boundary_is_refused_with_a_message(client, verified, check):
    client.force_login(verified)
    response = client.post(url(check), answers(check, 3, 3, comment="Hi", place=OUTSIDE))
    page = response.content.decode()
    assert response.status_code == 200
    assert "That place is outside your neighbourhood" in page
    assert 'id="place_error"' in page and 'href="#place"' in page
    assert "Hi" in page
    assert not EstateCheckResponse.objects.exists()
    with pytest.raises(PlaceOutsideBoundary):
        estate_check_answer(
            check=check,
            person=verified,
            scores={q.pk: (3, "") for q in check.questions.all()},
            place=(Decimal(OUTSIDE[0]), Decimal(OUTSIDE[1])),
        )


def test_a_tap_on_the_outline_without_javascript_picks_the_place_and_keeps_the_answers(
    client, verified, check
):
    client.force_login(verified)
    frame = outline_frame(SQUARE)
    x, y = frame.to_pixels(longitude=-0.1005, latitude=51.5005)
    data = answers(check, 4, 2, comment="Lift broken")
    data |= {"place.x": str(round(x)), "place.y": str(round(y))}
    page = client.post(url(check), data).content.decode()
    assert "Place chosen." in page and "Lift broken" in page
    assert not EstateCheckResponse.objects.exists()  # nothing saved by the tap
    first = check.questions.first()
    assert f'value="4" id="id_q{first.pk}_4" checked' in page
    latitude = re.search(r'name="latitude" value="([-\d.]+)"', page).group(1)
    longitude = re.search(r'name="longitude" value="([-\d.]+)"', page).group(1)
    assert abs(float(latitude) - 51.5005) < 0.0001 and abs(float(longitude) + 0.1005) < 0.0001
    assert f"outline.svg?lat={latitude}&amp;lng={longitude}" in page
    client.post(url(check), answers(check, 4, 2, place=(latitude, longitude)))
    assert EstateCheckResponse.objects.get().has_place


def test_a_tap_in_the_margin_outside_the_outline_is_explained(client, verified, check):
    client.force_login(verified)
    data = answers(check, 4, 2) | {"place.x": "2", "place.y": "3"}
    page = client.post(url(check), data).content.decode()
    assert "That place is outside your neighbourhood" in page
    assert not EstateCheckResponse.objects.exists()


def test_enter_in_a_box_saves_rather_than_tapping_the_corner(client, verified, check):
    client.force_login(verified)
    data = answers(check, 4, 2) | {"place.x": "0", "place.y": "0"}
    assert client.post(url(check), data).status_code == 302
    assert not EstateCheckResponse.objects.get().has_place


def test_the_outline_picture_draws_the_dot_only_inside(client, elm_square):
    inside = client.get(f"/voice/neighbourhoods/{elm_square.slug}/outline.svg?lat=51.5&lng=-0.1")
    assert inside["Content-Type"] == "image/svg+xml"
    assert "<circle" in inside.content.decode()
    outside = client.get(f"/voice/neighbourhoods/{elm_square.slug}/outline.svg?lat=52&lng=-0.1")
    assert "<circle" not in outside.content.decode()
    assert (
        client.get(f"/voice/neighbourhoods/{elm_square.slug}/outline.svg?lat=x").status_code == 200
    )


def test_points_in_and_out_of_a_boundary_with_a_hole():
    with_hole = {
        "type": "Polygon",
        "coordinates": [
            SQUARE["coordinates"][0],
            [
                [-0.1005, 51.4995],
                [-0.0995, 51.4995],
                [-0.0995, 51.5005],
                [-0.1005, 51.5005],
                [-0.1005, 51.4995],
            ],
        ],
    }
    assert point_in_boundary(geometry=with_hole, latitude=51.5015, longitude=-0.1015)
    assert not point_in_boundary(geometry=with_hole, latitude=51.5, longitude=-0.1)
    assert not point_in_boundary(geometry=with_hole, latitude=51.6, longitude=-0.1)
    assert not point_in_boundary(geometry=None, latitude=51.5, longitude=-0.1)


def test_the_frame_matches_the_drawn_outline_both_ways():
    outline, frame = boundary_outline(SQUARE), outline_frame(SQUARE)
    assert (frame.width, frame.height) == (outline.width, outline.height)
    x, y = frame.to_pixels(longitude=-0.102, latitude=51.502)
    assert outline.path.startswith("M") and f"{x:.1f} {y:.1f}" in outline.path
    latitude, longitude = frame.to_place(x=x, y=y)
    assert (latitude, longitude) == (Decimal("51.502000"), Decimal("-0.102000"))


# --- Photos ---------------------------------------------------------------------------------------
def test_a_photo_is_stored_privately_without_exif_and_only_its_author_sees_it(
    client, verified, check, manager
):
    client.force_login(verified)
    upload = SimpleUploadedFile("IMG_0001.jpg", jpeg_with_gps_and_rotation(), "image/jpeg")
    data = answers(check, 1, 2, photo=upload, photo_description="Broken light by the bins")
    assert client.post(url(check), data).status_code == 302
    photo = EstateCheckPhoto.objects.get()
    assert "IMG_0001" not in photo.photo.name
    with storages["private"].open(photo.photo.name) as stored_file:
        image = Image.open(stored_file)
        image.load()
    assert not image.getexif() and "exif" not in image.info
    page = client.get(url(check)).content.decode()
    assert f"/voice/estate-checks/photos/{photo.pk}/" in page
    assert client.get(f"/voice/estate-checks/photos/{photo.pk}/").status_code == 200
    client.force_login(UserFactory())
    assert client.get(f"/voice/estate-checks/photos/{photo.pk}/").status_code == 404
    client.force_login(manager)
    assert client.get(f"/voice/estate-checks/photos/{photo.pk}/").status_code == 200


def test_a_photo_needs_a_description_and_a_non_photo_is_explained(client, verified, check):
    client.force_login(verified)
    upload = SimpleUploadedFile("x.jpg", b"not a photo", "image/jpeg")
    page = client.post(url(check), answers(check, 1, 2, photo=upload)).content.decode()
    assert "This file is not a photo we can use." in page
    assert "Describe your photo in a few words" in page
    assert not EstateCheckResponse.objects.exists()


def test_a_photo_can_be_removed(client, verified, check):
    client.force_login(verified)
    upload = SimpleUploadedFile("a.png", image_bytes(image_format="PNG"), "image/png")
    client.post(url(check), answers(check, 1, 2, photo=upload, photo_description="Bins"))
    photo = EstateCheckPhoto.objects.get()
    client.post(url(check), answers(check, 1, 2, photos_removed=[str(photo.pk)]))
    assert not EstateCheckPhoto.objects.exists()


# --- Results --------------------------------------------------------------------------------------
def answered(check, neighbourhood, *scores_per_person):
    """Responses stored as the service stores them: one per person, one score per question."""
    for scores in scores_per_person:
        response = EstateCheckResponse.objects.create(
            estate_check=check, person=UserFactory(), neighbourhood=neighbourhood
        )
        for question, score in zip(check.questions.all(), scores, strict=True):
            EstateCheckAnswer.objects.create(response=response, question=question, score=score)


def neighbourhood_page(client, neighbourhood) -> str:
    return client.get(f"/community/neighbourhoods/{neighbourhood.slug}/").content.decode()


def test_results_show_once_closed_with_fewer_than_5_and_the_change(client, elm_square, river):
    before = check_for(elm_square, river, opens=-120, closes=-90, title="Winter check")
    answered(before, elm_square, *[(2, 3)] * 5)
    latest = check_for(
        elm_square,
        river,
        questions=("How clean are the shared areas?", "How safe do you feel?"),
        opens=-30,
        closes=-1,
        title="Spring check",
    )
    answered(latest, elm_square, (4, 5), (4, 5), (3, 4), (4, 5), (5, 1))
    answered(latest, river, (1, 1))  # another neighbourhood's answers are not counted here
    results = estate_check_results(neighbourhood=elm_square, today=timezone.localdate())
    assert results.check == latest and results.previous == before and results.people == 5
    clean, safe = results.questions
    assert (clean.answers, clean.average, clean.change) == (5, 4.0, 2.0)
    assert (safe.answers, safe.average, safe.change) == (5, 4.0, None)  # not asked before

    page = neighbourhood_page(client, elm_square)
    assert "What tenants said" in page and "5 tenants answered" in page
    assert "up 2.0" in page and "not comparable" in page
    river_page = neighbourhood_page(client, river)
    assert river_page.count("fewer than 5 answers") == 2


def test_results_stay_hidden_while_the_check_is_open(client, elm_square):
    open_check = check_for(elm_square)
    answered(open_check, elm_square, *[(3, 3)] * 6)
    assert estate_check_results(neighbourhood=elm_square, today=timezone.localdate()) is None
    assert "What tenants said" not in neighbourhood_page(client, elm_square)


def test_a_drop_since_the_last_check_shows_as_down(client, elm_square):
    before = check_for(elm_square, opens=-120, closes=-90, title="Winter check")
    answered(before, elm_square, *[(5, 5)] * 5)
    latest = check_for(elm_square, opens=-30, closes=-1)
    answered(latest, elm_square, *[(3, 5)] * 6)
    page = neighbourhood_page(client, elm_square)
    assert "down 2.0" in page and "no change" in page and "6 tenants answered" in page


# --- Query budget ---------------------------------------------------------------------------------
QUERY_BUDGET = 15


def count_queries(client, address, method="get", data=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(address, data or {})
    assert response.status_code in (200, 302)
    return len(queries.captured_queries)


def test_the_answer_page_query_count_is_small_and_the_same_at_two_sizes(
    client, verified, elm_square
):
    small = check_for(elm_square, questions=QUESTIONS)
    large = check_for(elm_square, questions=[f"Question {n}?" for n in range(8)])
    client.force_login(verified)
    client.get(url(small))  # warm the site-wide caches
    for check in (small, large):
        client.post(url(check), answers(check, *[3] * check.questions.count(), place=INSIDE))
    upload = SimpleUploadedFile("a.png", image_bytes(image_format="PNG"), "image/png")
    client.post(
        url(large),
        answers(large, *[3] * 8, photo=upload, photo_description="Bins"),
    )
    at_small = count_queries(client, url(small))
    assert at_small <= QUERY_BUDGET
    assert count_queries(client, url(large)) == at_small


def test_the_neighbourhood_page_results_cost_the_same_at_two_sizes(client, elm_square):
    before = check_for(elm_square, opens=-120, closes=-90)
    latest = check_for(elm_square, opens=-30, closes=-1)
    answered(before, elm_square, *[(2, 3)] * 5)
    answered(latest, elm_square, *[(4, 4)] * 5)
    neighbourhood_page(client, elm_square)
    address = f"/community/neighbourhoods/{elm_square.slug}/"
    small = count_queries(client, address)
    assert small <= QUERY_BUDGET
    answered(latest, elm_square, *[(1, 5)] * 20)
    assert count_queries(client, address) == small


# --- The demo -------------------------------------------------------------------------------------
def test_the_demo_has_checks_with_results_in_every_neighbourhood_and_seeds_once(
    client, demo_seeded
):
    call_command("seed_demo", stdout=io.StringIO())
    assert EstateCheck.objects.count() == 3
    assert EstateCheckResponse.objects.count() == 15 + 13 + 2
    elm = Neighbourhood.objects.get(slug="elm-court")
    results = estate_check_results(neighbourhood=elm, today=timezone.localdate())
    assert results.check.title == "Spring estate check"
    assert results.previous.title == "Autumn estate check"
    assert [q.change for q in results.questions] == [1.6, 2.0, 0.4, None]
    for slug in ("elm-court", "riverside", "hillview"):
        page = client.get(f"/community/neighbourhoods/{slug}/").content.decode()
        assert "What tenants said" in page and "Spring estate check" in page
    hillview = client.get("/community/neighbourhoods/hillview/").content.decode()
    assert "fewer than 5 answers" in hillview
    # The demo tenant has the summer check to answer.
    client.force_login(User.objects.get(email="tenant@example.com"))
    page = client.get("/voice/estate-checks/").content.decode()
    assert "Summer estate check" in page and "You have not answered yet." in page


# --- Results for Housing Officers ----------------------------------------------------------------
RESULTS_LIST = "/voice/estate-checks/results/"


def results_url(check, neighbourhood) -> str:
    return f"/voice/estate-checks/{check.pk}/results/{neighbourhood.slug}/"


def test_an_officer_sees_running_counts_of_an_open_check_in_their_neighbourhood(
    client, elm_square, river, elm_officer
):
    before = check_for(elm_square, opens=-120, closes=-90, title="Winter check")
    answered(before, elm_square, *[(2, 3)] * 5)
    spring = check_for(elm_square, river, title="Spring check")
    answered(spring, elm_square, *[(4, 1)] * 4)
    answered(spring, river, *[(1, 1)] * 6)
    client.force_login(elm_officer)

    listing = client.get(RESULTS_LIST).content.decode()
    assert results_url(spring, elm_square) in listing
    assert results_url(before, elm_square) in listing
    assert "4 tenants have answered so far." in listing
    assert "Riverside" not in listing and results_url(spring, river) not in listing

    page = client.get(results_url(spring, elm_square)).content.decode()
    assert "So far 4 tenants have answered." in page
    assert page.count("fewer than 5") == 3  # the explanation, then both questions
    assert "4.0" not in page
    # The fifth answer shows the averages, still while the check is open, and the change.
    answered(spring, elm_square, (4, 1))
    page = client.get(results_url(spring, elm_square)).content.decode()
    assert "So far 5 tenants have answered." in page
    assert "4.0" in page and "1.0" in page
    assert "Change since “Winter check”" in page
    assert "up 2.0" in page and "down 2.0" in page
    # The public neighbourhood page still shows the last closed check: this one is open.
    public = neighbourhood_page(client, elm_square)
    assert "Winter check, closed on" in public and "Spring check, closed on" not in public


def test_a_closed_checks_results_are_the_published_ones(client, elm_square, elm_officer):
    closed = check_for(elm_square, opens=-30, closes=-1, title="Autumn check")
    answered(closed, elm_square, *[(5, 4)] * 6)
    client.force_login(elm_officer)
    page = client.get(results_url(closed, elm_square)).content.decode()
    assert "tenants answered." in page and "Closed on" in page
    assert "5.0" in page and "first check" in page


def test_officers_of_other_neighbourhoods_are_refused(client, elm_square, river, river_officer):
    spring = check_for(elm_square, river)
    client.force_login(river_officer)
    assert client.get(results_url(spring, elm_square)).status_code == 403
    assert client.get(results_url(spring, river)).status_code == 200
    assert results_url(spring, elm_square) not in client.get(RESULTS_LIST).content.decode()


def test_a_check_not_for_the_neighbourhood_or_not_yet_open_is_not_found(
    client, elm_square, river, elm_officer
):
    river_only = check_for(river)
    later = check_for(elm_square, opens=2, closes=10)
    client.force_login(elm_officer)
    assert client.get(results_url(river_only, elm_square)).status_code == 404
    assert client.get(results_url(later, elm_square)).status_code == 404
    assert results_url(later, elm_square) not in client.get(RESULTS_LIST).content.decode()


@pytest.mark.parametrize("role", [None, roles.DIGITAL_CHAMPION, roles.COURSE_EDITOR])
def test_tenants_and_other_staff_are_refused(client, role, elm_square, verified):
    spring = check_for(elm_square)
    client.force_login(verified if role is None else UserFactory(role=role))
    assert client.get(RESULTS_LIST).status_code == 403
    assert client.get(results_url(spring, elm_square)).status_code == 403


def test_visitors_are_asked_to_sign_in(client, elm_square):
    spring = check_for(elm_square)
    for address in (RESULTS_LIST, results_url(spring, elm_square)):
        response = client.get(address)
        assert response.status_code == 302 and "login" in response["Location"]


def test_managers_see_every_neighbourhood(client, elm_square, river, manager):
    spring = check_for(elm_square, river)
    client.force_login(manager)
    listing = client.get(RESULTS_LIST).content.decode()
    assert results_url(spring, elm_square) in listing and results_url(spring, river) in listing
    assert client.get(results_url(spring, river)).status_code == 200


def test_the_results_pages_use_the_same_few_queries_at_two_sizes(
    client, elm_square, river, elm_officer
):
    from training.places.services import staff_neighbourhood_set

    staff_neighbourhood_set(
        person=elm_officer, neighbourhood=river, by=UserFactory(role=roles.MANAGER)
    )
    before = check_for(elm_square, opens=-120, closes=-90, title="Winter check")
    spring = check_for(elm_square, river)
    answered(spring, elm_square, (1, 2))
    client.force_login(elm_officer)
    addresses = [RESULTS_LIST, results_url(spring, elm_square)]
    for address in addresses:
        client.get(address)  # warm the site-wide caches
    small = {address: count_queries(client, address) for address in addresses}
    answered(before, elm_square, *[(2, 3)] * 6)
    answered(spring, elm_square, *[(4, 1)] * 8)
    answered(spring, river, *[(4, 1)] * 8)
    check_for(elm_square, river, opens=-60, closes=-40, title="Summer check")
    for address in addresses:
        assert small[address] <= QUERY_BUDGET, (address, small[address])
        assert count_queries(client, address) == small[address], address
