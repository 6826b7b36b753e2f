"""Small-number suppression: the one rule for every figure the dashboards publish.

A figure that describes a group of 1 to 4 learners is not shown (on the page, in charts and in
every CSV file), so nobody can be singled out. A group of nobody (0) is shown: it reveals no one.
"""

from django.utils.translation import gettext_lazy as _

SMALLEST_GROUP = 5


class Suppressed:
    """Stands in for a hidden figure. Prints as "fewer than 5"."""

    def __str__(self) -> str:
        return str(_("fewer than %(number)s") % {"number": SMALLEST_GROUP})

    def __repr__(self) -> str:
        return "SUPPRESSED"

    def __eq__(self, other) -> bool:
        return isinstance(other, Suppressed)

    def __hash__(self) -> int:
        return hash(Suppressed)


SUPPRESSED = Suppressed()


def suppress(value, *group_sizes: int | None):
    """``value``, or :data:`SUPPRESSED` if any group it describes has 1 to 4 learners.

    Pass the size of every group of learners the figure is about: for a count of learners, the
    count itself; for "12 lessons done by 3 learners", 3; for "2 of 40 finishers", both 2 and 40.
    """
    if any(size is not None and 0 < size < SMALLEST_GROUP for size in group_sizes):
        return SUPPRESSED
    return value


def is_suppressed(value) -> bool:
    return isinstance(value, Suppressed)
