"""The learning record's part of "Download my data" (registered in courses/wagtail_hooks.py):
the reminder-email setting, added to the profile, then enrolments, lesson completions, quiz
attempts, skills and certificates."""

from typing import Any

from courses.models import Certificate, Enrolment, LessonCompletion, QuizAttempt, SkillRecord
from courses.models.progress import NudgeOptOut
from training.users.data_rights.selectors import export_name, export_time
from training.users.models import User


def learning_record_export(*, person: User) -> dict[str, Any]:
    """The learner's record, as sections of their download. A fixed number of queries."""
    learner = person
    opt_out = NudgeOptOut.objects.filter(learner=learner).first()
    return {
        "profile": {
            "reminder_emails": {
                "on": opt_out is None,
                "turned_off": export_time(opt_out.opted_out_at) if opt_out else None,
            },
        },
        "enrolments": [
            {
                "course_id": enrolment.course_id,
                "course": enrolment.course.title,
                "started": export_time(enrolment.started_at),
                "last_active": export_time(enrolment.last_activity_at),
                "last_lesson": enrolment.last_lesson.title if enrolment.last_lesson else None,
                "finished": export_time(enrolment.completed_at),
                "reminder_sent": export_time(enrolment.nudged_at),
            }
            for enrolment in Enrolment.objects.filter(learner=learner)
            .select_related("course", "last_lesson")
            .order_by("started_at", "pk")
        ],
        "lesson_completions": [
            {
                "lesson_id": completion.lesson_id,
                "lesson": completion.lesson_title,
                "course_id": completion.course_id,
                "course": completion.course.title if completion.course else None,
                "completed": export_time(completion.completed_at),
                "how": completion.get_method_display(),
                "with_help": completion.assisted,
                "helped_by": export_name(completion.helper),
                "note": completion.note,
                "page_revision_id": completion.revision_id,
            }
            for completion in LessonCompletion.objects.filter(learner=learner)
            .select_related("course", "helper")
            .order_by("completed_at", "pk")
        ],
        "quiz_attempts": [
            {
                "lesson_id": attempt.lesson_id,
                "lesson": attempt.lesson.title if attempt.lesson else None,
                "attempted": export_time(attempt.attempted_at),
                "answers": attempt.answers,
                "score": attempt.score,
                "out_of": attempt.total,
                "passed": attempt.passed,
            }
            for attempt in QuizAttempt.objects.filter(learner=learner)
            .select_related("lesson")
            .order_by("attempted_at", "pk")
        ],
        "skills": [
            {
                "code": record.skill.code,
                "skill": record.skill.statement,
                "achieved": export_time(record.achieved_at),
                "how": record.get_evidence_display(),
                "with_help": record.assisted,
                "helped_by": export_name(record.helper),
                "note": record.note,
            }
            for record in SkillRecord.objects.filter(learner=learner)
            .select_related("skill", "helper")
            .order_by("achieved_at", "pk")
        ],
        "certificates": [
            {
                "id": str(certificate.pk),
                "course_id": certificate.course_id,
                "course": certificate.course_title,
                "name_on_certificate": certificate.learner_name,
                "issued": export_time(certificate.issued_at),
                "revoked": export_time(certificate.revoked_at),
                "revoked_reason": certificate.revoked_reason,
            }
            for certificate in Certificate.objects.filter(learner=learner).order_by(
                "issued_at", "pk"
            )
        ],
    }
