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


def test_a_wrapper_this_build_has_written_is_not_looked_for_again(tmp_path):
    page = f'<script id="__config" type="application/json">{{"search": "assets/javascripts/workers/{MATERIAL}"}}</script>'
    present: set[str] = set()
    use_wrapper(page, tmp_path, present)
    name, _ = wrapper(MATERIAL)
    assert present == {f"assets/javascripts/workers/{name}"}
    (tmp_path / "assets" / "javascripts" / "workers" / name).unlink()
    assert use_wrapper(page, tmp_path, present) == page.replace(MATERIAL, name)
    assert not (tmp_path / "assets" / "javascripts" / "workers" / name).exists()  # known written: not looked at
    use_wrapper(page, tmp_path, set())
    assert (tmp_path / "assets" / "javascripts" / "workers" / name).exists()  # another build writes it again
