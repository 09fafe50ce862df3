"""A Simplified site converts an editor's words, never the parts of the Markdown that are not words."""

from bulletin.language import localise_markdown, localiser

T2S = localiser("zh")


def test_a_simplified_site_converts_the_narratives_text():
    assert localise_markdown("## 工會工作\n\n全年看望慰問職工。\n", T2S) == "## 工会工作\n\n全年看望慰问职工。\n"


def test_a_traditional_site_keeps_the_narrative_as_typed():
    assert localise_markdown("全年看望慰問職工。", localiser("zh-Hant")) == "全年看望慰問職工。"


def test_markers_keep_their_arguments_as_typed():
    marker = "<!-- bulletin/figure { kind: funds, field: amount:收繳 } -->"
    assert localise_markdown(f"經費{marker}元", T2S) == f"经费{marker}元"


def test_link_addresses_keep_their_file_names():
    assert localise_markdown("見[關於車間](關於車間.md)。", T2S) == "见[关于车间](關於車間.md)。"


def test_code_spans_and_fenced_code_are_quoted_as_typed():
    text = "寫 `單位: 職工` 即可：\n\n```yaml\n單位: 職工\n```\n\n完畢後檢查。\n"
    assert localise_markdown(text, T2S) == "写 `單位: 職工` 即可：\n\n```yaml\n單位: 職工\n```\n\n完毕后检查。\n"


def test_html_tags_and_attribute_lists_are_left_alone():
    assert localise_markdown('<span title="職工">職工</span>{ .職工 }', T2S) == '<span title="職工">职工</span>{ .職工 }'
