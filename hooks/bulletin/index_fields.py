"""Our two search index fields (search_terms.py, search_scripts.py), computed document by document.

Each field is a function of one document's title and text, and the folding table of the whole
index a function of the characters they use; so the fields are set on each document as it is
made, even in another process (scan_beside.py, while the build makes its pages), and the table
on the config after the last. `with_search_fields` is the same thing done all at once: both ways
run this one class, so they set the same keys in the same order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .search_scripts import BOTH_WAYS, FIELD as SCRIPT_FIELD, FOLDING, Convert, other_script_words, simplified_forms
from .search_terms import FIELD as FIGURES_FIELD, plain_figures


@dataclass
class IndexFields:
    characters: set[str] = field(default_factory=set)  # of every title and text so far
    converted: dict[Convert, dict[str, str]] = field(default_factory=dict)  # each word in the other scripts

    def set_on(self, doc: dict) -> dict:
        """The two fields set on one document, after its own keys."""
        title, text = doc.get("title", ""), doc.get("text", "")
        doc[FIGURES_FIELD] = plain_figures(text)
        doc[SCRIPT_FIELD] = other_script_words(title, text, BOTH_WAYS, self.converted)
        self.characters.update(title)
        self.characters.update(text)
        return doc

    def set_on_config(self, config: dict) -> dict:
        """The fields declared, and the folding table of every document's characters, once every
        document has had its fields set."""
        fields = config.setdefault("fields", {})
        fields[FIGURES_FIELD] = {"boost": 1.0}
        fields[SCRIPT_FIELD] = {"boost": 1.0}
        config[FOLDING] = simplified_forms(self.characters)
        return config


def with_search_fields(index: dict) -> dict:
    """Material's search index with the figures field and the other-script field (the hooks'
    on_post_build calls this, unless the fields were computed beside the build)."""
    computed = IndexFields()
    for doc in index.get("docs", []):
        computed.set_on(doc)
    computed.set_on_config(index.setdefault("config", {}))
    return index
