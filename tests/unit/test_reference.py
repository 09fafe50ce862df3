"""The README's field reference is the one generated from the kinds, so it cannot fall behind."""

from helpers import REPO

from bulletin.reference import fields_markdown


def test_readme_field_reference_matches_the_kinds():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("<!-- reference:start -->\n") + len("<!-- reference:start -->\n")
    end = readme.index("<!-- reference:end -->")
    assert readme[start:end] == fields_markdown()
