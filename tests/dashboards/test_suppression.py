import pytest

from dashboards.suppression import SUPPRESSED, is_suppressed, suppress


@pytest.mark.parametrize("size", [1, 2, 3, 4])
def test_groups_of_one_to_four_are_hidden(size):
    assert suppress(size, size) is SUPPRESSED
    assert str(SUPPRESSED) == "hidden"


@pytest.mark.parametrize("size", [0, 5, 6, 1000])
def test_nobody_and_five_or_more_are_shown(size):
    assert suppress(size, size) == size


def test_any_small_group_hides_the_figure():
    # "2 of 40 finishers": the 2 are a small group.
    assert is_suppressed(suppress("5%", 2, 40))
    # "12 lessons by 3 learners".
    assert is_suppressed(suppress(12, 3))
    assert suppress("50%", 20, 40) == "50%"
