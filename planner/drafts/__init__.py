"""planner-draft/1: what a document states, as data (see DRAFT_FORMAT.md).

``draft_import`` stores a draft as rows, ``draft_export`` writes a document's rows
back as a draft. The core handles the source, organisations, people, contacts and
agreements; each app registers the sections it owns (trips, events) in
``AppConfig.ready()`` through ``planner.drafts.registry``.
"""
