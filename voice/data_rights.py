"""Tenant voice's part of "Download my data" and "Delete my account".

Download (:func:`tenant_voice_export`): the person's reports of problems (with their status
history, place and photos' addresses), the reports they said affect them too, their estate
check answers (with place and photos' addresses), the "You said, we did" pages they were told
about, and, for a Housing Officer, the status changes they made. Their verification is the
section before it (:func:`voice.selectors.tenant_verification_export`): never a tenancy
reference or its hash.

Delete (:func:`account_voice_tidy`, run just before the account goes). What we chose:

- A report stays: it is a public record of a problem on the estate and of what the landlord
  did. The reporter is removed (``Report.reporter`` is set to NULL) and ``show_name`` is
  turned off, so no name shows even if the person chose it. Its photos are deleted (rows and
  files): a photo of a stairwell can show a front door, and it was the person's to give.
- Estate check answers stay, with no one attached (``EstateCheckResponse.person`` is set to
  NULL), so a check's results do not change after it closes; their comments, place and photos
  are deleted, leaving only the faces and the neighbourhood, which the results count.
- Consultation answers stay, with no one attached (``ConsultationResponse.person`` is set to
  NULL), so results do not change; their free text is deleted first (published quotes too).
- "This affects me too" marks go with the account (the count drops by one), and so do the
  verification and the record of being told about improvements. The tenancy list stays as it
  was. A Housing Officer's status changes stay, without their name (``ReportUpdate.by``).
"""

from django.db import transaction
from django.db.models import Prefetch
from django.urls import reverse

from training.core.addresses import absolute_url
from training.users.models import User
from voice.consultations_selectors import consultation_answers_export
from voice.models import (
    ConsultationAnswer,
    EstateCheckAnswer,
    EstateCheckPhoto,
    EstateCheckResponse,
    ImprovementTold,
    Report,
    ReportAffected,
    ReportPhoto,
    ReportUpdate,
)


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def _place(item) -> dict | None:
    if item.latitude is None or item.longitude is None:
        return None
    return {"latitude": str(item.latitude), "longitude": str(item.longitude)}


def _reports(*, person: User) -> list[dict]:
    reports = (
        Report.objects.filter(reporter_id=person.pk)
        .select_related("neighbourhood")
        .prefetch_related("photos", "updates")
        .order_by("pk")
    )
    return [
        {
            "id": report.pk,
            "address": absolute_url(report.get_absolute_url()),
            "neighbourhood": report.neighbourhood.name,
            "category": report.get_category_display(),
            "what_is_wrong": report.description,
            "show_my_name": report.show_name,
            "place": _place(report),
            "status": report.get_status_display(),
            "planned_for": _iso(report.planned_for),
            "why_it_will_not_be_fixed": report.wont_fix_reason,
            "reported": _iso(report.created_at),
            "last_update": _iso(report.updated_at),
            "updates": [
                {
                    "when": _iso(update.at),
                    "from": update.get_from_status_display(),
                    "to": update.get_to_status_display(),
                    "planned_for": _iso(update.planned_for),
                    "note": update.note,
                }
                for update in report.updates.all()
            ],
            # The photo's own address on the site (its view checks who may see it).
            "photos": [
                {
                    "address": absolute_url(reverse("voice:report_photo", args=[photo.pk])),
                    "description": photo.description,
                }
                for photo in report.photos.all()
            ],
        }
        for report in reports
    ]


def _affects_me_too(*, person: User) -> list[dict]:
    marks = (
        ReportAffected.objects.filter(person_id=person.pk)
        .select_related("report__neighbourhood")
        .order_by("pk")
    )
    return [
        {
            "report": mark.report_id,
            "address": absolute_url(mark.report.get_absolute_url()),
            "neighbourhood": mark.report.neighbourhood.name,
            "category": mark.report.get_category_display(),
            "when": _iso(mark.created_at),
        }
        for mark in marks
    ]


def _estate_checks(*, person: User) -> list[dict]:
    responses = (
        EstateCheckResponse.objects.filter(person_id=person.pk)
        .select_related("estate_check", "neighbourhood")
        .prefetch_related(
            "photos",
            Prefetch("answers", queryset=EstateCheckAnswer.objects.select_related("question")),
        )
        .order_by("pk")
    )
    return [
        {
            "estate_check": response.estate_check.title,
            "neighbourhood": response.neighbourhood.name,
            "first_answered": _iso(response.created_at),
            "last_changed": _iso(response.updated_at),
            "answers": [
                {
                    "question": answer.question.text,
                    "answer": answer.get_score_display(),
                    "score": answer.score,
                    "comment": answer.comment,
                }
                for answer in sorted(
                    response.answers.all(),
                    key=lambda answer: (answer.question.sort_order, answer.question.pk),
                )
            ],
            "place": _place(response),
            "photos": [
                {
                    "address": absolute_url(reverse("voice:estate_check_photo", args=[photo.pk])),
                    "description": photo.description,
                    "added": _iso(photo.added_at),
                }
                for photo in response.photos.all()
            ],
        }
        for response in responses
    ]


def _improvements_told(*, person: User) -> list[dict]:
    """The "You said, we did" pages the person was told about (their report was answered)."""
    told = ImprovementTold.objects.filter(person_id=person.pk).select_related("page")
    return [
        {"improvement": row.page.title, "address": row.page.full_url, "told": _iso(row.told_at)}
        for row in told.order_by("pk")
    ]


def _updates_made(*, person: User) -> list[dict]:
    """For a Housing Officer: the status changes they made (shown with their name)."""
    return [
        {
            "report": update.report_id,
            "address": absolute_url(reverse("voice:report_detail", args=[update.report_id])),
            "when": _iso(update.at),
            "from": update.get_from_status_display(),
            "to": update.get_to_status_display(),
            "note": update.note,
        }
        for update in ReportUpdate.objects.filter(by_id=person.pk).order_by("pk")
    ]


def tenant_voice_export(*, person: User) -> dict:
    """The "tenant_voice" section of "Download my data"."""
    return {
        "reports": _reports(person=person),
        "affects_me_too": _affects_me_too(person=person),
        "estate_checks": _estate_checks(person=person),
        "improvements_told_about": _improvements_told(person=person),
        "report_updates_made": _updates_made(person=person),
        "consultations": consultation_answers_export(person=person),
    }


def _files_delete_on_commit(*, storage, names: list[str]) -> None:
    def delete() -> None:
        for name in names:
            if name:
                storage.delete(name)

    transaction.on_commit(delete)


def account_voice_tidy(*, person: User) -> None:
    """Before ``person``'s account is deleted: see the module's rules. The reporter and the
    estate check responses' person are set to NULL by the database when the user row goes."""
    report_photos = ReportPhoto.objects.filter(report__reporter_id=person.pk)
    _files_delete_on_commit(
        storage=ReportPhoto._meta.get_field("photo").storage,
        names=list(report_photos.values_list("photo", flat=True)),
    )
    report_photos.delete()
    Report.objects.filter(reporter_id=person.pk, show_name=True).update(show_name=False)

    check_photos = EstateCheckPhoto.objects.filter(response__person_id=person.pk)
    _files_delete_on_commit(
        storage=EstateCheckPhoto._meta.get_field("photo").storage,
        names=list(check_photos.values_list("photo", flat=True)),
    )
    check_photos.delete()
    EstateCheckAnswer.objects.filter(response__person_id=person.pk).exclude(comment="").update(
        comment=""
    )
    EstateCheckResponse.objects.filter(person_id=person.pk).update(latitude=None, longitude=None)
    ConsultationAnswer.objects.filter(response__person_id=person.pk).exclude(text="").update(
        text=""
    )
