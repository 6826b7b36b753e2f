"""Small-number suppression: the one rule for every figure the dashboards publish.

**Primary suppression.** A figure that describes a group of 1 to 4 learners is not shown (on the
page, in charts and in every CSV file), so nobody can be singled out. A group of nobody (0) is
shown: it reveals no one.

**Secondary suppression.** Hiding one figure is not enough when the figures beside it add up to
a total that is shown: "Birch" is hidden, but the total (9) minus "Alder" (7) gives it away.
So, as the Office for National Statistics and most official statistics do, in every column whose
figures add up to a total shown anywhere on the dashboard (:func:`secondary_suppress`):

- a hidden figure is never alone: if only one figure of the column is hidden, the next-smallest
  is hidden too;
- the hidden figures must stand for 5 or more learners together (else two hidden groups of 1
  could still be worked out), so the next-smallest is hidden until they do.

Every hidden figure, whichever rule hid it, reads the same ("hidden"), so nobody can tell which
one was small. Tables are suppressed once, in ``reports.py``, before the page, the CSV files, the
export and the stored snapshots use them.
"""

from django.utils.translation import gettext_lazy as _

SMALLEST_GROUP = 5


class Suppressed:
    """Stands in for a hidden figure, however it came to be hidden. Prints as "hidden"."""

    def __str__(self) -> str:
        return str(_("hidden"))

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


def secondary_suppress(cells: list, sizes: list[int]) -> set[int]:
    """The positions of the figures of one column to hide as well, so that no hidden figure can be
    worked out from the column's total by subtraction.

    ``cells`` are the column's figures after primary suppression; ``sizes`` the number of learners
    each stands for (the column's figures add up to a total shown somewhere). While the hidden
    figures are fewer than two, or stand for fewer than 5 learners together, the next-smallest
    shown figure (by learners, never a group of nobody) is hidden too. Pure: no queries.
    """
    hidden = [index for index, cell in enumerate(cells) if is_suppressed(cell)]
    if not hidden:
        return set()
    count, covered = len(hidden), sum(sizes[index] or 0 for index in hidden)
    candidates = sorted(
        (size, index)
        for index, (cell, size) in enumerate(zip(cells, sizes, strict=True))
        if not is_suppressed(cell) and size
    )
    more: set[int] = set()
    for size, index in candidates:
        if count >= 2 and covered >= SMALLEST_GROUP:
            break
        more.add(index)
        count, covered = count + 1, covered + size
    return more
