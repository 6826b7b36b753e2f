"""Celery tasks of the progress tracker. Thin: each loads its objects and calls a service.

Enqueued with transaction.on_commit, and idempotent: running one twice changes nothing more.
"""
