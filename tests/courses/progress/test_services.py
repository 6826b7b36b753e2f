"""The progress rules, one test each (courses/progress/services.py)."""

from django.db import IntegrityError, transaction

import pytest

from courses.models import (
    CompletionMethod,
    Enrolment,
    LessonCompletion,
    QuizAttempt,
    Skill,
    SkillEvidence,
    SkillRecord,
)
from courses.progress.services import (
    enrolment_start,
    lesson_complete,
    quiz_attempt_record,
    skill_record_observed,
)
from courses.progress.session import (
    progress_session_merge,
    session_lesson_complete,
    session_lessons_done,
)
from tests.factories.courses import LessonPageFactory
from training.core.models import ActivityEvent

pytestmark = pytest.mark.django_db


def verbs(learner) -> list[str]:
    return list(
        ActivityEvent.objects.filter(actor=learner).order_by("pk").values_list("verb", flat=True)
    )


def test_starting_a_course_enrols_once(learner, course):
    first = enrolment_start(learner=learner, course=course)
    second = enrolment_start(learner=learner, course=course)
    assert first.pk == second.pk
    assert Enrolment.objects.filter(learner=learner).count() == 1
    assert verbs(learner).count("course.started") == 1


def test_completing_a_lesson_records_when_which_revision_and_enrols(learner, lessons):
    lessons[0].save_revision().publish()
    lessons[0].refresh_from_db()
    result = lesson_complete(learner=learner, lesson=lessons[0])

    completion = LessonCompletion.objects.get(learner=learner)
    assert result.created and completion == result.completion
    assert completion.revision_id == lessons[0].live_revision_id is not None
    assert completion.method == CompletionMethod.DONE
    assert completion.assisted is False and completion.helper is None
    assert completion.course_id == lessons[0].get_parent().pk
    enrolment = Enrolment.objects.get(learner=learner)
    assert enrolment.last_lesson_id == lessons[0].pk
    assert verbs(learner) == ["course.started", "lesson.completed"]


def test_completing_twice_leaves_one_completion_and_one_event(learner, lessons):
    lesson_complete(learner=learner, lesson=lessons[0])
    again = lesson_complete(learner=learner, lesson=lessons[0])

    assert again.created is False
    assert LessonCompletion.objects.filter(learner=learner).count() == 1
    assert verbs(learner).count("lesson.completed") == 1


def test_the_database_refuses_a_second_completion(learner, lessons):
    lesson_complete(learner=learner, lesson=lessons[0])
    with pytest.raises(IntegrityError), transaction.atomic():
        LessonCompletion.objects.create(
            learner=learner, lesson=lessons[0], lesson_title="x", method=CompletionMethod.DONE
        )


def test_help_is_recorded_with_who_helped_and_the_note(learner, champion, lessons):
    lesson_complete(learner=learner, lesson=lessons[0], helper=champion, note="Used the tablet")
    completion = LessonCompletion.objects.get(learner=learner)
    assert completion.assisted and completion.helper == champion
    assert completion.note == "Used the tablet"
    event = ActivityEvent.objects.get(actor=learner, verb="lesson.completed")
    assert event.context["assisted"] is True and event.context["helper_id"] == champion.pk


def test_the_course_is_complete_when_all_its_live_lessons_are(learner, course, lessons):
    results = [lesson_complete(learner=learner, lesson=lesson) for lesson in lessons]

    assert [result.course_completed for result in results] == [False, False, True]
    assert Enrolment.objects.get(learner=learner, course=course).completed_at is not None
    assert verbs(learner).count("course.completed") == 1


def test_unpublished_lessons_do_not_count_towards_the_course(learner, course, lessons):
    lessons[2].unpublish()
    lesson_complete(learner=learner, lesson=lessons[0])
    result = lesson_complete(learner=learner, lesson=lessons[1])
    assert result.course_completed


def test_a_skill_is_achieved_when_every_live_lesson_teaching_it_is_done(learner, course, lessons):
    saf7 = Skill.objects.get(code="SAF-7")
    other_course_lesson = LessonPageFactory(title="More on passwords", skills=["SAF-7"])

    first = lesson_complete(learner=learner, lesson=lessons[1])  # teaches SAF-7
    assert first.skills_achieved == []
    second = lesson_complete(learner=learner, lesson=other_course_lesson)

    assert second.skills_achieved == [saf7.pk]
    record = SkillRecord.objects.get(learner=learner, skill=saf7)
    assert record.evidence == SkillEvidence.LESSONS and not record.assisted
    assert verbs(learner).count("skill.achieved") == 1


def test_later_edits_never_take_away_what_was_earned(learner, course, lessons):
    for lesson in lessons:
        lesson_complete(learner=learner, lesson=lesson)
    LessonPageFactory(parent=course, title="A brand new lesson", skills=["SAF-7"])

    enrolment = Enrolment.objects.get(learner=learner, course=course)
    assert enrolment.completed_at is not None
    assert SkillRecord.objects.filter(learner=learner, skill__code="SAF-7").exists()
    lessons[0].title = "Renamed lesson"
    lessons[0].save_revision().publish()
    assert LessonCompletion.objects.filter(learner=learner).count() == 3


def test_a_failed_quiz_is_stored_and_a_passed_one_completes_the_lesson(learner, lessons):
    attempt, completion = quiz_attempt_record(
        learner=learner,
        lesson=lessons[1],
        quiz_block_id="q1",
        answers=[[0], [2]],
        score=0,
        total=2,
        passed=False,
    )
    assert completion is None
    assert not LessonCompletion.objects.filter(learner=learner).exists()

    attempt, completion = quiz_attempt_record(
        learner=learner,
        lesson=lessons[1],
        quiz_block_id="q1",
        answers=[[0], [0, 1]],
        score=2,
        total=2,
        passed=True,
    )
    assert completion.created
    assert completion.completion.method == CompletionMethod.QUIZ
    assert QuizAttempt.objects.filter(learner=learner).count() == 2
    assert verbs(learner).count("quiz.attempted") == 2


def test_a_champion_records_a_skill_as_observed_once(learner, champion):
    skill = Skill.objects.get(code="COM-2")
    record, created = skill_record_observed(
        learner=learner, skill=skill, helper=champion, note="Called her son on the tablet"
    )
    _, again = skill_record_observed(learner=learner, skill=skill, helper=champion)

    assert created and not again
    assert record.evidence == SkillEvidence.OBSERVED
    assert record.assisted and record.helper == champion
    assert verbs(learner).count("skill.achieved") == 1


def test_progress_made_signed_out_joins_the_account_without_duplicates(client, learner, lessons):
    session = client.session
    assert session_lesson_complete(session=session, lesson=lessons[0])
    assert not session_lesson_complete(session=session, lesson=lessons[0])
    session_lesson_complete(session=session, lesson=lessons[2])
    assert session_lessons_done(session=session) == {lessons[0].pk, lessons[2].pk}
    lesson_complete(learner=learner, lesson=lessons[0])  # already done on another device

    made = progress_session_merge(learner=learner, session=session)

    assert made == 1
    assert LessonCompletion.objects.filter(learner=learner).count() == 2
    assert session_lessons_done(session=session) == set()


def test_signing_in_keeps_what_was_done_signed_out(client, learner, password, lessons):
    session = client.session
    session_lesson_complete(session=session, lesson=lessons[0])
    session.save()

    client.post("/account/login/", {"login": learner.email, "password": password})

    assert LessonCompletion.objects.filter(learner=learner, lesson=lessons[0]).exists()
