from django.utils import timezone

import pytest

from tests.factories.courses import LessonPageFactory
from training.core.tasks import pages_publish_scheduled

pytestmark = pytest.mark.django_db


def test_scheduled_pages_go_live_when_the_beat_task_runs(settings, client):
    assert "publish-scheduled-pages" in settings.CELERY_BEAT_SCHEDULE
    lesson = LessonPageFactory(title="Coming soon")
    lesson.unpublish()
    lesson.title = "Now live"
    lesson.go_live_at = timezone.now() - timezone.timedelta(minutes=1)
    lesson.save_revision(approved_go_live_at=lesson.go_live_at)
    assert client.get(lesson.url).status_code == 404

    pages_publish_scheduled.delay()

    response = client.get(lesson.url)
    assert response.status_code == 200
    assert "Now live" in response.content.decode()
