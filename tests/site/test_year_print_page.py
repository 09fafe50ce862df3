"""A year's print page, built for real: every report's body as its page has it, with ids unique on
the print page and every link leading where it led from the report's own page."""

import posixpath
import re

from helpers import mkdocs_build, write_project

RECORDS = {key: "visits:\n  - occasion: 慰問\n    people: 3\n" for key in ("2021/town", "2021/district", "2021-H1/town")}
NARRATIVES = {
    "2021/town": "## 慰問\n\n<!-- bulletin/table { kind: visits } -->\n\n## 其他\n\n[回到慰問](#_1)\n",
    "2021/district": "## 慰問\n\n<!-- bulletin/table { kind: visits } -->\n\n## 其他\n\n[回到慰問](#_1)\n",
    "2021-H1/town": ("## 慰問\n\n<!-- bulletin/table { kind: visits } -->\n\n"
                     "見[同期的區](district.md)與[全年](../2021/town.md#_2)；"
                     '<a href="../district/">同期的區（HTML）</a>\n'),
}
# The half-year's report its narrative links to by a path relative to its own folder.
RECORDS["2021-H1/district"] = RECORDS["2021/town"]


def built(tmp_path):
    write_project(tmp_path, RECORDS, NARRATIVES)
    config = tmp_path / "mkdocs.yml"  # headings with permalinks, as the sample's
    config.write_text(config.read_text(encoding="utf-8").replace("  - admonition\n", "  - admonition\n  - toc:\n      permalink: true\n"),
                      encoding="utf-8")
    run = mkdocs_build(tmp_path)
    assert run.returncode == 0, run.stderr
    return lambda page: (tmp_path / "site" / page / "index.html").read_text(encoding="utf-8")


def article(html: str) -> str:
    return html[html.index("<article"):html.index("</article>")]


def sections(print_html: str) -> dict[str, str]:
    """Each report's part of the print page, by its anchor (print-2021-town)."""
    body = re.split(r"\n\s*\n", article(print_html)[article(print_html).index("<h1"):])[0]
    parts = re.split(r'<div class="bulletin-page-break" id="([^"]+)"></div>\n', body)
    return dict(zip(parts[1::2], (part.removesuffix("\n") for part in parts[2::2]), strict=True))


def report_body(html: str) -> str:
    part = article(html)
    return re.split(r"\n\s*\n", part[part.index("<h1"):])[0]


def where(href: str, page_folder: str) -> str:
    """The site path a relative href leads to from a page served at `page_folder`/."""
    path, _, fragment = href.partition("#")
    return posixpath.normpath(posixpath.join(page_folder, path)) + (f"#{fragment}" if fragment else "")


def test_a_half_year_reports_links_lead_from_the_years_print_page_where_they_lead_from_its_own_page(tmp_path):
    page = built(tmp_path)
    own = re.findall(r'<a href="([^"]+)">(同期的區|全年|同期的區（HTML）)</a>', page("2021-H1/town"))
    printed = re.findall(r'<a href="([^"]+)">(同期的區|全年|同期的區（HTML）)</a>', sections(page("2021/print"))["print-2021-H1-town"])
    assert [(where(href, "2021-H1/town"), text) for href, text in own] == \
           [(where(href, "2021/print"), text) for href, text in printed]
    assert [where(href, "2021/print") for href, _ in printed] == ["2021-H1/district", "2021/town#_2", "2021-H1/district"]


def test_heading_ids_on_the_print_page_are_unique_and_its_permalinks_and_own_links_follow_them(tmp_path):
    html = built(tmp_path)("2021/print")
    content = article(html)
    ids = re.findall(r'<h[1-6] id="([^"]*)"', content)
    assert len(ids) == len(set(ids)) == 1 + 3 + 3 + 2 + 1  # the page's title, each report's title and sections
    permalinks = re.findall(r'<h[1-6] id="([^"]*)">[^<]*<a class="headerlink" href="#([^"]*)"', content)
    assert [own for own, _ in permalinks] == [target for _, target in permalinks] == ids
    assert re.search(r'<a href="#([^"]*)" class="md-skip">', html)[1] == ids[0]  # the page's contents start at its title
    # Each report's 「回到慰問」 leads to its own 慰問, as on its own page.
    for anchor in ("print-2021-town", "print-2021-district"):
        section = sections(html)[anchor]
        own_heading = re.search(r'<h2 id="([^"]*)">慰問', section)[1]
        assert f'<a href="#{own_heading}">回到慰問</a>' in section


def test_each_report_on_the_print_page_is_its_pages_body_but_for_ids_addresses_and_table_keys(tmp_path):
    page = built(tmp_path)
    printed = sections(page("2021/print"))

    def bare(html: str) -> str:
        return re.sub(r' (id|href|data-bulletin-table)="[^"]*"', "", html)

    for report in ("2021/town", "2021/district", "2021-H1/town"):
        section = printed[f"print-{report.replace('/', '-')}"]
        assert bare(section) == bare(report_body(page(report)))
        assert f'data-bulletin-table="{report.replace("/", "-")}-visits"' in section
