"""Bar charts as HTML: drawn at build time, nothing fetched, readable on a phone and in both palettes.

Bars are HTML, not SVG: an SVG's text shrinks with its viewBox (a 640-unit chart on a 375 px
phone drew its labels at 6 px), while HTML text keeps the page's size and wraps. Bars run
across, so a long period name (2021年第一季度) sits on its own line instead of under a narrow
bar. Every bar carries its number as text, every part of a stacked bar is listed with its name
and number, so colour is never the only way to tell series apart; the colours are classes
(bulletin-c1 …) that the stylesheet sets from the Okabe–Ito palette, for the light and the
dark (slate) scheme. A chart of one category is no chart: it is stated as a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from .amounts import Count, Yuan, digits_of

N_COLOURS = 8  # bulletin-c1 … bulletin-c8 in bulletin.css


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
    """A bar's length only (never shown); a lower bound (1800多) is drawn to its bound, its text keeps the 多."""
    if value is None:
        return 0.0
    return float(value.value if isinstance(value, Count) else digits_of(value))


def render_chart(chart: Chart) -> str:
    """One raw HTML block with no blank lines: a <figure> of bars, or a sentence for one category."""
    if len(chart.categories) == 1:
        return _statement(chart)
    if chart.stacked:
        lengths = [sum(_number(s.values[i]) for s in chart.series) for i in range(len(chart.categories))]
    else:
        lengths = [_number(v) for s in chart.series for v in s.values]
    longest = max(lengths, default=0) or 1.0
    parts = [
        f'<figure class="bulletin-chart" data-bulletin-chart="{escape(chart.key)}">',
        f"<figcaption>{escape(chart.title)} <small>單位：{escape(chart.unit)}</small></figcaption>",
    ]
    for i, category in enumerate(chart.categories):
        parts.append('<div class="bulletin-bar-group">')
        parts.append(f'<div class="bulletin-bar-label">{escape(category)}</div>')
        if chart.stacked:
            parts.append(_stacked_row(chart, i, longest))
        else:
            for j, series in enumerate(chart.series):
                parts.append(_bar_row(chart, series, j, i, longest))
        parts.append("</div>")
    parts.append("</figure>")
    return "\n".join(parts)


def _width(value: Count | Yuan | None, longest: float) -> str:
    return f"{100 * _number(value) / longest:.2f}%"


def _bar_row(chart: Chart, series: Series, j: int, i: int, longest: float) -> str:
    """One bar and its number; with several series the number is named (團體 3), as the bar's colour is."""
    value = series.values[i]
    name = f"{escape(series.name)} " if len(chart.series) > 1 else ""
    text = escape(series.texts[i]) if value is not None else "—"
    bar = (f'<span class="bulletin-bar {_colour(j)}" style="width:{_width(value, longest)}"></span>'
           if _number(value) else "")  # nothing drawn for no figure (—) or a zero
    return (f'<div class="bulletin-bar-row"><span class="bulletin-bar-track" aria-hidden="true">{bar}</span>'
            f'<span class="bulletin-bar-value">{name}{text}</span></div>')


def _stacked_row(chart: Chart, i: int, longest: float) -> str:
    """One bar of parts, then each part named with its number (a thin part has no room for it)."""
    present = [(j, s) for j, s in enumerate(chart.series) if s.values[i] is not None]
    segments = "".join(f'<span class="bulletin-bar {_colour(j)}" style="width:{_width(s.values[i], longest)}"></span>'
                       for j, s in present)
    items = "".join(f'<li class="bulletin-bar-part"><span class="bulletin-swatch {_colour(j)}" aria-hidden="true"></span>'
                    f"{escape(s.name)} {escape(s.texts[i])}</li>" for j, s in present)
    return (f'<div class="bulletin-bar-row"><span class="bulletin-bar-track" aria-hidden="true">{segments}</span></div>'
            f'<ul class="bulletin-bar-parts">{items}</ul>')


def _colour(j: int) -> str:
    return f"bulletin-c{j % N_COLOURS + 1}"


def _statement(chart: Chart) -> str:
    """One category as a sentence: one bar would show nothing a number does not say better."""
    category = chart.categories[0]
    values = "、".join(
        (f"{s.name} " if len(chart.series) > 1 else "") + f"{s.texts[0]}{chart.unit}"
        for s in chart.series if s.values[0] is not None
    )
    return (f'<p class="bulletin-figure" data-bulletin-figure="{escape(chart.key)}">'
            f"<strong>{escape(chart.title)}</strong>：{escape(category)} {escape(values or '無數據')}。</p>")
