"""The Content-Security-Policy the nginx snippet sends: every page type works under it, with no violation.

Served as deployed (nginx_site: the shipped snippet, at a sub-path). Every `securitypolicyviolation`
event of every page, and every console message about the policy, fails the test where it happens.
"""

from __future__ import annotations

import pytest
from searchbox import search

PAGES = {
    "home": "",
    "year": "2021/",
    "print": "2021/print/",
    "report": "2021/xuancheng-workshop/",
    "unit": "units/xuancheng-workshop/",
    "roll-up": "units/railway-bureau/",
    "awards": "awards/",
    "404": "no/such/page/",
}

LISTEN = """
document.addEventListener("securitypolicyviolation", e => window.__cspViolation(
    `${e.violatedDirective} blocked ${e.blockedURI || "inline"} on ${location.pathname}: ${e.sample}`));
"""


@pytest.fixture
def reader(browser):
    """A browser context that records every CSP violation and policy message; yields (context, found)."""
    context = browser.new_context()
    found: list[str] = []
    context.expose_binding("__cspViolation", lambda source, text: found.append(text))
    context.add_init_script(LISTEN)

    def console(message) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            found.append(f"console: {message.text}")

    context.on("console", console)
    yield context, found
    context.close()


def policy_of(response) -> str:
    return response.headers.get("content-security-policy", "")


@pytest.mark.parametrize("name", PAGES)
def test_every_page_type_runs_under_the_policy_without_a_violation(nginx_site, reader, name):
    context, found = reader
    page = context.new_page()
    response = page.goto(nginx_site + PAGES[name], wait_until="networkidle")
    page.wait_for_timeout(200)  # a violation event is queued as a task: let it arrive
    assert found == []
    assert "script-src 'self';" in policy_of(response)  # no 'unsafe-inline', no hash: the site's files only
    assert page.evaluate("typeof __md_get") == "function"  # Material's scripts, moved out of the page, ran


def test_search_and_the_palette_switch_work_under_the_policy(nginx_site, reader):
    context, found = reader
    page = context.new_page()
    page.goto(nginx_site, wait_until="networkidle")
    page.keyboard.press("/")
    assert "union/bulletin/2021/xuancheng-workshop/" in search(page, "孃家人")  # the worker ran
    page.locator("a.md-search-result__link").first.click()
    page.wait_for_load_state("networkidle")
    assert page.locator("mark[data-md-highlight]").count() > 0  # our highlight script ran
    scheme = page.evaluate("document.body.dataset.mdColorScheme")
    page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    page.reload(wait_until="networkidle")  # the palette script reads the stored choice back
    assert page.evaluate("document.body.dataset.mdColorScheme") != scheme
    page.wait_for_timeout(200)
    assert found == []


def test_hashed_assets_carry_the_policy_too(nginx_site, reader):
    """The search worker gets its policy from its own response; nginx drops inherited headers there."""
    context, _ = reader
    page = context.new_page()
    page.goto(nginx_site, wait_until="networkidle")
    worker = page.evaluate("JSON.parse(document.getElementById('__config').textContent).search")
    response = page.request.get(nginx_site + worker)
    assert response.status == 200 and "script-src 'self'" in policy_of(response)


def test_an_inline_script_is_a_violation_the_listener_sees(nginx_site, reader):
    """The check above can fail: a script written into the page is refused and reported."""
    context, found = reader
    page = context.new_page()
    page.goto(nginx_site + PAGES["report"], wait_until="networkidle")
    page.evaluate("""() => { const s = document.createElement("script");
                             s.textContent = "window.ran = true"; document.body.append(s); }""")
    page.wait_for_timeout(200)
    assert page.evaluate("window.ran") is None
    assert any("script-src" in violation for violation in found)
