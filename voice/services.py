"""Writes for verified tenants: importing the tenancy list, and verifying a tenant.

Every failure to verify answers the same (None), whichever part was wrong: an unknown
reference, a wrong postcode, an ended tenancy, a full household or a tenancy outside an
officer's neighbourhoods. Pages say one thing for all of them, so nobody can learn from the
answers whether a reference exists.
"""

import hmac
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from training.core.db import table_lock
from training.core.services import activity_record
from training.users.models import User
from voice.models import Tenancy, TenancyImport, TenantVerification, VerificationMethod
from voice.selectors import neighbourhoods_by_name, staff_check_scope
from voice.tenancy_list import (
    TenancyRow,
    postcode_normalise,
    tenancy_file_read,
    tenancy_reference_hash,
)
from voice.verbs import TENANT_VERIFIED

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
        TenantVerification.objects.select_for_update()
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
