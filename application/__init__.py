"""Folio's use cases and the ports they need. Imports only the domain and the standard library."""
