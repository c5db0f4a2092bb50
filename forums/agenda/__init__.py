"""The run-of-show of a forum: its read model, its writes, the editor and its outputs."""
