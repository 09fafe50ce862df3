"""The stage build's marks at every MkDocs event, at priority 51: before our handlers of priority 50 (our page before Material's search reads it; see stage_marks.py)."""

from stage_marks import handlers

globals().update(handlers("ours_early"))
