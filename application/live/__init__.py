"""Live events: what connected clients are told, and when."""
