"""The theme's inline scripts become hashed files, so the site's policy can allow its own files only."""

from bulletin.asset_names import is_hashed
from bulletin.inline_scripts import move_out, root_of, root_of_error_page, write

PAGE = """<html><head>
<script src="../../assets/javascripts/vendor/shim.js"></script>
<script>__md_scope=new URL("../..",location)</script>
</head><body>
<script>var palette=__md_get("__palette")</script>
<article class="md-content__inner"><p title="<script>not a script</script>">text</p></article>
<script id="__config" type="application/json">{"base": "../.."}</script>
<script type="module">import "./x.js"</script>
</body></html>"""


def test_each_inline_script_becomes_a_hashed_file_loaded_in_its_place():
    html, files = move_out(PAGE, "../../")
    assert len(files) == 3 and all(is_hashed(path) for path in files)
    assert sorted(files.values()) == [b'__md_scope=new URL("../..",location)', b'import "./x.js"',
                                      b'var palette=__md_get("__palette")']
    by_content = {content: path for path, content in files.items()}
    scope, module = by_content[b'__md_scope=new URL("../..",location)'], by_content[b'import "./x.js"']
    assert f'<script src="../../{scope}"></script>' in html
    assert f'<script type="module" src="../../{module}"></script>' in html
    assert "__md_scope" not in html and "__md_get" not in html

def test_data_blocks_scripts_with_a_source_and_the_article_stay_as_they_were():
    html, _ = move_out(PAGE, "../../")
    assert '<script id="__config" type="application/json">{"base": "../.."}</script>' in html
    assert '<script src="../../assets/javascripts/vendor/shim.js"></script>' in html
    assert '<p title="<script>not a script</script>">text</p>' in html


def test_the_same_script_on_two_pages_is_one_file():
    _, first = move_out("<script>a()</script>", "")
    _, second = move_out("<script>a()</script>", "../")
    assert first == second


def test_the_way_back_to_the_root_from_pages_and_the_error_page():
    assert [root_of(p) for p in ("index.html", "2021/index.html", "2021/town/index.html")] == ["", "../", "../../"]
    assert root_of_error_page(None) == "/"
    assert root_of_error_page("http://intranet/union/bulletin") == "/union/bulletin/"


def test_written_files_land_under_the_site(tmp_path):
    _, files = move_out("<script>a()</script>", "")
    write(tmp_path, files)
    [(path, content)] = files.items()
    assert (tmp_path / path).read_bytes() == content == b"a()"
