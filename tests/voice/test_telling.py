"""voice.telling.people_tell_once: each person told once, with the kind asked for, in their own
language; a person already told (the record refuses them) is skipped."""

from django.db import IntegrityError
from django.utils import translation

import pytest

from notifications.models import Notification, NotificationKind
from notifications.texts import notice_text
from tests.factories.users import UserFactory
from voice.telling import people_tell_once

pytestmark = pytest.mark.django_db


def test_each_person_is_told_once_with_the_kind_given():
    first, second, told_before = UserFactory.create_batch(3)
    records: set[int] = {told_before.pk}

    def record(person):
        if person.pk in records:
            raise IntegrityError("told before")
        records.add(person.pk)

    def tell():
        return people_tell_once(
            people=[first, second, told_before],
            told_record=record,
            kind=NotificationKind.CONSULTATION_DECISION,
            subject="What we decided: Benches",
            body="The results are published.",
            url="/voice/consultations/benches/",
            dedupe_prefix="consultation-7",
        )

    assert tell() == 2
    assert tell() == 0
    told = Notification.objects.all()
    assert sorted(told.values_list("recipient_id", flat=True)) == sorted([first.pk, second.pk])
    assert set(told.values_list("kind", flat=True)) == {NotificationKind.CONSULTATION_DECISION}
    assert set(told.values_list("dedupe_key", flat=True)) == {
        f"consultation-7-{first.pk}",
        f"consultation-7-{second.pk}",
    }


def test_the_words_are_read_once_per_person_in_their_language():
    people = [UserFactory(preferred_language=code) for code in ("pl", "ur", "en-gb")]
    seen: list[str | None] = []

    def words() -> str:
        seen.append(translation.get_language())
        return "News"

    with translation.override("pa"):
        people_tell_once(
            people=people,
            told_record=lambda person: None,
            kind=NotificationKind.IMPROVEMENT,
            subject=notice_text(words),
            body="Body",
            url="/",
            dedupe_prefix="improvement-1",
        )
    assert seen == ["pl", "ur", "en-gb"]
