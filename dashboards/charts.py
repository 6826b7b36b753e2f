"""Charts drawn on the server as SVG: no JavaScript, and always with the same figures in a table
beside them (the table is what screen readers and the CSV use)."""

from dataclasses import dataclass

from dashboards.suppression import is_suppressed

WIDTH = 640
HEIGHT = 240
LEFT = 44
BOTTOM = 28
TOP = 12


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: str
    suppressed: bool


@dataclass(frozen=True)
class BarChart:
    title: str
    bars: list[Bar]
    gridlines: list[tuple[float, int]]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    baseline: float = HEIGHT - BOTTOM


def _nice_top(value: int) -> int:
    """A round number at or above ``value`` for the top of the scale."""
    if value <= 5:
        return 5
    step = 10 ** (len(str(value)) - 1)
    for multiple in (1, 2, 5, 10):
        if multiple * step >= value:
            return multiple * step
    return 10 * step


def bar_chart(*, title: str, points: list[tuple[str, object]]) -> BarChart | None:
    """Bars for (label, value) points; a suppressed value gets no bar and is marked "–"."""
    if not points:
        return None
    numbers = [value for _label, value in points if not is_suppressed(value)]
    top = _nice_top(max(numbers, default=0))
    plot_height = HEIGHT - BOTTOM - TOP
    slot = (WIDTH - LEFT) / len(points)
    bars = []
    for index, (label, value) in enumerate(points):
        hidden = is_suppressed(value)
        height = 0 if hidden else plot_height * value / top
        bars.append(
            Bar(
                x=round(LEFT + index * slot + slot * 0.15, 1),
                y=round(HEIGHT - BOTTOM - height, 1),
                width=round(slot * 0.7, 1),
                height=round(height, 1),
                label=label,
                value=str(value),  # a hidden figure reads "hidden"
                suppressed=hidden,
            )
        )
    gridlines = [
        (round(HEIGHT - BOTTOM - plot_height * share, 1), round(top * share))
        for share in (0, 0.5, 1)
    ]
    return BarChart(title=title, bars=bars, gridlines=gridlines)
