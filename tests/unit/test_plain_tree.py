"""The plain tree (plain_tree.py): the site as files a generator without our hooks builds."""

import datetime as dt
import json
import re

import yaml

from helpers import HOOK, write_project

from bulletin.after_build import add_freshness_lines, add_search_fields, after_build, freshness_lines, scripts_to_files
from bulletin.freshness import Freshness
from bulletin.checking import check_project
from bulletin.loading import load_archive
from bulletin.plain_tree import config_text, folder_problems, read_config, render_tree, write_tree

TOWN = {"2021/town": "visits:\n  - occasion: 慰問\n    people: 3\n    cash: 1,500元\n"}


def tree_of(root, records=TOWN, narratives=None, extra=""):
    write_project(root, records, narratives, extra=extra)
    problems: list = []
    tree = render_tree(root / "mkdocs.yml", problems)
    assert problems == []
    return tree


def text(tree, path) -> str:
    return tree.files[path].decode("utf-8")


def test_a_project_scripts_check_refuses_is_refused_with_the_same_problems(tmp_path):
    write_project(tmp_path, {"2021/town": "visits:\n  - occasion: 慰問\n    people: -3\n"})
    problems: list = []
    assert render_tree(tmp_path / "mkdocs.yml", problems) is None
    assert problems == check_project(tmp_path / "mkdocs.yml").problems != []


def test_a_narrative_is_expanded_with_its_title_and_tables_inline(tmp_path):
    page = text(tree_of(tmp_path), "docs/2021/town.md")
    assert page.startswith("# 示範鎮工會2021年度工作總結\n")
    assert 'data-bulletin-table="visits"' in page and "1,500" in page and "bulletin/table" not in page


def test_a_narrative_keeps_its_front_matter(tmp_path):
    narrative = "---\ndescription: 年度總結\n---\n\n<!-- bulletin/table { kind: visits } -->\n"
    page = text(tree_of(tmp_path, narratives={"2021/town": narrative}), "docs/2021/town.md")
    assert page.startswith("---\ndescription: 年度總結\n---\n\n# 示範鎮工會2021年度工作總結\n")


def test_every_generated_page_and_download_is_written(tmp_path):
    tree = tree_of(tmp_path)
    for path in ("docs/2021/index.md", "docs/2021/print.md", "docs/units/town/index.md", "docs/units/index.md",
                 "docs/awards.md", "docs/downloads/2021/town/visits.csv"):
        assert path in tree.files, path
    assert text(tree, "docs/2021/print.md").startswith("---\nsearch:\n  exclude: true\n---\n")


def test_an_editors_home_page_is_an_intro_with_the_generated_body_after_it(tmp_path):
    home = text(tree_of(tmp_path), "docs/index.md")
    assert home.startswith("# 首頁\n") and "2021" in home


def test_other_files_of_docs_are_copied_as_they_are(tmp_path):
    write_project(tmp_path, TOWN)
    (tmp_path / "docs" / "images").mkdir()
    (tmp_path / "docs" / "images" / "logo.png").write_bytes(b"\x89PNG\r\n")
    tree = render_tree(tmp_path / "mkdocs.yml", [])
    assert tree.files["docs/images/logo.png"] == b"\x89PNG\r\n"


def test_the_config_has_no_hooks_and_the_navigation_the_hooks_compute(tmp_path):
    write_project(tmp_path, TOWN)
    (tmp_path / "docs" / "about.md").write_text("# 關於\n", encoding="utf-8")
    config = render_tree(tmp_path / "mkdocs.yml", []).config
    assert "hooks" not in config and config["docs_dir"] == "docs"
    assert config["nav"][0] == {"首頁": "index.md"}
    assert config["nav"][-1] == "about.md"
    assert {"年度": [{"2021年": ["2021/index.md", "2021/print.md", "2021/town.md"]}]} in config["nav"]


def test_our_theme_templates_go_in_overrides_over_the_projects_own(tmp_path):
    write_project(tmp_path, TOWN)
    (tmp_path / "mine" / "partials").mkdir(parents=True)
    (tmp_path / "mine" / "404.html").write_text("mine", encoding="utf-8")
    (tmp_path / "mine" / "partials" / "footer.html").write_text("footer", encoding="utf-8")
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(config_file.read_text(encoding="utf-8").replace(
        "  font: false\n", "  font: false\n  custom_dir: mine\n"), encoding="utf-8")
    tree = render_tree(config_file, [])
    assert tree.config["theme"]["custom_dir"] == "overrides"
    assert tree.files["overrides/404.html"] == (HOOK.parent / "theme" / "404.html").read_bytes()
    assert tree.files["overrides/partials/footer.html"] == b"footer"
    assert tree.config["extra"]["generator"] is False


def test_assets_are_published_under_the_hashed_names_the_hooks_give_them(tmp_path):
    write_project(tmp_path, TOWN, extra="extra_css:\n  - style.css\n")
    (tmp_path / "docs" / "style.css").write_text("p {}", encoding="utf-8")
    tree = render_tree(tmp_path / "mkdocs.yml", [])
    [hashed] = tree.config["extra_css"]
    assert hashed.startswith("style.") and hashed != "style.css" and tree.files[f"docs/{hashed}"] == b"p {}"


def test_a_simplified_site_has_its_name_and_pages_in_simplified(tmp_path):
    write_project(tmp_path, TOWN, extra="copyright: 示範鎮總工會\n")
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(config_file.read_text(encoding="utf-8").replace("zh-Hant", "zh"), encoding="utf-8")
    tree = render_tree(config_file, [])
    assert tree.config["site_name"] == "测试档案" and tree.config["copyright"] == "示范镇总工会"
    assert text(tree, "docs/2021/town.md").startswith("# 示范镇工会2021年度工作总结")


def test_tags_only_mkdocs_reads_are_written_back_unchanged():
    source = ("site_url: !ENV [SITE_URL, 'http://x/']\n"
              "markdown_extensions:\n  - pymdownx.emoji:\n"
              "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n")
    written = config_text(read_config(source))
    assert read_config(written) == read_config(source)
    assert "!ENV" in written and "!!python/name:material.extensions.emoji.twemoji" in written


def test_a_folder_inside_docs_or_data_is_refused(tmp_path):
    write_project(tmp_path, TOWN)
    for inside in ("docs/plain", "data/plain", "docs"):
        [problem] = folder_problems(tmp_path / inside, tmp_path, tmp_path / "docs", force=True)
        assert problem.message.startswith("應為 ") and "以外的資料夾" in problem.message


def test_the_project_itself_is_refused_even_with_force(tmp_path):
    write_project(tmp_path, TOWN)
    [problem] = folder_problems(tmp_path, tmp_path, tmp_path / "docs", force=True)
    assert "專案本身" in problem.message


def test_a_folder_with_files_is_refused_without_force(tmp_path):
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "notes.txt").write_text("mine", encoding="utf-8")
    [problem] = folder_problems(tmp_path / "plain", tmp_path / "project", tmp_path / "project" / "docs", force=False)
    assert str(problem) == (f"{tmp_path / 'plain'}: 應為空的或新的資料夾，實為已有 1 項內容。"
                            "提示：換一個資料夾；要以新的內容取代其中的 docs/、overrides/ 和 mkdocs.yml，加上 --force")
    assert folder_problems(tmp_path / "plain", tmp_path / "project", tmp_path / "project" / "docs", force=True) == []


def test_writing_again_leaves_no_stale_page_and_keeps_other_files(tmp_path):
    tree = tree_of(tmp_path / "project")
    folder = tmp_path / "plain"
    (folder / "docs" / "2019").mkdir(parents=True)
    (folder / "docs" / "2019" / "gone.md").write_text("舊", encoding="utf-8")
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    write_tree(tree, folder)
    assert not (folder / "docs" / "2019").exists() and (folder / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert yaml.safe_load((folder / "mkdocs.yml").read_text(encoding="utf-8"))["nav"] == tree.config["nav"]
    assert (folder / "docs" / "2021" / "town.md").read_bytes() == tree.files["docs/2021/town.md"]


INDEX = {"config": {"fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
         "docs": [{"location": "2021/town/", "title": "慰問", "text": "慰問金 14,400 元，120多人次"}]}


def test_after_build_adds_the_figures_and_other_script_fields(tmp_path):
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(INDEX), encoding="utf-8")
    assert add_search_fields(tmp_path)
    index = json.loads((tmp_path / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "14400" in index["docs"][0]["figures"] and "慰问" in index["docs"][0]["script"]


def test_after_build_twice_writes_the_same_index(tmp_path):
    (tmp_path / "search").mkdir()
    path = tmp_path / "search" / "search_index.json"
    path.write_text(json.dumps(INDEX), encoding="utf-8")
    add_search_fields(tmp_path)
    once = path.read_bytes()
    add_search_fields(tmp_path)
    assert path.read_bytes() == once


def test_after_build_deletes_a_file_holding_a_private_value_and_says_where_it_was(tmp_path):
    write_project(tmp_path / "project", {"2021/town": "visits:\n  - occasion: 慰問\n    beneficiaries: 唐元斌\n"})
    site = tmp_path / "site"
    (site / "2021" / "town").mkdir(parents=True)
    (site / "2021" / "town" / "index.html").write_text("<p>慰問唐元斌</p>", encoding="utf-8")
    (site / "index.html").write_text("<p>首頁</p>", encoding="utf-8")
    archive = load_archive(tmp_path / "project", tmp_path / "project" / "docs").archive
    [problem] = after_build(site, archive)
    assert str(problem).startswith("data/2021/town.yml:3:20: visits[1].beneficiaries: 私人資料不應出現在網站上，"
                                   "實為出現在 2021/town/index.html")
    assert not (site / "2021").exists() and (site / "index.html").is_file()


PAGE = ('<html><head><script>__md_scope=new URL("..",location)</script>'
        '<script id="__config" type="application/json">{"search":"assets/javascripts/workers/search.1234abcd.min.js"}'
        '</script></head><body><article><p>慰問</p></article></body></html>')


def test_after_build_moves_each_pages_inline_scripts_into_files_and_wraps_the_search_worker(tmp_path):
    (tmp_path / "2021" / "town").mkdir(parents=True)
    (tmp_path / "2021" / "town" / "index.html").write_text(PAGE, encoding="utf-8")
    assert scripts_to_files(tmp_path) == 1
    page = (tmp_path / "2021" / "town" / "index.html").read_text(encoding="utf-8")
    [moved] = re.findall(r'<script src="\.\./\.\./(assets/javascripts/inline\.[0-9a-f]+\.js)"></script>', page)
    assert (tmp_path / moved).read_text(encoding="utf-8") == '__md_scope=new URL("..",location)'
    [wrapper] = re.findall(r"workers/(search-phrases\.[0-9a-f]+\.js)", page)
    assert (tmp_path / "assets" / "javascripts" / "workers" / wrapper).is_file()


def test_after_build_points_the_error_page_at_the_sites_own_path(tmp_path):
    (tmp_path / "404.html").write_text(PAGE, encoding="utf-8")
    scripts_to_files(tmp_path, "https://intranet/bulletin/")
    assert '<script src="/bulletin/assets/javascripts/inline.' in (tmp_path / "404.html").read_text(encoding="utf-8")


def test_after_build_leaves_a_page_done_once_as_it_is(tmp_path):
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    scripts_to_files(tmp_path)
    once = (tmp_path / "index.html").read_bytes()
    assert scripts_to_files(tmp_path) == 0 and (tmp_path / "index.html").read_bytes() == once


def test_after_build_dates_each_page_by_the_files_it_shows(tmp_path):
    write_project(tmp_path, TOWN)
    archive = load_archive(tmp_path, tmp_path / "docs").archive
    dates = Freshness(tmp_path, dt.date(2026, 11, 30), {"data/2021/town.yml": dt.date(2021, 12, 30),
                                                         "docs/2021/town.md": dt.date(2021, 6, 1)})
    lines = freshness_lines(archive, ["2021/town.md", "2021/index.md"], dates)
    assert lines == {"2021/town/index.html": "資料更新：2021-12-30　網站建置：2026-11-30",
                     "2021/index.html": "資料更新：2021-12-30　網站建置：2026-11-30"}


def test_after_build_puts_the_line_at_the_foot_of_the_article_once(tmp_path):
    (tmp_path / "index.html").write_text("<article><p>慰問</p></article><footer></footer>", encoding="utf-8")
    assert add_freshness_lines(tmp_path, {"index.html": "網站建置：2026-11-30", "gone.html": "x"}) == 1
    assert add_freshness_lines(tmp_path, {"index.html": "網站建置：2026-11-30"}) == 0
    assert (tmp_path / "index.html").read_text(encoding="utf-8") == (
        '<article><p>慰問</p><p class="bulletin-freshness"><small>網站建置：2026-11-30</small></p>\n</article><footer></footer>')
