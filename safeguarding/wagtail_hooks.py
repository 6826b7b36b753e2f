"""Confidential reports join in "Download my data" and account deletion (training.users.hooks)."""

from wagtail import hooks

from safeguarding.reporting_selectors import reports_export
from safeguarding.reporting_services import reporter_unlink
from training.users.hooks import ACCOUNT_DELETE, DATA_EXPORT_SECTIONS, EXPORT_ORDER_VOICE


@hooks.register(DATA_EXPORT_SECTIONS, order=EXPORT_ORDER_VOICE + 1)
def safeguarding_data_export(*, person):
    return {"confidential_reports": reports_export(person=person)}


@hooks.register(ACCOUNT_DELETE, order=26)  # after voice (25), before dashboards (30)
def safeguarding_account_delete(*, person):
    """The reports stay (officers may still be acting on them); the link to the account goes."""
    reporter_unlink(person=person)
