"""What notifications adds to the account hooks (training/users/hooks.py)."""

from wagtail import hooks

from notifications.selectors import notifications_export
from training.users.hooks import DATA_EXPORT_SECTIONS, EXPORT_ORDER_NOTIFICATIONS


@hooks.register(DATA_EXPORT_SECTIONS, order=EXPORT_ORDER_NOTIFICATIONS)
def notifications_data_export(*, person) -> dict:
    """The "notifications" section of "Download my data"."""
    return {"notifications": notifications_export(person=person)}
