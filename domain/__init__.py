"""Folio's domain: entities, value objects, events and policies. Standard library only."""
