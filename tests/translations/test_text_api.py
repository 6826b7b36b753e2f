"""Translated snippet text: storing, reading in a language, English fallback, out of date."""

from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.utils import translation

from wagtail.models import ModelLogEntry

import pytest

from tests.factories.community import GroupFactory
from tests.factories.events import EventFactory
from tests.factories.practice import NextStepFactory
from translations.models import TextTranslation, TranslationStatus
from translations.selectors import (
    text_object_state,
    text_translated,
    text_translations_apply,
)
from translations.services import text_translation_delete, text_translation_set

pytestmark = pytest.mark.django_db


def test_stored_translation_is_read_in_its_language_and_english_stays_english(editor):
    group = GroupFactory(description="News and help for neighbours in Elm Court.")
    stored = text_translation_set(
        obj=group,
        field="description",
        language="pl",
        text="Wiadomości i pomoc dla sąsiadów z Elm Court.",
        translator=editor,
    )

    row = TextTranslation.objects.get()
    assert row == stored
    assert (row.language, row.field, row.object_id, row.status) == (
        "pl",
        "description",
        group.pk,
        TranslationStatus.READY,
    )
    assert row.translator == editor
    assert text_translated(obj=group, field="description", language="pl") == (
        "Wiadomości i pomoc dla sąsiadów z Elm Court."
    )
    assert text_translated(obj=group, field="description", language="en-gb") == (
        "News and help for neighbours in Elm Court."
    )
    # The active language is used when none is given.
    with translation.override("pl"):
        assert text_translated(obj=group, field="description").startswith("Wiadomości")
    # The English itself is never changed.
    group.refresh_from_db()
    assert group.description == "News and help for neighbours in Elm Court."
    # The audit log has it.
    entry = ModelLogEntry.objects.get(action="translations.text.saved")
    assert entry.data["language"] == "pl"
    assert entry.user_id == editor.pk


def test_no_translation_or_a_draft_falls_back_to_english():
    group = GroupFactory(description="Gardening club")
    assert text_translated(obj=group, field="description", language="ur") == "Gardening club"
    text_translation_set(
        obj=group,
        field="description",
        language="ur",
        text="باغبانی کلب",
        status=TranslationStatus.IN_PROGRESS,
    )
    group = type(group).objects.get(pk=group.pk)
    assert text_translated(obj=group, field="description", language="ur") == "Gardening club"
    text_translation_set(
        obj=group,
        field="description",
        language="ur",
        text="باغبانی کلب",
        status=TranslationStatus.NEEDS_REVIEW,
    )
    assert text_translated(obj=group, field="description", language="ur") == "باغبانی کلب"
    # A language code with a region is read as its language.
    assert text_translated(obj=group, field="description", language="ur-pk") == "باغبانی کلب"
    text_translation_delete(obj=group, field="description", language="ur")
    assert text_translated(obj=group, field="description", language="ur") == "Gardening club"


def _skill():
    from courses.models import Skill

    return Skill.objects.order_by("pk").first()


def test_changed_english_makes_the_translation_out_of_date_but_it_still_shows():
    step = NextStepFactory(
        title="Join your group", text="Meet your neighbours.", course=None, skill=_skill()
    )
    text_translation_set(obj=step, field="title", language="pl", text="Dołącz do grupy")
    text_translation_set(obj=step, field="text", language="pl", text="Poznaj sąsiadów.")
    assert text_object_state(obj=step, language="pl")[0] == "ready"

    step.title = "Join your neighbourhood group"
    step.save()
    step = type(step).objects.get(pk=step.pk)
    assert text_object_state(obj=step, language="pl")[0] == "out_of_date"
    assert text_translated(obj=step, field="title", language="pl") == "Dołącz do grupy"

    # Translating again from the new English brings it up to date.
    text_translation_set(obj=step, field="title", language="pl", text="Dołącz do grupy sąsiadów")
    assert text_object_state(obj=step, language="pl")[0] == "ready"
    assert TextTranslation.objects.filter(field="title").count() == 1


def test_partly_translated_object_is_in_progress_and_untranslated_is_missing():
    event = EventFactory(title="Coffee morning", description="Cake and tea.", accessibility="")
    assert text_object_state(obj=event, language="pa")[0] == "missing"
    text_translation_set(obj=event, field="title", language="pa", text="ਕੌਫੀ ਸਵੇਰ")
    assert text_object_state(obj=event, language="pa")[0] == "in_progress"


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"field": "name"}, "field"),
        ({"language": "en-gb"}, "language"),
        ({"language": "xx"}, "language"),
        ({"status": "done"}, "status"),
        ({"text": "   "}, "required"),
        ({"field": "title", "text": "x" * 81}, "max_length"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_stored(changes, code):
    step = NextStepFactory(title="Join your group", course=None, skill=_skill())
    arguments = {"obj": step, "field": "text", "language": "pl", "text": "Tekst"} | changes
    with pytest.raises(ValidationError) as error:
        text_translation_set(**arguments)
    assert error.value.code == code
    assert not TextTranslation.objects.exists()


def test_batch_read_is_one_query_however_many_objects(django_assert_num_queries):
    groups = [GroupFactory(description=f"Group {number}") for number in range(6)]
    for group in groups[:4]:
        text_translation_set(
            obj=group, field="description", language="pl", text=f"Grupa {group.description[-1]}"
        )
    fresh = list(type(groups[0]).objects.order_by("pk"))
    with django_assert_num_queries(1):
        text_translations_apply(objects=fresh, language="pl")
        shown = [text_translated(obj=group, field="description", language="pl") for group in fresh]
    assert shown == ["Grupa 0", "Grupa 1", "Grupa 2", "Grupa 3", "Group 4", "Group 5"]
    # In English nothing is read at all.
    with django_assert_num_queries(0):
        text_translations_apply(objects=fresh, language="en-gb")
        assert text_translated(obj=fresh[0], field="description", language="en-gb") == "Group 0"


def test_template_filter_and_prefetch_tag(django_assert_num_queries):
    groups = [GroupFactory(description=f"Group {number}") for number in range(3)]
    text_translation_set(obj=groups[1], field="description", language="pl", text="Grupa jeden")
    template = Template(
        "{% load translations_tags %}{% text_translations_prefetch groups %}"
        "{% for group in groups %}[{{ group|translated:'description' }}]{% endfor %}"
    )
    fresh = list(type(groups[0]).objects.order_by("pk"))
    with translation.override("pl"), django_assert_num_queries(1):
        html = template.render(Context({"groups": fresh}))
    assert html == "[Group 0][Grupa jeden][Group 2]"
    with translation.override("en-gb"):
        assert (
            Template("{% load translations_tags %}{{ group|translated:'description' }}").render(
                Context({"group": groups[1]})
            )
            == "Group 1"
        )


def test_a_deleted_object_takes_its_translations_with_it():
    kept = GroupFactory(description="Kept")
    gone = GroupFactory(description="Gone")
    text_translation_set(obj=kept, field="description", language="pl", text="Zostaje")
    text_translation_set(obj=gone, field="description", language="pl", text="Znika")
    text_translation_set(obj=gone, field="description", language="ur", text="چلا گیا")
    gone.delete()
    assert list(TextTranslation.objects.values_list("text", flat=True)) == ["Zostaje"]


def test_the_batch_read_can_be_limited_to_some_fields():
    event = EventFactory(title="Coffee morning", description="Tea.")
    text_translation_set(obj=event, field="title", language="pl", text="Poranna kawa")
    text_translation_set(obj=event, field="description", language="pl", text="Herbata.")
    fresh = type(event).objects.get(pk=event.pk)
    text_translations_apply(objects=[fresh], language="pl", fields=["title"])
    assert text_translated(obj=fresh, field="title", language="pl") == "Poranna kawa"
    assert text_translated(obj=fresh, field="description", language="pl") == "Tea."


def test_the_filter_shows_a_plain_record_as_it_is():
    template = Template("{% load translations_tags %}{{ record|translated:'statement' }}")
    with translation.override("pl"):
        assert template.render(Context({"record": {"statement": "I can send an email"}})) == (
            "I can send an email"
        )
