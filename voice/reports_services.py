"""Writes for estate reports: report a problem, say it affects you too, change its status.

Every status change is stored as a :class:`voice.models.ReportUpdate` (the public history),
recorded in the activity stream, written to Wagtail's audit log (``voice.report.status_changed``,
the admin's "Site history") and told to the reporter and everyone it affects too through the
notifications app, by each person's choice of emails.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import cast

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.log_actions import log

from community.photos import PreparedPhoto
from community.text import text_clean
from notifications.models import NotificationKind
from notifications.services import notification_send
from notifications.texts import notice_text
from training.core.services import activity_record
from training.users.models import User
from voice.geo import point_in_boundary
from voice.models import Report, ReportAffected, ReportPhoto, ReportStatus, ReportUpdate
from voice.place_fields import PLACE_OUTSIDE
from voice.reports_selectors import report_can_affect, report_can_update, report_people_to_tell
from voice.selectors import tenant_verified_neighbourhood
from voice.verbs import REPORT_AFFECTS_ME_TOO, REPORT_CREATED, REPORT_STATUS_CHANGED

STATUS_LOG_ACTION = "voice.report.status_changed"
PLANNED_NEEDS_DATE = gettext_lazy("Say when the work is planned for.")
WONT_FIX_NEEDS_REASON = gettext_lazy(
    "Say why it will not be fixed: the reporter and neighbours will read it."
)
SAME_STATUS = gettext_lazy("The report already has this status. Choose another, or go back.")


@dataclass(frozen=True)
class ReportPhotoUpload:
    photo: PreparedPhoto
    description: str


def _place_allowed(
    *, boundary: dict | None, latitude: Decimal | None, longitude: Decimal | None
) -> bool:
    """No place, or a whole place inside the neighbourhood's boundary."""
    if latitude is None and longitude is None:
        return True
    if latitude is None or longitude is None:
        return False
    return point_in_boundary(
        geometry=boundary, latitude=float(latitude), longitude=float(longitude)
    )


@transaction.atomic
def report_create(
    *,
    reporter: User,
    category: str,
    description: str,
    show_name: bool = False,
    photos: list[ReportPhotoUpload] | None = None,
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
) -> Report:
    """``reporter``, a verified tenant, reports a problem in the neighbourhood of their tenancy.

    PermissionDenied if they are not a verified tenant (the neighbourhood is always theirs:
    nobody chooses another); ValidationError if the place is outside its boundary.
    """
    neighbourhood = tenant_verified_neighbourhood(person=reporter)
    if neighbourhood is None:
        raise PermissionDenied("Only a verified tenant can report a problem on their estate.")
    if not _place_allowed(boundary=neighbourhood.boundary, latitude=latitude, longitude=longitude):
        raise ValidationError({"latitude": str(PLACE_OUTSIDE)})
    now = timezone.now()
    report = Report.objects.create(
        neighbourhood=neighbourhood,
        reporter=reporter,
        category=category,
        description=text_clean(description),
        show_name=show_name,
        latitude=latitude,
        longitude=longitude,
        created_at=now,
        updated_at=now,
    )
    for upload in photos or []:
        photo = ReportPhoto(
            report=report,
            width=upload.photo.width,
            height=upload.photo.height,
            description=text_clean(upload.description),
        )
        photo.photo.save(cast(str, upload.photo.file.name), upload.photo.file, save=False)
        photo.save()
    activity_record(
        actor=reporter,
        verb=REPORT_CREATED,
        obj=report,
        context={
            "category": category,
            "neighbourhood": neighbourhood.pk,
            "photos": len(photos or []),
        },
    )
    return report


def report_affects_me_too(*, person: User, report: Report) -> bool:
    """``person``, a verified tenant of the report's neighbourhood, says it affects them too.

    Answers False if they had said so already (once each: a unique constraint); raises
    PermissionDenied for anyone else (the reporter included: it is their report).
    """
    if not report_can_affect(person=person, report=report):
        raise PermissionDenied("Only verified tenants of this neighbourhood can say this.")
    try:
        with transaction.atomic():
            affected = ReportAffected.objects.create(report=report, person=person)
            activity_record(
                actor=person,
                verb=REPORT_AFFECTS_ME_TOO,
                obj=affected,
                context={"report": report.pk, "neighbourhood": report.neighbourhood_id},
            )
    except IntegrityError:
        return False
    return True


def report_status_errors(
    *, report: Report, status: str, planned_for: date | None, reason: str
) -> dict[str, str]:
    """What is wrong with this change, by field (empty when it can be made)."""
    errors: dict[str, str] = {}
    if status not in ReportStatus.values:
        errors["status"] = _("Choose a status.")
    elif status == report.status and status != ReportStatus.PLANNED:
        errors["status"] = str(SAME_STATUS)
    if status == ReportStatus.PLANNED and planned_for is None:
        errors["planned_for"] = str(PLANNED_NEEDS_DATE)
    if status == ReportStatus.WONT_FIX and not reason.strip():
        errors["wont_fix_reason"] = str(WONT_FIX_NEEDS_REASON)
    return errors


def _people_tell(*, report: Report, update: ReportUpdate) -> None:
    def subject() -> str:
        return _("Your report about %(category)s: %(status)s") % {
            "category": report.get_category_display().lower(),
            "status": str(ReportStatus(update.to_status).label).lower(),
        }

    def body() -> str:
        status = ReportStatus(update.to_status).label
        lines = [
            _("The problem reported in %(place)s is now: %(status)s.")
            % {"place": report.neighbourhood.name, "status": status}
        ]
        if update.to_status == ReportStatus.PLANNED and update.planned_for:
            # The day and month in the reader's language ("E": the month as in a date).
            lines.append(
                _("The work is planned for %(day)s.")
                % {"day": date_format(update.planned_for, "l j E Y")}
            )
        if update.to_status == ReportStatus.WONT_FIX:
            lines.append(_("Why: %(reason)s") % {"reason": report.wont_fix_reason})
        if update.note:
            lines.append(_("Note from the Housing Officer: %(note)s") % {"note": update.note})
        return "\n\n".join(str(line) for line in lines)

    # Built for each person in their own language (notifications.texts).
    for person in report_people_to_tell(report=report):
        notification_send(
            recipient=person,
            kind=NotificationKind.REPORT_UPDATE,
            subject=notice_text(subject),
            body=notice_text(body),
            url=report.get_absolute_url(),
            dedupe_key=f"report-update-{update.pk}-{person.pk}",
        )


@transaction.atomic
def report_status_change(
    *,
    report: Report,
    by: User,
    status: str,
    planned_for: date | None = None,
    reason: str = "",
    note: str = "",
) -> ReportUpdate:
    """A Housing Officer of the report's neighbourhood (or a superuser) changes its status.

    PermissionDenied for anyone else; ValidationError (by field) when "planned" has no date,
    "won't fix" no reason, or nothing changes. The reporter and the people it affects too are
    told; the change is in the public history, the activity stream and the audit log.
    """
    if not report_can_update(user=by, report=report):
        raise PermissionDenied("You cannot update reports in this neighbourhood.")
    report = (
        Report.objects.select_for_update(of=("self",))
        .select_related("neighbourhood", "reporter")
        .get(pk=report.pk)
    )
    reason = text_clean(reason)
    errors = report_status_errors(
        report=report, status=status, planned_for=planned_for, reason=reason
    )
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    from_status = report.status
    report.status = status
    report.planned_for = planned_for if status == ReportStatus.PLANNED else None
    report.wont_fix_reason = reason if status == ReportStatus.WONT_FIX else ""
    report.updated_at = now
    report.save(update_fields=["status", "planned_for", "wont_fix_reason", "updated_at"])
    update = ReportUpdate.objects.create(
        report=report,
        by=by,
        at=now,
        from_status=from_status,
        to_status=status,
        planned_for=report.planned_for,
        note=text_clean(note),
    )
    activity_record(
        actor=by,
        verb=REPORT_STATUS_CHANGED,
        obj=report,
        context={"from": from_status, "to": status, "neighbourhood": report.neighbourhood_id},
    )
    log(
        report,
        STATUS_LOG_ACTION,
        user=by,
        data={
            "from": from_status,
            "to": status,
            "planned_for": report.planned_for.isoformat() if report.planned_for else None,
            "reason": report.wont_fix_reason,
            "note": update.note,
        },
    )
    _people_tell(report=report, update=update)
    return update
