from courses.models.offline import OfflineCompletion, OfflineOutcome
from courses.models.pages import CourseIndexPage, CourseLevel, CoursePage, LessonPage
from courses.models.progress import (
    Certificate,
    CompletionMethod,
    Enrolment,
    LessonCompletion,
    QuizAttempt,
    SkillEvidence,
    SkillRecord,
)
from courses.models.skills import Skill, SkillArea, WordingSource

__all__ = [
    "Certificate",
    "CompletionMethod",
    "Enrolment",
    "LessonCompletion",
    "OfflineCompletion",
    "OfflineOutcome",
    "QuizAttempt",
    "SkillEvidence",
    "SkillRecord",
    "CourseIndexPage",
    "CourseLevel",
    "CoursePage",
    "LessonPage",
    "Skill",
    "SkillArea",
    "WordingSource",
]
