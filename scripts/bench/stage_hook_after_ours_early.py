"""The stage build's marks at every MkDocs event, at priority 49: after our handlers of priority 50, before the plugins of priority 0 (see stage_marks.py)."""

from stage_marks import handlers

globals().update(handlers("after_ours_early"))
