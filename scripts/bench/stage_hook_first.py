"""The stage build's marks at every MkDocs event, before every plugin's and hook's handler (see stage_marks.py)."""

from stage_marks import handlers, mark_files_written

globals().update(handlers("first"))
mark_files_written()
