"""Finding one's way on a phone: the breadcrumbs above a page stay one line, however long the names."""

PHONE = {"viewport": {"width": 375, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


def test_breadcrumbs_longer_than_the_phone_stay_on_one_line_and_scroll_sideways(served_site, open_page):
    page, _ = open_page(served_site + "units/xuancheng-workshop/", served_site, **PHONE)
    # Names as long as real ones get (a county federation's full name), in every crumb.
    page.evaluate("""() => document.querySelectorAll('.md-path__link').forEach(
        a => a.lastChild.textContent = '某某省某某市某某縣總工會機關工會委員會')""")
    crumbs = page.evaluate("""() => { const path = document.querySelector('.md-path');
        const size = parseFloat(getComputedStyle(path.querySelector('.md-path__link')).fontSize);
        return {tops: [...path.querySelectorAll('.md-path__item')].map(i => Math.round(i.getBoundingClientRect().top)),
                tallest: Math.max(...[...path.querySelectorAll('.md-path__link')].map(a => a.getBoundingClientRect().height)),
                size, scrolls: path.scrollWidth > path.clientWidth,
                page: document.documentElement.scrollWidth }}""")
    assert len(set(crumbs["tops"])) == 1  # one row
    assert crumbs["tallest"] < 2 * crumbs["size"]  # no crumb wraps inside itself
    assert crumbs["scrolls"] and crumbs["page"] <= 375  # the crumbs scroll in their strip, not the page
