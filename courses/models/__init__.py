from courses.models.pages import CourseIndexPage, CourseLevel, CoursePage, LessonPage
from courses.models.skills import Skill, SkillArea, WordingSource

__all__ = [
    "CourseIndexPage",
    "CourseLevel",
    "CoursePage",
    "LessonPage",
    "Skill",
    "SkillArea",
    "WordingSource",
]
