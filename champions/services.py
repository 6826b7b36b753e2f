"""Writes about Digital Champions: applying, deciding, stepping down, ending, consent, badges.

The rules:

- Only a learner who finished the "Helping others get online" track may apply, at one centre,
  with a short note; one open application at a time (a database constraint), and not while they
  are a champion already.
- Any Manager (or superuser) decides, approving or declining with a reason; the applicant is
  told either way. Approval gives the Digital Champion role and the centre assignment (through
  :func:`training.places.services.staff_assignment_set`, the one way to say where staff work).
- A champion may step down; a Manager may end the role with a reason. Both take the role and
  the centre away, and both are recorded in the audit log and the activity stream.
- The helper badge (an Open Badge, checked at /verify/ like any certificate) is given once, when
  a champion has helped 10 learners.
"""

import secrets
from datetime import UTC, datetime

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override

from wagtail.log_actions import log

from champions.models import (
    ApplicationStatus,
    ChampionApplication,
    ChampionRole,
    EndedHow,
    HelperBadge,
)
from champions.selectors import (
    HELPER_BADGE_LEARNERS,
    application_open,
    helper_badge,
    learners_helped,
    role_current,
    track_finished,
)
from champions.verbs import (
    CHAMPION_APPLIED,
    CHAMPION_APPROVED,
    CHAMPION_DECLINED,
    CHAMPION_ENDED,
    CHAMPION_EVENT_RUN,
    CHAMPION_STEPPED_DOWN,
    HELPER_BADGE_ISSUED,
)
from courses.models import Certificate
from courses.progress.credentials import badges
from notifications.models import NotificationKind
from notifications.services import notification_send
from notifications.texts import notice_text
from training.core.services import activity_record
from training.places.models import CommunityCentre, StaffAssignment
from training.places.selectors import champion_centre_forget
from training.places.services import (
    staff_assign_allowed,
    staff_assignment_end,
    staff_assignment_set,
)
from training.users.models import User
from training.users.roles import DIGITAL_CHAMPION

LOG_APPLIED = "champions.applied"
LOG_APPROVED = "champions.approved"
LOG_DECLINED = "champions.declined"
LOG_STEPPED_DOWN = "champions.stepped_down"
LOG_ENDED = "champions.ended"

HELPER_BADGE_TITLE = "Digital Champion: helped 10 learners"


def decide_allowed(user) -> bool:
    """Managers decide applications and end roles (the same people who say where staff work)."""
    return staff_assign_allowed(user)


def _roles_forget(person: User) -> None:
    """Forget the roles and permissions remembered on the object, after the groups changed."""
    for name in ("_role_names", "_perm_cache", "_group_perm_cache", "_user_perm_cache"):
        person.__dict__.pop(name, None)
    champion_centre_forget(user=person)


@transaction.atomic
def application_make(*, applicant: User, centre: CommunityCentre, note: str) -> ChampionApplication:
    """``applicant`` asks to be a Digital Champion at ``centre``."""
    if not track_finished(learner=applicant):
        raise ValidationError(_("Finish every course of “Helping others get online” first."))
    # Asked of the database, not user_has_role: that would remember the roles on the object.
    if (
        role_current(person=applicant) is not None
        or applicant.groups.filter(name=DIGITAL_CHAMPION).exists()
    ):
        raise ValidationError(_("You are a Digital Champion already."))
    note = note.strip()
    if not note:
        raise ValidationError(
            {"note": _("Tell us in a sentence or two why you would like to help.")}
        )
    if application_open(applicant=applicant) is not None:
        raise ValidationError(_("You have already asked. Please wait for an answer."))
    application = ChampionApplication(applicant=applicant, centre=centre, note=note[:1000])
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:
        raise ValidationError(_("You have already asked. Please wait for an answer.")) from None
    activity_record(
        actor=applicant, verb=CHAMPION_APPLIED, obj=application, context={"centre_id": centre.pk}
    )
    log(application, LOG_APPLIED, user=applicant, data={"centre": centre.name})
    return application


@transaction.atomic
def application_decide(
    *, application: ChampionApplication, by: User, approve: bool, reason: str
) -> ChampionApplication:
    """A Manager approves or declines ``application`` with a reason; the applicant is told."""
    if not decide_allowed(by):
        raise PermissionDenied("Only a Manager can decide who becomes a Digital Champion.")
    reason = reason.strip()
    if not approve and not reason:
        raise ValidationError({"reason": _("Say why, so that the applicant knows.")})
    locked = ChampionApplication.objects.select_for_update().get(pk=application.pk)
    if locked.status != ApplicationStatus.PENDING:
        raise ValidationError(_("This application has already been decided."))
    now = timezone.now()
    locked.status = ApplicationStatus.APPROVED if approve else ApplicationStatus.DECLINED
    locked.decided_by = by
    locked.decided_at = now
    locked.reason = reason[:1000]
    locked.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    applicant = locked.applicant
    if approve:
        applicant.groups.add(Group.objects.get(name=DIGITAL_CHAMPION))
        _roles_forget(applicant)
        staff_assignment_set(person=applicant, centre=locked.centre, by=by)
        ChampionRole.objects.create(
            person=applicant, centre=locked.centre, application=locked, started_at=now
        )
        activity_record(
            actor=applicant,
            verb=CHAMPION_APPROVED,
            obj=locked,
            context={"centre_id": locked.centre_id, "decided_by_id": by.pk},
            occurred_at=now,
        )
        log(locked, LOG_APPROVED, user=by, data={"centre": locked.centre.name, "reason": reason})
        subject = gettext_lazy("You are now a Digital Champion")
        # Built in the applicant's language (notifications.texts).
        body = notice_text(
            lambda: (
                (
                    _(
                        "Your application to be a Digital Champion at %(centre)s was approved. "
                        "Welcome! Your first steps are waiting for you."
                    )
                    % {"centre": locked.centre.name}
                )
                + (f"\n\n{reason}" if reason else "")
            )
        )
        url = reverse("champions:welcome")
    else:
        activity_record(
            actor=applicant,
            verb=CHAMPION_DECLINED,
            obj=locked,
            context={"centre_id": locked.centre_id, "decided_by_id": by.pk},
            occurred_at=now,
        )
        log(locked, LOG_DECLINED, user=by, data={"centre": locked.centre.name, "reason": reason})
        subject = gettext_lazy("About your Digital Champion application")
        body = notice_text(
            lambda: (
                _(
                    "Thank you for asking to be a Digital Champion at %(centre)s. This time the "
                    "answer is no. The reason: %(reason)s"
                )
                % {"centre": locked.centre.name, "reason": reason}
            )
        )
        url = reverse("champions:home")
    notification_send(
        recipient=applicant,
        kind=NotificationKind.CHAMPION_DECISION,
        subject=subject,
        body=body,
        url=url,
        dedupe_key=f"champion-application-{locked.pk}",
    )
    return locked


def _role_take_away(*, role: ChampionRole, how: str, by: User, reason: str, now: datetime) -> None:
    person = role.person
    role.ended_at = now
    role.ended_how = how
    role.ended_by = by
    role.end_reason = reason[:1000]
    role.named_on_dashboard = False
    role.save(
        update_fields=["ended_at", "ended_how", "ended_by", "end_reason", "named_on_dashboard"]
    )
    person.groups.remove(Group.objects.get(name=DIGITAL_CHAMPION))
    _roles_forget(person)


@transaction.atomic
def champion_step_down(*, champion: User, reason: str = "") -> ChampionRole:
    """The champion stops, by their own choice."""
    role = role_current(person=champion)
    if role is None:
        raise ValidationError(_("You are not a Digital Champion at the moment."))
    now = timezone.now()
    _role_take_away(
        role=role, how=EndedHow.STEPPED_DOWN, by=champion, reason=reason.strip(), now=now
    )
    # Leaving is theirs to decide; where staff work is otherwise only a Manager's to say
    # (staff_assignment_end), so the assignment is removed here, for this case only.
    StaffAssignment.objects.filter(person=champion, centre__isnull=False).delete()
    champion_centre_forget(user=champion)
    activity_record(
        actor=champion,
        verb=CHAMPION_STEPPED_DOWN,
        obj=role,
        context={"centre_id": role.centre_id},
        occurred_at=now,
    )
    log(role, LOG_STEPPED_DOWN, user=champion, data={"centre": role.centre.name})
    return role


@transaction.atomic
def champion_end(*, role: ChampionRole, by: User, reason: str) -> ChampionRole:
    """A Manager ends a champion's role, with a reason the champion is told."""
    if not decide_allowed(by):
        raise PermissionDenied("Only a Manager can end a Digital Champion's role.")
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why, so that the champion knows.")})
    role = (
        ChampionRole.objects.select_for_update().select_related("person", "centre").get(pk=role.pk)
    )
    if role.ended_at is not None:
        raise ValidationError(_("This role has already ended."))
    now = timezone.now()
    _role_take_away(role=role, how=EndedHow.ENDED, by=by, reason=reason, now=now)
    assignment = StaffAssignment.objects.filter(person=role.person, centre__isnull=False).first()
    if assignment is not None:
        staff_assignment_end(assignment=assignment, by=by)
    activity_record(
        actor=role.person,
        verb=CHAMPION_ENDED,
        obj=role,
        context={"centre_id": role.centre_id, "ended_by_id": by.pk},
        occurred_at=now,
    )
    log(role, LOG_ENDED, user=by, data={"centre": role.centre.name, "reason": reason})
    # Built in the champion's language (notifications.texts).
    notification_send(
        recipient=role.person,
        kind=NotificationKind.CHAMPION_DECISION,
        subject=gettext_lazy("Your Digital Champion role has ended"),
        body=notice_text(
            lambda: (
                _(
                    "A Manager ended your Digital Champion role at %(centre)s. "
                    "The reason: %(reason)s"
                )
                % {"centre": role.centre.name, "reason": reason}
            )
        ),
        url=reverse("champions:home"),
        dedupe_key=f"champion-role-ended-{role.pk}",
    )
    return role


def champion_consent_set(*, champion: User, named: bool) -> ChampionRole:
    """The champion chooses whether Managers see their name beside the help they gave."""
    role = role_current(person=champion)
    if role is None:
        raise ValidationError(_("You are not a Digital Champion at the moment."))
    ChampionRole.objects.filter(pk=role.pk).update(named_on_dashboard=named)
    role.named_on_dashboard = named
    return role


def event_run_record(*, champion: User, event) -> None:
    """A Digital Champion added an event at their centre to run it (counted as help given)."""
    activity_record(
        actor=champion, verb=CHAMPION_EVENT_RUN, obj=event, context={"centre_id": event.centre_id}
    )


def _helper_credential(*, certificate: Certificate, person: User) -> dict:
    with override(None):
        description = "Helped 10 learners get online as a Digital Champion on Homes on the Net."
    return {
        "@context": [badges.VC_CONTEXT, badges.OB_CONTEXT],
        "id": f"urn:uuid:{certificate.pk}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": badges.issuer_profile(),
        "validFrom": certificate.issued_at.astimezone(UTC).isoformat().replace("+00:00", "Z"),
        "name": certificate.course_title,
        "description": description,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [badges.recipient_identity(person, salt=secrets.token_hex(16))],
            "achievement": {
                "id": badges.absolute("/champions/#helper-badge"),
                "type": ["Achievement"],
                "achievementType": "Badge",
                "name": certificate.course_title,
                "description": description,
                "criteria": {
                    "narrative": "Record help for 10 different learners (lessons, skills or "
                    "assisted accounts) as a Digital Champion on Homes on the Net."
                },
            },
        },
    }


def helper_badge_issue(*, person: User) -> tuple[HelperBadge | None, bool]:
    """Give ``person`` the helper badge if they helped 10 learners; once. Safe to call often."""
    existing = helper_badge(person=person)
    if existing is not None:
        return existing, False
    if learners_helped(champion=person) < HELPER_BADGE_LEARNERS:
        return None, False
    certificate = Certificate(
        learner=person,
        course=None,
        course_title=HELPER_BADGE_TITLE,
        learner_name=person.name[:150],
        issued_at=timezone.now().replace(microsecond=0),
    )
    certificate.credential_jwt = badges.credential_sign(
        _helper_credential(certificate=certificate, person=person)
    )
    try:
        with transaction.atomic():
            certificate.save(force_insert=True)
            badge = HelperBadge.objects.create(person=person, certificate=certificate)
            activity_record(
                actor=person,
                verb=HELPER_BADGE_ISSUED,
                obj=certificate,
                occurred_at=certificate.issued_at,
            )
    except IntegrityError:
        return helper_badge(person=person), False
    return badge, True


def helper_badges_issue() -> int:
    """Every current champion who has now helped 10 learners gets the badge. Returns how many."""
    from champions.selectors import roles_current

    issued = 0
    for role in roles_current().filter(person__helper_badge__isnull=True):
        _badge, made = helper_badge_issue(person=role.person)
        issued += made
    return issued
