"""A forum's attendees: the list, imports, check-in, registration reads and their writes."""
