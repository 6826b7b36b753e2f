"""A small English course and its translated copies, made as Wagtail's "Translate" makes them."""

from wagtail.models import Locale, Page

from tests.factories.courses import CoursePageFactory, LessonPageFactory, text_block


def course_english():
    """A published course of two lessons with no quiz: "I've done this" finishes each."""
    course = CoursePageFactory(
        title="Sending an email", slug="sending-an-email", summary="Write and send an email."
    )
    LessonPageFactory(
        parent=course,
        title="Writing an email",
        slug="writing",
        body=[text_block("<p>Tap the pencil to start a new email.</p>")],
    )
    LessonPageFactory(
        parent=course,
        title="Pressing send",
        slug="sending",
        body=[text_block("<p>Tap the paper aeroplane to send it.</p>")],
    )
    return course


def translation_publish(page: Page, *, language: str, title: str, text: str = "", live=True):
    """Copy ``page`` into ``language`` (parents not yet translated become aliases), give it
    ``title`` (and a lesson ``text``), and publish it unless ``live`` is False."""
    locale = Locale.objects.get(language_code=language)
    copy = page.specific.copy_for_translation(locale, copy_parents=True)
    copy.title = title
    if text:
        copy.body = [text_block(f"<p>{text}</p>")]
    revision = copy.save_revision()
    if live:
        revision.publish()
    copy.refresh_from_db()
    return copy


def course_translate(course, *, language: str, titles: dict[str, str], texts=None):
    """Translate a course and the lessons named (by slug) in ``titles``; returns the copies."""
    texts = texts or {}
    made = {"course": translation_publish(course, language=language, title=titles["course"])}
    for lesson in course.get_children().specific():
        if lesson.slug in titles:
            made[lesson.slug] = translation_publish(
                lesson, language=language, title=titles[lesson.slug], text=texts.get(lesson.slug)
            )
    return made


POLISH = {
    "course": "Wysyłanie e-maila",
    "writing": "Pisanie e-maila",
    "sending": "Naciskanie przycisku wyślij",
}
URDU = {
    "course": "ای میل بھیجنا",
    "writing": "ای میل لکھنا",
    "sending": "بھیجیں دبانا",
}
