"""The stage build's marks at every MkDocs event, after ours, before the plugins' handlers of a priority below 0 (see stage_marks.py)."""

from stage_marks import handlers

globals().update(handlers("after_ours"))
