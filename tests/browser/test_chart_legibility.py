"""Charts read on a 375 px phone: no chart text under 11 CSS px, bars in both palettes pass axe."""

import functools
import http.server
import shutil
import threading

import pytest

from helpers import REPO, mkdocs_build, write_tree_archive

PHONE = {"viewport": {"width": 375, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}

# Each element holding chart text, with its font size as drawn: computed size × the scale an
# SVG's viewBox applies (1 for HTML), so an SVG chart squeezed into a phone is caught too.
RENDERED_SIZES = """() => {
  const sizes = [];
  for (const chart of document.querySelectorAll('.bulletin-chart, .bulletin-figure')) {
    const walker = document.createTreeWalker(chart, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!node.textContent.trim() || element.closest('title, desc')) continue;
      let scale = 1;
      const svg = element.closest('svg');
      if (svg && svg.viewBox.baseVal && svg.viewBox.baseVal.width) {
        scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      }
      sizes.push([node.textContent.trim(), parseFloat(getComputedStyle(element).fontSize) * scale]);
    }
  }
  return sizes;
}"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def tree_site(tmp_path_factory):
    """A small archive with three full years of one unit, so its page draws real bar charts."""
    project = write_tree_archive(tmp_path_factory.mktemp("charts"))
    shutil.copytree(REPO / "docs/assets/stylesheets", project / "docs/assets/stylesheets")
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("extra_css:\n  - assets/stylesheets/bulletin.css\n")
    run = mkdocs_build(project)
    assert run.returncode == 0, run.stderr
    handler = functools.partial(_QuietHandler, directory=str(project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.parametrize("path", ["", "units/town-a/", "units/district/"])
def test_no_chart_text_on_a_phone_renders_under_11_px(tree_site, open_page, path):
    page, _ = open_page(tree_site + path, tree_site, **PHONE)
    sizes = page.evaluate(RENDERED_SIZES)
    assert sizes, "the page has no chart text to measure"
    assert [(text, round(size, 1)) for text, size in sizes if size < 11] == []


@pytest.mark.parametrize("path", ["", "units/xuancheng-workshop/", "units/luohu-district/"])
def test_the_sample_archives_charts_and_figures_are_readable_on_a_phone(served_site, open_page, path):
    page, _ = open_page(served_site + path, served_site, **PHONE)
    sizes = page.evaluate(RENDERED_SIZES)
    assert sizes
    assert [(text, round(size, 1)) for text, size in sizes if size < 11] == []


def test_a_bar_chart_fits_a_phone_with_every_number_on_screen(tree_site, open_page):
    page, _ = open_page(tree_site + "units/town-a/", tree_site, **PHONE)
    chart = page.locator('[data-bulletin-chart="unit-town-a-visits-people"]')
    values = chart.locator(".bulletin-bar-value")
    assert values.all_inner_texts() == ["100", "120", "90"]
    for value in values.all():
        box = value.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_charts_pass_axe_in_both_palettes(tree_site, open_page, scheme):
    from test_accessibility import AXE

    page, _ = open_page(tree_site + "units/town-a/", tree_site)
    page.evaluate(f"() => document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run({include: [['.bulletin-chart']]}, {resultTypes: ['violations']})")
    assert [(v["id"], v["impact"]) for v in result["violations"]] == []
