"""Our two search index fields (search_terms.py, search_scripts.py), computed document by document.

Each field is a function of one document's title and text, and the folding table of the whole
index a function of the characters they use; so the fields can be computed as the documents are
made, even in another process (scan_beside.py, while the build makes its pages), and set on the
index in one go at the end. `with_search_fields` is the same thing done all at once: both ways
run this one class, so they set the same keys in the same order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .search_scripts import BOTH_WAYS, FIELD as SCRIPT_FIELD, FOLDING, other_script_words, simplified_forms
from .search_terms import FIELD as FIGURES_FIELD, plain_figures


@dataclass
class IndexFields:
    figures: list[str] = field(default_factory=list)   # each document's, in the index's order
    others: list[str] = field(default_factory=list)
    characters: set[str] = field(default_factory=set)  # of every title and text

    def add(self, title: str, text: str) -> None:
        self.figures.append(plain_figures(text))
        self.others.append(other_script_words(title, text, BOTH_WAYS))
        self.characters.update(title)
        self.characters.update(text)

    def answer(self) -> tuple[list[str], list[str], dict[str, str]]:
        """What `set_on` needs, small enough to send back: the characters reduced to the table."""
        return self.figures, self.others, simplified_forms(self.characters)


def set_fields(index: dict, figures: list[str], others: list[str], folding: dict[str, str]) -> dict:
    """The fields set on Material's index, whose documents are those `figures` and `others` were
    computed from, in that order."""
    docs = index.get("docs", [])
    if len(docs) != len(figures) or len(docs) != len(others):
        raise ValueError(f"fields for {len(figures)} documents, the index has {len(docs)}")
    config = index.setdefault("config", {})
    fields = config.setdefault("fields", {})
    fields[FIGURES_FIELD] = {"boost": 1.0}
    fields[SCRIPT_FIELD] = {"boost": 1.0}
    for doc, figure_words, other_words in zip(docs, figures, others, strict=True):
        doc[FIGURES_FIELD] = figure_words
        doc[SCRIPT_FIELD] = other_words
    config[FOLDING] = folding
    return index


def with_search_fields(index: dict) -> dict:
    """Material's search index with the figures field and the other-script field (the hooks'
    on_post_build calls this, unless the fields were computed beside the build)."""
    computed = IndexFields()
    for doc in index.get("docs", []):
        computed.add(doc.get("title", ""), doc.get("text", ""))
    return set_fields(index, *computed.answer())
