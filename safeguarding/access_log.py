"""The access log of confidential reports: one service writes it (``access_log_record``).

Every officer page, file download, export, refusal and retention deletion calls it. It is
append-only (``AccessLogEntry`` refuses changes and deletions), holds references and actions,
never report content, and outlives both the reports (retention) and the accounts (a name and an
id, no foreign key).

Who sees it: Managers see counts only (``safeguarding.selectors.access_log_counts`` on the
dashboard); superusers may read the entries, read-only, in the Django admin, to audit the
officers; the officers themselves cannot read, change or delete it.
"""

from django.http import HttpRequest

from safeguarding.models.handling import AccessAction, AccessLogEntry


def _name_of(person) -> str:
    if person is None or not getattr(person, "is_authenticated", False):
        return ""
    name = getattr(person, "name", "") or person.get_username()
    return f"{name} <{person.email}>" if getattr(person, "email", "") else str(name)


def access_log_record(
    *,
    person,
    action: AccessAction | str,
    report=None,
    reference: str = "",
    detail: str = "",
    request: HttpRequest | None = None,
) -> AccessLogEntry:
    """Write one entry: ``person`` (None or a visitor for the system or nobody) did ``action``
    to ``report`` (or the report with ``reference``). ``detail`` must never hold content."""
    signed_in = person is not None and getattr(person, "is_authenticated", False)
    return AccessLogEntry.objects.create(
        person_id=person.pk if signed_in else None,
        person_name=_name_of(person),
        action=AccessAction(action),
        report_reference=report.reference if report is not None else reference,
        detail=detail[:200],
        path=request.path[:300] if request is not None else "",
    )
