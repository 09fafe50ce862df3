"""The stage build's marks at every MkDocs event, after every handler (see stage_marks.py)."""

from stage_marks import handlers

globals().update(handlers("last"))
