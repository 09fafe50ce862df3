"""Bar charts as inline SVG: drawn at build time, nothing fetched, readable in both palettes.

Colours come from Material's CSS variables (with fallbacks), so a chart follows the light or
dark scheme the reader chose; labels are text in the SVG, so Chinese renders with the page's
fonts; every number is also in the chart's <desc> for screen readers.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from .amounts import Count, Yuan, digits_of

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 16, 16, 28, 96
COLOURS = (
    "var(--md-primary-fg-color, #4051b5)", "var(--md-accent-fg-color, #526cfe)",
    "#e39b2d", "#3fa66b", "#c2453d", "#7b5ea7", "#2d8fa8", "#a8742d",
)
TEXT = "fill: var(--md-default-fg-color, #333)"
AXIS = "stroke: var(--md-default-fg-color--lighter, #bbb)"


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[Count | Yuan | None, ...]
    texts: tuple[str, ...]


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str
    stacked: bool = False


def _number(value: Count | Yuan | None) -> float:
    """A bar's height; a lower bound (1800多) is drawn to its bound, and its label keeps the 多."""
    if value is None:
        return 0.0
    return float(value.value if isinstance(value, Count) else digits_of(value))


def render_chart(chart: Chart) -> str:
    """One <figure> holding the SVG; a raw HTML block with no blank lines."""
    n_categories, n_series = len(chart.categories), len(chart.series)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    if chart.stacked:
        heights = [sum(_number(s.values[i]) for s in chart.series) for i in range(n_categories)]
    else:
        heights = [_number(v) for s in chart.series for v in s.values]
    top = max(heights, default=0) or 1.0
    slot = plot_w / max(n_categories, 1)
    crowded = max((len(c) for c in chart.categories), default=0) * 12 + 8 > slot
    bar_w = slot * 0.6 / (1 if chart.stacked else n_series)
    parts = [
        f'<figure class="bulletin-chart" data-bulletin-chart="{escape(chart.key)}">',
        f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" '
        f'aria-labelledby="{escape(chart.key)}-t {escape(chart.key)}-d" xmlns="http://www.w3.org/2000/svg" '
        'style="max-width:100%;height:auto;font-size:12px">',
        f'<title id="{escape(chart.key)}-t">{escape(chart.title)}（{escape(chart.unit)}）</title>',
        f'<desc id="{escape(chart.key)}-d">{escape(_describe(chart))}</desc>',
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" style="{AXIS}"/>',
    ]
    for i, category in enumerate(chart.categories):
        x0 = LEFT + slot * i + slot * 0.2
        base = TOP + plot_h
        for j, series in enumerate(chart.series):
            value = _number(series.values[i])
            h = plot_h * value / top
            x = x0 if chart.stacked else x0 + bar_w * j
            y = base - h
            colour = COLOURS[j % len(COLOURS)]
            if value:
                parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" style="fill: {colour}">'
                             f"<title>{escape(category)} {escape(series.name)}：{escape(series.texts[i])}</title></rect>")
                if not chart.stacked:
                    parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" style="{TEXT}">'
                                 f"{escape(series.texts[i])}</text>")
            if chart.stacked:
                base = y
        label_x, label_y = LEFT + slot * i + slot / 2, TOP + plot_h + 16
        if crowded:  # slanted, so long period names (2021年第一季度) do not run into each other
            parts.append(f'<text x="{label_x:.1f}" y="{label_y}" text-anchor="end" '
                         f'transform="rotate(-35 {label_x:.1f} {label_y})" style="{TEXT}">{escape(category)}</text>')
        else:
            parts.append(f'<text x="{label_x:.1f}" y="{label_y + 2}" text-anchor="middle" style="{TEXT}">{escape(category)}</text>')
    parts.append(_legend(chart))
    parts.append("</svg>")
    parts.append(f"<figcaption>{escape(chart.title)}（{escape(chart.unit)}）</figcaption>")
    parts.append("</figure>")
    return "\n".join(parts)


def _legend(chart: Chart) -> str:
    items, x = [], LEFT
    for j, series in enumerate(chart.series):
        colour = COLOURS[j % len(COLOURS)]
        items.append(f'<rect x="{x}" y="{HEIGHT - 18}" width="10" height="10" style="fill: {colour}"/>'
                     f'<text x="{x + 14}" y="{HEIGHT - 9}" style="{TEXT}">{escape(series.name)}</text>')
        x += 14 + 13 * len(series.name) + 16
    return "".join(items)


def _describe(chart: Chart) -> str:
    """Every number of the chart as a sentence: what a screen reader says instead of the bars."""
    parts = []
    for i, category in enumerate(chart.categories):
        values = "，".join(f"{s.name}{s.texts[i]}" for s in chart.series if s.values[i] is not None)
        parts.append(f"{category}：{values or '無數據'}")
    return "；".join(parts) + "。"
