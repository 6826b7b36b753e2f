"""Courses, lessons and their blocks for tests. Pages go under the real courses index that the
migrations create, so URLs are the ones people use (/courses/<course>/<lesson>/)."""

from io import BytesIO

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

import factory
import wagtail_factories
from PIL import Image as PillowImage

from courses.models import CourseIndexPage, CourseLevel, CoursePage, LessonPage, Skill


def course_index() -> CourseIndexPage:
    return CourseIndexPage.objects.get()


def image_create(*, title: str = "A test picture", width: int = 40, height: int = 30):
    buffer = BytesIO()
    PillowImage.new("RGB", (width, height), (11, 92, 82)).save(buffer, format="PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name="test-picture.png")
    )


def text_block(html: str = "<p>Tap the green button to start.</p>") -> dict:
    return {"type": "text", "value": html}


def question(
    text: str = "Which password is strongest?",
    *,
    options: list[tuple[str, bool, str]] | None = None,
    multiple: bool = False,
) -> dict:
    options = options or [
        ("PurpleKettleTrain", True, "Yes: three random words are long and hard to guess."),
        ("password1", False, "No: this is one of the first passwords criminals try."),
        ("Your pet's name", False, "No: people can often find this out."),
    ]
    return {
        "question": text,
        "multiple": multiple,
        "options": [
            {"text": option, "is_correct": correct, "feedback": feedback}
            for option, correct, feedback in options
        ],
    }


def quiz_block(*questions: dict, title: str = "") -> dict:
    return {"type": "quiz", "value": {"title": title, "questions": list(questions) or [question()]}}


def _skills_set(page, create, extracted) -> None:
    if not create or not extracted:
        return
    codes = [item if isinstance(item, str) else item.code for item in extracted]
    page.skills.set(Skill.objects.filter(code__in=codes))
    page.save()


class CoursePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoursePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Course number {n}")
    summary = "Learn to do one useful thing online, one small step at a time."
    audience = "For anyone who is new to this."
    outcomes = factory.LazyFunction(lambda: [("outcome", "do one useful thing online")])
    level = CourseLevel.GETTING_STARTED
    parent = factory.LazyFunction(course_index)

    @factory.post_generation
    def skills(self, create, extracted, **kwargs):
        _skills_set(self, create, extracted)


class LessonPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LessonPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Lesson number {n}")
    estimated_minutes = 10
    pass_mark_percent = 80
    body = factory.LazyFunction(lambda: [text_block()])
    parent = factory.SubFactory(CoursePageFactory)

    @factory.post_generation
    def skills(self, create, extracted, **kwargs):
        _skills_set(self, create, extracted)
