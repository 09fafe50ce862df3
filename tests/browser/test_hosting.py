"""The same site under nginx at /union/bulletin/ and opened from file://: navigation, search, downloads."""

import os
import re

import pytest
from searchbox import search

from conftest import build_variant


def walk_the_archive(page):
    """Home → 年度 tab → the latest year → a report → 單位 tab → the unit tree → a unit's page,
    by clicking as a reader would."""
    page.get_by_role("link", name="年度", exact=True).first.click()
    page.wait_for_load_state("networkidle")
    assert re.match(r"20\d\d年 - ", page.title())
    page.locator("article").get_by_role("link", name="宣城車間工會").first.click()
    page.wait_for_load_state("networkidle")
    assert re.match(r"宣城車間工會20\d\d年度工作總結", page.title())
    page.get_by_role("link", name="單位", exact=True).first.click()
    page.wait_for_load_state("networkidle")
    assert page.locator("article h1").inner_text().strip().rstrip("¶") == "單位"
    page.locator("article").get_by_role("link", name="宣城車間工會").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("article h1").inner_text().strip().rstrip("¶") == "宣城車間工會"


def test_under_a_sub_path_navigation_search_and_downloads_work(nginx_site, open_page):
    page, traffic = open_page(nginx_site, nginx_site)
    walk_the_archive(page)
    page.goto(nginx_site + "2021/", wait_until="networkidle")
    link = page.locator("a[download]").first
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.status == 200 and response.body().startswith("\ufeff".encode())
    workbook = page.get_by_role("link", name="下載本年各單位比較").first.evaluate("a => a.href")
    assert page.request.get(workbook).status == 200
    page.keyboard.press("/")
    assert "union/bulletin/2021/xuancheng-workshop/" in search(page, "孃家人")  # links keep the sub-path
    assert traffic.outside() == [] and traffic.failed == []


def test_a_missing_page_under_the_sub_path_keeps_its_styles(nginx_site, open_page):
    page, traffic = open_page(nginx_site + "no/such/page/", nginx_site)
    assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") == "sticky"
    assert [u for u in traffic.failed if "no/such/page" not in u] == []  # only the page itself is 404


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    os.environ["BULLETIN_OFFLINE"] = "true"
    try:
        return build_variant(tmp_path_factory.mktemp("offline") / "project")
    finally:
        del os.environ["BULLETIN_OFFLINE"]


def test_from_file_urls_navigation_search_and_downloads_work(offline_site, open_page):
    home = (offline_site / "index.html").as_uri()
    page, traffic = open_page(home, "file://")
    walk_the_archive(page)
    page.goto((offline_site / "2021" / "index.html").as_uri(), wait_until="networkidle")
    href = page.locator("a[download]").first.evaluate("a => a.href")
    assert href.startswith("file://") and os.path.isfile(href.removeprefix("file://"))
    page.keyboard.press("/")
    found = search(page, "孃家人")
    assert (offline_site / "2021" / "xuancheng-workshop.html").as_posix().lstrip("/") in found
    assert search(page, "14400")  # figures are searchable from file:// too
    assert traffic.outside() == [] and traffic.failed == []
