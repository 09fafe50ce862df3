"""Pages are pointed at our wrapper of Material's search worker, which is written beside it."""

from bulletin.search_worker import use_wrapper, wrapper

MATERIAL = "search.973d3a69.min.js"


def test_every_mention_of_materials_worker_points_at_the_wrapper_written_beside_it(tmp_path):
    page = (f'<script src="assets/javascripts/workers/{MATERIAL}"></script><p>正文</p>'
            f'<script id="__config" type="application/json">{{"search": "assets/javascripts/workers/{MATERIAL}"}}</script>')
    name, content = wrapper(MATERIAL)
    pointed = use_wrapper(page, tmp_path)
    assert pointed == page.replace(MATERIAL, name)
    assert (tmp_path / "assets" / "javascripts" / "workers" / name).read_bytes() == content


def test_a_page_without_materials_worker_is_left_as_it_is(tmp_path):
    page = '<p>workers/search.js" 不是 Material 的</p>'
    assert use_wrapper(page, tmp_path) == page
    assert not (tmp_path / "assets").exists()
