"""Writes for verified tenants: importing the tenancy list, and verifying a tenant.

Every failure to verify answers the same (None), whichever part was wrong: an unknown
reference, a wrong postcode, an ended tenancy, a full household or a tenancy outside an
officer's neighbourhoods. Pages say one thing for all of them, so nobody can learn from the
answers whether a reference exists.
"""

import hmac
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from typing import cast

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from community.photos import PreparedPhoto
from training.core.db import table_lock
from training.core.services import activity_record
from training.users.models import User
from voice.geo import point_in_boundary
from voice.models import Tenancy, TenancyImport, TenantVerification, VerificationMethod
from voice.models import estate_checks as estate
from voice.selectors import (
    neighbourhoods_by_name,
    staff_check_scope,
    tenant_verified_neighbourhood,
)
from voice.tenancy_list import (
    TenancyRow,
    postcode_normalise,
    tenancy_file_read,
    tenancy_reference_hash,
)
from voice.verbs import ESTATE_CHECK_ANSWERED, ESTATE_CHECK_CHANGED, TENANT_VERIFIED

# Verifying by yourself stops at this many people for one tenancy; a larger household is
# checked in person. It limits what one leaked rent letter can do.
HOUSEHOLD_SELF_VERIFY_MAX = 6
_BATCH = 500


class TenancyImportError(Exception):
    """The file has problems; nothing was imported. ``problems`` holds one line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the tenancy list")
        self.problems = problems


@dataclass(frozen=True)
class TenancyImportResult:
    rows: int
    added: int
    changed: int
    ended: int


def _tenancies_apply(rows: list[TenancyRow], now) -> tuple[int, int, int]:
    existing = {
        tenancy.reference_hash: tenancy
        for tenancy in Tenancy.objects.select_for_update().only(
            "pk", "reference_hash", "postcode", "neighbourhood_id", "ended_at"
        )
    }
    new, changed = [], []
    for row in rows:
        tenancy = existing.pop(row.reference_hash, None)
        if tenancy is None:
            new.append(
                Tenancy(
                    reference_hash=row.reference_hash,
                    postcode=row.postcode,
                    neighbourhood_id=row.neighbourhood_id,
                    first_imported_at=now,
                )
            )
            continue
        if (tenancy.postcode, tenancy.neighbourhood_id, tenancy.ended_at) != (
            row.postcode,
            row.neighbourhood_id,
            None,
        ):
            tenancy.postcode = row.postcode
            tenancy.neighbourhood_id = row.neighbourhood_id
            tenancy.ended_at = None  # on the list again
            changed.append(tenancy)
    Tenancy.objects.bulk_create(new, batch_size=_BATCH)
    Tenancy.objects.bulk_update(
        changed, ["postcode", "neighbourhood_id", "ended_at"], batch_size=_BATCH
    )
    # What is left was not in the file: ended, never deleted.
    ending = [tenancy.pk for tenancy in existing.values() if tenancy.ended_at is None]
    for start in range(0, len(ending), _BATCH):
        Tenancy.objects.filter(pk__in=ending[start : start + _BATCH]).update(ended_at=now)
    return len(new), len(changed), len(ending)


@transaction.atomic
def tenancies_import(
    *, data: bytes, by: User | None, source: str = TenancyImport.Source.ADMIN
) -> TenancyImportResult:
    """Replace the tenancy list with the one in ``data`` (a CSV file's bytes).

    All or nothing: any bad line raises :class:`TenancyImportError` with every problem found,
    and nothing changes. Otherwise tenancies in the file are added or updated (an ended one that
    is back is on the list again), and those missing from it are ended.
    """
    parsed = tenancy_file_read(data=data, neighbourhoods=neighbourhoods_by_name())
    if parsed.problems:
        raise TenancyImportError(parsed.problems)
    table_lock(Tenancy)  # a second import at the same moment waits for this one
    now = timezone.now()
    added, changed, ended = _tenancies_apply(parsed.rows, now)
    result = TenancyImportResult(rows=len(parsed.rows), added=added, changed=changed, ended=ended)
    TenancyImport.objects.create(
        imported_at=now,
        imported_by=by,
        source=source,
        rows=result.rows,
        added=added,
        changed=changed,
        ended=ended,
    )
    return result


def _tenancy_match(*, reference: str, postcode: str) -> Tenancy | None:
    """The tenancy on the list with this reference and postcode, or None."""
    wanted_postcode = postcode_normalise(postcode)
    tenancy = (
        Tenancy.objects.select_related("neighbourhood")
        .filter(reference_hash=tenancy_reference_hash(reference), ended_at__isnull=True)
        .first()
    )
    if tenancy is None or wanted_postcode is None:
        return None
    if not hmac.compare_digest(tenancy.postcode.encode(), wanted_postcode.encode()):
        return None
    return tenancy


def _active_verification(person: User) -> TenantVerification | None:
    return (
        TenantVerification.objects.select_for_update(of=("self",))
        .select_related("tenancy__neighbourhood")
        .filter(person=person)
        .first()
    )


def _verification_save(
    *,
    person: User,
    tenancy: Tenancy,
    method: str,
    by: User | None,
    note: str,
    earlier: TenantVerification | None,
) -> TenantVerification:
    """Store the verification (replacing one whose tenancy ended) and record it."""
    verification = earlier or TenantVerification(person=person)
    verification.tenancy = tenancy
    verification.method = method
    verification.verified_by = by
    verification.verified_at = timezone.now()
    verification.note = note
    verification.save()
    context = {"method": method, "neighbourhood": tenancy.neighbourhood_id}
    if by is not None:
        context["by"] = by.pk
    activity_record(actor=person, verb=TENANT_VERIFIED, obj=verification, context=context)
    return verification


@transaction.atomic
def tenant_verify_self(*, person: User, reference: str, postcode: str) -> TenantVerification | None:
    """``person`` shows they are a tenant with their tenancy reference and postcode.

    Answers their verification, or None for any failure (the same for every reason). Someone
    already verified by a tenancy still on the list keeps that verification: it happens once.
    """
    earlier = _active_verification(person)
    if earlier is not None and earlier.tenancy.ended_at is None:
        return earlier
    tenancy = _tenancy_match(reference=reference, postcode=postcode)
    if tenancy is None:
        return None
    household = tenancy.verifications.exclude(person=person).count()
    if household >= HOUSEHOLD_SELF_VERIFY_MAX:
        return None
    return _verification_save(
        person=person,
        tenancy=tenancy,
        method=VerificationMethod.SELF,
        by=None,
        note="",
        earlier=earlier,
    )


@transaction.atomic
def tenant_verify_in_person(
    *, person: User, reference: str, postcode: str, by: User, note: str = ""
) -> TenantVerification | None:
    """A Digital Champion (for a learner of their centre) or a Housing Officer (for someone in
    their neighbourhoods, with a tenancy there) checks ``person``'s tenancy with them present.

    Raises PermissionDenied if ``by`` may not check ``person`` at all; answers None for any
    failure to match (the same for every reason), else the verification.
    """
    scope = staff_check_scope(staff=by)
    if not scope.person_allowed(person):
        raise PermissionDenied("This person is not one you can check.")
    earlier = _active_verification(person)
    if earlier is not None and earlier.tenancy.ended_at is None:
        return earlier
    tenancy = _tenancy_match(reference=reference, postcode=postcode)
    if tenancy is None or not scope.tenancy_allowed(person=person, tenancy=tenancy):
        return None
    return _verification_save(
        person=person,
        tenancy=tenancy,
        method=VerificationMethod.IN_PERSON,
        by=by,
        note=note.strip(),
        earlier=earlier,
    )


# --- Estate checks ----------------------------------------------------------------------------


class EstateCheckClosed(Exception):
    """The check is not open today: answers can be given or changed only while it is."""


class PlaceOutsideBoundary(ValueError):
    """The place is not inside the tenant's neighbourhood."""


@dataclass(frozen=True)
class EstateCheckPhotoAdd:
    photo: PreparedPhoto
    description: str


def _estate_answers_save(
    response: estate.EstateCheckResponse, scores: dict[int, tuple[int, str]]
) -> None:
    existing = {answer.question_id: answer for answer in response.answers.all()}
    new, changed = [], []
    for question_id, (score, comment) in scores.items():
        answer = existing.get(question_id)
        if answer is None:
            new.append(
                estate.EstateCheckAnswer(
                    response=response, question_id=question_id, score=score, comment=comment
                )
            )
        elif (answer.score, answer.comment) != (score, comment):
            answer.score, answer.comment = score, comment
            changed.append(answer)
    estate.EstateCheckAnswer.objects.bulk_create(new)
    estate.EstateCheckAnswer.objects.bulk_update(changed, ["score", "comment"])


def _estate_photos_apply(
    response: estate.EstateCheckResponse,
    *,
    photo: EstateCheckPhotoAdd | None,
    removed: list[int],
) -> None:
    """Remove the photos ticked (their files once the transaction commits), then add one."""
    for old in response.photos.filter(pk__in=removed):
        storage, name = old.photo.storage, cast(str, old.photo.name)
        old.delete()
        transaction.on_commit(partial(storage.delete, name))
    if photo is None:
        return
    if response.photos.count() >= estate.PHOTOS_MAX:
        raise ValueError(f"At most {estate.PHOTOS_MAX} photos.")
    added = estate.EstateCheckPhoto(
        response=response,
        description=photo.description,
        width=photo.photo.width,
        height=photo.photo.height,
    )
    added.photo.save(cast(str, photo.photo.file.name), photo.photo.file, save=False)
    added.save()


@transaction.atomic
def estate_check_answer(
    *,
    check: estate.EstateCheck,
    person: User,
    scores: dict[int, tuple[int, str]],
    place: tuple[Decimal, Decimal] | None = None,
    photo: EstateCheckPhotoAdd | None = None,
    photos_removed: list[int] | None = None,
) -> estate.EstateCheckResponse:
    """``person`` answers ``check`` (or changes their answers): ``scores`` maps each question's
    id to (face 1-5, comment). ``place`` is (latitude, longitude) of the problem, or None for no
    place; it must lie inside their neighbourhood's boundary.

    Raises PermissionDenied unless ``person`` is a verified tenant of one of the check's
    neighbourhoods, EstateCheckClosed unless it is open today, PlaceOutsideBoundary for a place
    outside, and ValueError for a question that is not the check's or a face outside 1-5.
    """
    neighbourhood = tenant_verified_neighbourhood(person=person)
    if neighbourhood is None or not check.neighbourhoods.filter(pk=neighbourhood.pk).exists():
        raise PermissionDenied("Only verified tenants of the check's neighbourhoods answer it.")
    if not check.is_open():
        raise EstateCheckClosed
    questions = set(check.questions.values_list("pk", flat=True))
    if set(scores) != questions:
        raise ValueError("Answer every question of the check, and only those.")
    if any(not 1 <= score <= 5 for score, _comment in scores.values()):
        raise ValueError("A face is from 1 to 5.")
    if place is not None and not point_in_boundary(
        geometry=neighbourhood.boundary, latitude=float(place[0]), longitude=float(place[1])
    ):
        raise PlaceOutsideBoundary
    now = timezone.now()
    response = (
        estate.EstateCheckResponse.objects.select_for_update()
        .filter(estate_check=check, person=person)
        .first()
    )
    first_time = response is None
    if response is None:
        response = estate.EstateCheckResponse(estate_check=check, person=person, created_at=now)
    response.neighbourhood = neighbourhood
    response.latitude, response.longitude = place if place is not None else (None, None)
    response.updated_at = now
    response.save()
    _estate_answers_save(response, scores)
    _estate_photos_apply(response, photo=photo, removed=photos_removed or [])
    activity_record(
        actor=person,
        verb=ESTATE_CHECK_ANSWERED if first_time else ESTATE_CHECK_CHANGED,
        obj=response,
        context={
            "check": check.pk,
            "neighbourhood": neighbourhood.pk,
            "has_place": place is not None,
            "has_photo": photo is not None,
        },
    )
    return response
