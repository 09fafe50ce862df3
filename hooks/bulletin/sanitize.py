"""Raw HTML in narratives through an allowlist: editors may format a page, never make it run code.

Editors are trusted to write HTML in a narrative (a table of their own, a coloured word, a
`<details>`), but a widget pasted from elsewhere brings `<script>`, `onclick=`, `javascript:`
links, iframes and forms with it. Every editor-written page's HTML, as Markdown made it, goes
through nh3 (Python's binding of the Rust sanitizer ammonia, which parses as browsers do) with
the allowlist below: what Markdown, its usual extensions, Material and our own pages produce.
The site's Content-Security-Policy (scripts/nginx/bulletin.conf) is the second wall, in the
reader's browser.

Nothing is removed silently: `clean` names each element, attribute or address it took out, and
`problems` turns them into located warnings, the line found by searching the narrative's source.

This runs after Markdown and before `fragments.restore`: our computed tables and charts are still
placeholders then, so nh3 never parses them (they are escaped by construction, see render.py).
The allowlist keeps them anyway, so a page with them inline comes out unchanged too.

What goes, and why:
- scripts (`<script>`, `<noscript>`, `<template>`), event attributes (`on…=`) and addresses that
  run or smuggle content (`javascript:`, `vbscript:`, `data:`; any scheme but http, https, mailto
  and tel): they would run in every reader's browser;
- `<iframe>`, `<object>`, `<embed>`, frames: the site embeds no other site or plug-in;
- `<form>` and its controls: the archive collects nothing;
- `<style>`: a style sheet in one narrative restyles the whole site (a `style` attribute stays:
  it touches its own element only, and Markdown's aligned tables and our charts use it);
- `<base>`, `<meta>`, `<link>`: they change the whole page (its links, encoding, a redirect);
- anything else not listed, kept as its text.
HTML comments are dropped without a word: they never showed, and they should not reach the
page source either.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import nh3

from .problems import Location, Problem, quote

# What Markdown (with toc, tables, admonition, attr_list, md_in_html, footnotes, def_list, abbr,
# pymdownx.details/highlight/superfences/mark/caret/tilde/keys), Material and our pages produce.
_HTML_TAGS = {
    "a", "abbr", "acronym", "address", "article", "aside", "audio", "b", "bdi", "bdo", "blockquote",
    "br", "caption", "center", "cite", "code", "col", "colgroup", "data", "dd", "del", "details",
    "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hgroup", "hr", "i", "img", "ins", "kbd", "li", "mark", "nav", "ol", "p", "pre",
    "q", "rp", "rt", "rtc", "ruby", "s", "samp", "section", "small", "source", "span", "strike",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr",
    "track", "tt", "u", "ul", "var", "video", "wbr",
}
# Inline SVG: Material's icons and emoji, a narrative's drawings (our charts are HTML). No <use>,
# <image>, <foreignObject>, <animate>/<set> or <style>: they fetch, embed HTML or rewrite attributes.
_SVG_TAGS = {"svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text",
             "tspan", "title", "desc"}
_SVG_ATTRIBUTES = {
    "viewBox", "preserveAspectRatio", "xmlns", "width", "height", "x", "y", "x1", "y1", "x2", "y2",
    "cx", "cy", "r", "rx", "ry", "dx", "dy", "d", "points", "transform", "fill", "fill-opacity",
    "fill-rule", "clip-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap",
    "stroke-linejoin", "stroke-dasharray", "opacity", "text-anchor", "dominant-baseline",
    "font-size", "font-weight", "font-family", "focusable", "version",
}
_TABLE_PARTS = {"align", "char", "charoff", "valign"}
_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir", "role", "hidden", "tabindex", "style", "translate"},
    "a": {"href", "hreflang", "download", "target", "rel", "type", "name"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "align"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "details": {"open"},
    "time": {"datetime"},
    "data": {"value"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "hr": {"align", "size", "width"},
    "table": _TABLE_PARTS | {"summary", "width"},
    "thead": _TABLE_PARTS, "tbody": _TABLE_PARTS, "tfoot": _TABLE_PARTS, "tr": _TABLE_PARTS,
    "col": _TABLE_PARTS | {"span", "width"}, "colgroup": _TABLE_PARTS | {"span", "width"},
    "td": _TABLE_PARTS | {"colspan", "rowspan", "headers", "width"},
    "th": _TABLE_PARTS | {"colspan", "rowspan", "headers", "scope", "abbr", "width"},
    "video": {"src", "controls", "width", "height", "preload", "muted", "loop", "playsinline"},
    "audio": {"src", "controls", "preload", "muted", "loop"},
    "source": {"src", "type"},
    "track": {"src", "kind", "srclang", "label", "default"},
    **{tag: _SVG_ATTRIBUTES for tag in _SVG_TAGS},
}
_PREFIXES = {"aria-", "data-"}
URL_SCHEMES = {"http", "https", "mailto", "tel"}  # and addresses relative to the page
# Removed with everything inside them: their content is code or never shown.
_GONE_WITH_CONTENT = {"script", "style", "template", "noscript", "iframe", "noembed", "noframes",
                      "xmp", "textarea", "select"}

_CLEANER = nh3.Cleaner(
    tags=_HTML_TAGS | _SVG_TAGS,
    clean_content_tags=_GONE_WITH_CONTENT,
    attributes=_ATTRIBUTES,
    generic_attribute_prefixes=_PREFIXES,
    url_schemes=URL_SCHEMES,
    link_rel=None,  # leave links as written: a rel of our own would change every page
    strip_comments=True,
)

_EXPECTED = "應為安全的 HTML"
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
         "source", "track", "wbr"}
_URL_ATTRIBUTES = {"href", "src", "cite", "action", "formaction", "poster", "data", "srcset", "xlink:href"}

_ELEMENT_HINTS = [
    ({"script", "noscript", "template"}, "敘述中不能放腳本，網頁的互動由網站本身提供；需要時請找網站維護人員"),
    ({"iframe", "object", "embed", "frame", "frameset", "applet", "portal", "noembed", "noframes"},
     "網站不嵌入其他網頁、影音平台或外掛程式；請改為一般連結"),
    ({"form", "input", "button", "select", "option", "optgroup", "textarea", "fieldset", "legend",
      "label", "output", "datalist"}, "檔案網站不收集資料，不能放表單；請改為文字或連結"),
    ({"style"}, "樣式表會改變整個網站的外觀；個別文字可用 style 屬性，整站的樣式請找網站維護人員加入 bulletin.css"),
    ({"base", "meta", "link", "html", "head", "body", "title"},
     "這個標籤會改變整頁（連結的基準、編碼、重新導向）或只屬於完整的網頁，敘述中不能用；請刪去"),
]
_OTHER_ELEMENT_HINT = "請改用 Markdown 的格式，或常見的排版標籤（p、span、strong、table、img、details 等）"
_EVENT_HINT = "on 開頭的事件屬性會執行腳本，敘述中不能用；請刪去這個屬性"
_OTHER_ATTRIBUTE_HINT = "請刪去這個屬性；可用的是 id、class、title、style、aria-*、data-* 與各標籤的常用屬性"
_DATA_URL_HINT = "不能把檔案內容直接寫進網址；請把圖片或檔案放進 docs/ 資料夾，再用相對路徑連結"
_URL_HINT = "連結只能指向網址（http:、https:）、電郵（mailto:）、電話（tel:）或本站的頁面與檔案"


@dataclass(frozen=True)
class Removed:
    """One thing taken out of a page: what it was (for the message) and how to find it in the source."""

    what: str
    hint: str
    needles: tuple[str, ...]  # regular expressions, tried in order, to find it in the narrative


@dataclass(frozen=True)
class Cleaned:
    html: str
    removed: list[Removed]


def clean(html: str, report: bool = True) -> Cleaned:
    """The page's HTML with only what the allowlist keeps, and (with `report`) what was taken out.

    Without `report` only nh3 runs: for pages whose editor content is reported elsewhere (a year's
    print page repeats its narratives).
    """
    cleaned = _CLEANER.clean(html)
    return Cleaned(cleaned, _removed(html, cleaned) if report and _may_have_lost(html, cleaned) else [])


def problems(removed: list[Removed], shown_as: str, source: Path | str | None) -> list[Problem]:
    """One warning per removed thing, at its line in the narrative when the source shows it.

    `source` is the narrative file (or its text); the n-th removed `<script>` is looked for as the
    n-th `<script` in the text outside code blocks and code spans.
    """
    if not removed:
        return []
    if isinstance(source, Path):
        try:
            source = source.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            source = None
    searched = _without_code(source or "")
    seen: Counter[tuple[str, ...]] = Counter()
    found = []
    for item in removed:
        nth = seen[item.needles]
        seen[item.needles] += 1
        found.append(Problem(_locate(searched, item.needles, nth, shown_as), "html",
                             f"{_EXPECTED}，實為 {item.what}", item.hint))
    return sorted(found, key=Problem.sort_key)


# What was removed: the start tags and attributes of the input that the output no longer has,
# both read by the same tokenizer. Elements nh3 adds (a table's <tbody>) or repeats (misnested
# <b>) only add to the output; a removal always takes something away.


@dataclass(frozen=True)
class _Tag:
    name: str
    attributes: tuple[tuple[str, str], ...]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[_Tag] = []
        self.ends: list[tuple[int, str]] = []  # (index in tags when met, name)

    def handle_starttag(self, tag, attrs):
        self.tags.append(_Tag(tag, tuple((name, value or "") for name, value in attrs)))

    def handle_endtag(self, tag):
        self.ends.append((len(self.tags), tag))


def _tags(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser


# A quick look first, since nearly every page loses nothing: nh3 keeps all text, adds no attribute
# and only ever adds elements, so if every tag name and attribute name is found in the output as
# often as in the input, nothing was taken out (it is never fooled the other way: a name that
# also appears in text or in a value appears there in both). Only a page that lost one is read
# tag by tag, which is ten times slower.
_TAG_NAME = re.compile(r"<([a-zA-Z][^\s/>]*)")
_ATTRIBUTE_NAME = re.compile(r"""[\s"'/]([^\s"'<>/=]+)\s*=""")


def _may_have_lost(before: str, after: str) -> bool:
    for pattern in (_TAG_NAME, _ATTRIBUTE_NAME):
        if Counter(map(str.lower, pattern.findall(before))) - Counter(map(str.lower, pattern.findall(after))):
            return True
    return False


def _removed(before: str, after: str) -> list[Removed]:
    kept_tags: Counter[str] = Counter()
    kept_attributes: Counter[tuple[str, str, str]] = Counter()
    for tag in _tags(after).tags:
        kept_tags[tag.name] += 1
        kept_attributes.update((tag.name, name, value) for name, value in tag.attributes)
    parsed = _tags(before)
    ends = iter(parsed.ends)
    next_end = next(ends, None)
    removed: list[Removed] = []
    inside: list[str] = []  # open elements removed with their content: nothing in them is reported
    for index, tag in enumerate(parsed.tags):
        while next_end is not None and next_end[0] <= index:
            if inside and next_end[1] == inside[-1]:
                inside.pop()
            next_end = next(ends, None)
        if inside:
            continue
        if kept_tags[tag.name] > 0:
            kept_tags[tag.name] -= 1
        else:
            removed.append(_element(tag.name))
            if tag.name in _GONE_WITH_CONTENT:
                inside.append(tag.name)
            continue
        for name, value in tag.attributes:
            if kept_attributes[tag.name, name, value] > 0:
                kept_attributes[tag.name, name, value] -= 1
            else:
                removed.append(_attribute(tag.name, name, value))
    return removed


def _element(name: str) -> Removed:
    hint = next((hint for names, hint in _ELEMENT_HINTS if name in names), _OTHER_ELEMENT_HINT)
    if name in _GONE_WITH_CONTENT:
        kept = "已刪除，連同其中的內容"
    else:
        kept = "已刪除" if name in _VOID else "已刪除標籤，保留其中的文字"
    return Removed(f"<{name}> 元素（{kept}）", hint, (rf"<\s*{re.escape(name)}(?![\w-])",))


def _attribute(tag: str, name: str, value: str) -> Removed:
    attribute = rf"(?<![\w-]){re.escape(name)}\s*="
    if name in _URL_ATTRIBUTES and _allowed_name(tag, name):
        scheme = value.strip().partition(":")[0].strip().lower()
        hint = _DATA_URL_HINT if scheme == "data" else _URL_HINT
        # Markdown writes a link's address as typed: look for the address, then for its scheme.
        needles = (re.escape(value), rf"{re.escape(scheme)}\s*:") if value.strip() else (attribute,)
        return Removed(f"<{tag}> 的 {name} 位址 {quote(value)}（已刪除）", hint, needles)
    hint = _EVENT_HINT if name.startswith("on") else _OTHER_ATTRIBUTE_HINT
    shown = f" {quote(value)}" if value and not name.startswith("on") else ""
    return Removed(f"<{tag}> 的 {name} 屬性{shown}（已刪除）", hint, (attribute,))


def _allowed_name(tag: str, name: str) -> bool:
    return name in _ATTRIBUTES.get(tag, set()) or name in _ATTRIBUTES["*"]


# Where a removed thing was typed: code blocks and code spans are blanked first, so an example of
# `<script>` in a code span is not taken for the real one further down.
_FENCED = re.compile(r"^[ \t]*(`{3,}|~{3,}).*?(?:^[ \t]*\1[ \t]*$|\Z)", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.DOTALL)  # within a paragraph


def _without_code(text: str) -> str:
    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match[0])

    return _CODE_SPAN.sub(blank, _FENCED.sub(blank, text))


def _locate(text: str, needles: tuple[str, ...], nth: int, shown_as: str) -> Location:
    for needle in needles:
        matches = list(_matches(text, needle))
        if matches:
            offset = matches[min(nth, len(matches) - 1)]
            line_start = text.rfind("\n", 0, offset) + 1
            return Location(shown_as, text.count("\n", 0, offset) + 1, offset - line_start + 1)
    return Location(shown_as, 0, 0)  # not found as typed (an entity, Markdown's own output): the file


def _matches(text: str, needle: str) -> Iterator[int]:
    return (match.start() for match in re.finditer(needle, text, re.IGNORECASE))
