"""Homes on the Net: the Django project package and its site-wide apps."""

from training.celery import app as celery_app

__all__ = ["celery_app"]
