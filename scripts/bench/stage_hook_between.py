"""The stage build's marks at every MkDocs event, after the plugins' handlers and before ours (see stage_marks.py)."""

from stage_marks import handlers

globals().update(handlers("between"))
