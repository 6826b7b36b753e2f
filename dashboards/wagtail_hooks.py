"""What dashboards adds to the account hooks (training/users/hooks.py)."""

from wagtail import hooks

from dashboards.selectors import dashboard_exports_export
from dashboards.services import account_exports_delete
from training.users.hooks import ACCOUNT_DELETE, DATA_EXPORT_SECTIONS, EXPORT_ORDER_DASHBOARDS


@hooks.register(DATA_EXPORT_SECTIONS, order=EXPORT_ORDER_DASHBOARDS)
def dashboards_data_export(*, person) -> dict:
    """The "dashboard_exports" section of "Download my data"."""
    return {"dashboard_exports": dashboard_exports_export(person=person)}


# Before an account is deleted: remove the dashboard files the person downloaded.
hooks.register(ACCOUNT_DELETE, account_exports_delete, order=30)
