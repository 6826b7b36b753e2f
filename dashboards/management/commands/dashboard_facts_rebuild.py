"""Work out the dashboard's fact tables again from the raw rows.

Safe to run at any time (one transaction: the dashboard reads the old rows until it ends).
Run it after loading data with raw SQL, fixtures or bulk inserts, after changing ``TIME_ZONE``
or moving skills between areas, and after editing a learner's place in the Django admin.
"""

import time

from django.core.management.base import BaseCommand

from courses.progress.services import enrolments_lessons_done_rebuild
from dashboards.facts import facts_rebuild
from training.core.services import learner_activity_rebuild


class Command(BaseCommand):
    help = "Work out the dashboard's fact tables again from the raw rows."

    def handle(self, *args, **options) -> None:
        started = time.perf_counter()
        places, learners = facts_rebuild()
        self.stdout.write(
            f"Dashboard facts rebuilt: {places} place rows and {learners} learner rows "
            f"in {time.perf_counter() - started:.1f} s."
        )
        # Sustained engagement reads each learner's last activity (training.core).
        started = time.perf_counter()
        learners_active = learner_activity_rebuild()
        enrolments_lessons_done_rebuild()  # the courses' "got halfway"
        self.stdout.write(
            f"Learners' last activity rebuilt: {learners_active} rows "
            f"in {time.perf_counter() - started:.1f} s."
        )
