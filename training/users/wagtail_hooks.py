"""What this app adds to its own account hooks (training/users/hooks.py)."""

from wagtail import hooks

from training.users.data_rights.selectors import activity_export
from training.users.hooks import DATA_EXPORT_SECTIONS, EXPORT_ORDER_ACTIVITY

# "Download my data": the person's own events in the activity stream.
hooks.register(DATA_EXPORT_SECTIONS, activity_export, order=EXPORT_ORDER_ACTIVITY)
