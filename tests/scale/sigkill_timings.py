"""The SIGKILL test's timings, shared by the test and its workers' settings."""

# Seconds after delivery before Redis hands an unacknowledged task to another worker (kombu's
# visibility timeout; production keeps an hour). Longer than any task of the test runs.
VISIBILITY_TIMEOUT = 8
# The outbox's lease on an email being sent (production: 5 minutes, longer than the send task's
# time limit). Longer than the test's mail server takes.
LEASE_SECONDS = 3
# An unsent email is handed to Celery again this long after it last was (production: 15 min).
RETRY_AFTER_SECONDS = 2
