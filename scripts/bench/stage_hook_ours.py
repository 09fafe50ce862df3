"""The stage build's marks at every MkDocs event, after the plugins' handlers of priority 0 and above, before ours (see stage_marks.py)."""

from stage_marks import handlers

globals().update(handlers("ours"))
