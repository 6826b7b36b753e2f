"""Working days: Monday to Friday, except bank holidays in England and Wales.

The dates are gov.uk's (https://www.gov.uk/bank-holidays), including the substitute days when
a holiday falls at a weekend. A deployment can replace the whole list with the setting
``VOICE_BANK_HOLIDAYS`` (dates, or ``"YYYY-MM-DD"`` strings): for Scotland or Northern Ireland,
a one-off holiday, or the years after 2028, which this list does not hold yet (after it runs
out only weekends are skipped).
"""

from collections.abc import Iterable
from datetime import date, timedelta

from django.conf import settings

ENGLAND_AND_WALES_BANK_HOLIDAYS: frozenset[date] = frozenset(
    {
        # 2024
        date(2024, 1, 1),  # New Year's Day
        date(2024, 3, 29),  # Good Friday
        date(2024, 4, 1),  # Easter Monday
        date(2024, 5, 6),  # Early May bank holiday
        date(2024, 5, 27),  # Spring bank holiday
        date(2024, 8, 26),  # Summer bank holiday
        date(2024, 12, 25),  # Christmas Day
        date(2024, 12, 26),  # Boxing Day
        # 2025
        date(2025, 1, 1),
        date(2025, 4, 18),
        date(2025, 4, 21),
        date(2025, 5, 5),
        date(2025, 5, 26),
        date(2025, 8, 25),
        date(2025, 12, 25),
        date(2025, 12, 26),
        # 2026
        date(2026, 1, 1),
        date(2026, 4, 3),
        date(2026, 4, 6),
        date(2026, 5, 4),
        date(2026, 5, 25),
        date(2026, 8, 31),
        date(2026, 12, 25),
        date(2026, 12, 28),  # Boxing Day (substitute day: the 26th is a Saturday)
        # 2027
        date(2027, 1, 1),
        date(2027, 3, 26),
        date(2027, 3, 29),
        date(2027, 5, 3),
        date(2027, 5, 31),
        date(2027, 8, 30),
        date(2027, 12, 27),  # Christmas Day (substitute day)
        date(2027, 12, 28),  # Boxing Day (substitute day)
        # 2028
        date(2028, 1, 3),  # New Year's Day (substitute day)
        date(2028, 4, 14),
        date(2028, 4, 17),
        date(2028, 5, 1),
        date(2028, 5, 29),
        date(2028, 8, 28),
        date(2028, 12, 25),
        date(2028, 12, 26),
    }
)


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def bank_holidays() -> frozenset[date]:
    """The bank holidays in use: the setting ``VOICE_BANK_HOLIDAYS`` if there is one, else
    England and Wales'."""
    chosen: Iterable[date | str] | None = getattr(settings, "VOICE_BANK_HOLIDAYS", None)
    if chosen is None:
        return ENGLAND_AND_WALES_BANK_HOLIDAYS
    return frozenset(_as_date(value) for value in chosen)


def is_working_day(day: date, *, holidays: frozenset[date] | None = None) -> bool:
    if holidays is None:
        holidays = bank_holidays()
    return day.weekday() < 5 and day not in holidays


def working_days_before(*, day: date, working_days: int) -> date:
    """The date ``working_days`` working days before ``day`` (weekends and bank holidays are
    not counted): with 1, the working day before."""
    holidays = bank_holidays()
    current = day
    left = working_days
    while left > 0:
        current -= timedelta(days=1)
        if is_working_day(current, holidays=holidays):
            left -= 1
    return current
