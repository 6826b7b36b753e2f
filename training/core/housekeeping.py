"""Deleting rows that are no longer needed, a batch at a time.

The nightly housekeeping jobs (expired sessions, old notifications) delete rows that pile up.
In steady state a night's share is small, but the first run on a database that was never
cleared could find millions; one ``DELETE`` of them all would hold its locks and fill the
write-ahead log for minutes. So each batch is its own short transaction: a job stopped part-way
(a deploy, the task's time limit) keeps what it deleted, and the next run carries on.
"""

from django.db import models, transaction

# Rows per DELETE: a fraction of a second each on PostgreSQL, and well under SQLite's limit of
# variables in one statement.
BATCH_SIZE = 5000


def rows_delete_in_batches(*, queryset: models.QuerySet, batch_size: int = BATCH_SIZE) -> int:
    """Delete every row of ``queryset``, ``batch_size`` rows per transaction; how many went.

    Each batch is deleted through ``queryset`` itself, so a row that stopped matching between
    the read of the batch and its deletion stays. Counts the rows of ``queryset``'s model only
    (not rows deleted with them by a cascade).
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    label = queryset.model._meta.label
    deleted = 0
    while True:
        pks = list(queryset.order_by().values_list("pk", flat=True)[:batch_size])
        if not pks:
            return deleted
        with transaction.atomic():
            _, per_model = queryset.filter(pk__in=pks).delete()
        deleted += per_model.get(label, 0)
        if len(pks) < batch_size:
            return deleted
